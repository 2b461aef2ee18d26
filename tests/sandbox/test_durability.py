"""Concurrent version creation never loses or duplicates a version; `signly-sandbox serve` prints
everything needed to call it. (That a `kill -9` loses no write acknowledged with 2xx is the
crash drill, tests/drills/test_crash.py, which runs in the default test command too.)"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signly_sandbox.clock import SystemClock
from signly_sandbox.config import (
    PAGE_ADMIN_TOKEN,
    PAGE_API_KEY,
    PAGE_TENANT_ID,
    SECOND_ADMIN_TOKEN,
    SECOND_API_KEY,
    SECOND_TENANT_ID,
    SandboxConfig,
)
from signly_sandbox.process import Server
from signly_sandbox.store import Store

TENANT = SandboxConfig().tenants[0]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(threads=st.integers(2, 6), per_thread=st.integers(1, 6))
def test_concurrent_versions_are_each_created_once(threads: int, per_thread: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        clock = SystemClock()
        first = Store(clock, Path(data_dir))
        first.seed_tenant(TENANT, 10)
        template_id = first.create_template(TENANT.tenant_id, "T", None)["templateId"]
        stores = [Store(clock, Path(data_dir)) for _ in range(threads)]
        returned: list[int] = []
        start = threading.Barrier(threads)

        def work(store: Store) -> None:
            start.wait()
            for _ in range(per_thread):
                version = store.new_template_version(TENANT.tenant_id, template_id, "T", None)
                returned.append(version["version"])

        workers = [threading.Thread(target=work, args=(store,)) for store in stores]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        expected = list(range(1, threads * per_thread + 2))
        history = [v["version"] for v in first.template_history(TENANT.tenant_id, template_id)]
        assert history == expected
        assert sorted([1, *returned]) == expected
        for store in [first, *stores]:
            store.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "state"


@pytest.mark.slow
def test_serve_banner(data_dir: Path) -> None:
    server = Server(data_dir)
    try:
        for text in (
            server.url,
            PAGE_TENANT_ID,
            PAGE_API_KEY,
            f"Bearer {PAGE_ADMIN_TOKEN}",
            SECOND_TENANT_ID,
            SECOND_API_KEY,
            f"Bearer {SECOND_ADMIN_TOKEN}",
            str(data_dir),
        ):
            assert text in server.banner
    finally:
        server.stop()
