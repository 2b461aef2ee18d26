"""`--no-billable` never publishes a document, counted on the wire (every phase and check).

Why: each `POST /v1/documents` costs a live tenant a credit; the flag promises none is sent,
whatever the stateful phase's links, the properties or the status recipes would do. The
suite runs against `signly-sandbox serve` through a recording proxy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lib.proxy import recording_proxy
from tests.lib.servers import served_sandbox
from tests.lib.suite import run_suite


@pytest.mark.slow
def test_no_billable_never_publishes(tmp_path: Path) -> None:
    with served_sandbox(tmp_path / "serve.log") as url, recording_proxy(url) as (proxy, seen):
        run = run_suite(tmp_path, "--no-billable", "--max-examples", "1", base_url=proxy)
    assert run.returncode == 0, run.output[-4000:]
    publishes = [r for r in seen.requests if r == ("POST", "/v1/documents")]
    assert not publishes, f"{len(publishes)} POST /v1/documents under --no-billable"
    methods = seen.methods()
    assert methods.get("POST", 0) > 50 and methods.get("DELETE", 0) > 20, methods
