"""The partner program in consumer_example.py type-checks under `mypy --strict` and runs
against the in-process sandbox."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal
from signly_client import SignlyAdminClient

from signly_sandbox.config import PAGE_ADMIN_TOKEN
from tests.client import consumer_example
from tests.lib.client import BASE_URL, PortalTransport, async_client, sync_client

EXAMPLE = Path(consumer_example.__file__)


@pytest.mark.slow
def test_consumer_example_passes_mypy_strict(tmp_path: Path) -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
         "--cache-dir", str(tmp_path / "mypy"), str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Success" in checked.stdout


def test_consumer_example_runs_against_the_sandbox(app: Any, portal: BlockingPortal) -> None:
    with SignlyAdminClient(
        token=PAGE_ADMIN_TOKEN,
        base_url=BASE_URL,
        httpx_args={"transport": PortalTransport(app, portal)},
    ) as admin:
        assert consumer_example.bootstrap(admin) == "KEY"
    with sync_client(app, portal) as client:
        document_id = consumer_example.partner_flow(client)
        assert client.get_document(document_id).data.status == "CANCELLED"


@pytest.mark.anyio
async def test_consumer_example_async_flow(app: Any) -> None:
    async with async_client(app) as client:
        assert await consumer_example.async_flow(client) == 1
