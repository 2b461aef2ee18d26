"""`--base-url` mode end to end, and what `--read-only` really sends, counted on the wire.

Why: the live-server path (credentials from the environment only, nothing in argv, no
embedded sandbox, masked output) must work before anyone points it at production, and a
maintainer checking production with `--read-only` ("send only GET requests") must be able
to trust that nothing else leaves the suite, whatever phase or check: schemathesis's
unsupported-method check alone used to send 64 DELETE/POST/PUT/PATCH/TRACE/QUERY/OPTIONS
requests to the GET paths. `signly-sandbox serve` runs in a subprocess behind a recording
proxy, and the whole read-only suite runs through it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from signly_contract.target import PAGE_TENANT
from tests.lib.proxy import recording_proxy
from tests.lib.servers import served_sandbox
from tests.lib.suite import run_suite


@pytest.mark.slow
def test_read_only_sends_nothing_but_get(tmp_path: Path) -> None:
    with served_sandbox(tmp_path / "serve.log") as url, recording_proxy(url) as (proxy, seen):
        run = run_suite(
            tmp_path, "--read-only", "--max-examples", "1", "--seed", "7", base_url=proxy
        )
    assert run.returncode == 0, run.output[-4000:]
    methods = seen.methods()
    assert set(methods) <= {"GET", "HEAD"}, methods
    assert methods["GET"] > 100, methods
    # The live-server path: credentials from the environment only, never printed.
    assert PAGE_TENANT.api_key not in run.output, "the API key was printed"
    assert f"target {proxy}" in run.output and "repeat with --seed 7" in run.output
    assert run.report["cases"] > 0 and not run.report["findings"]
    assert (run.reports / "junit.xml").exists() and (run.reports / "contract-report.html").exists()
    # The report says what a read-only run could not reach, and why.
    publish = next(o for o in run.report["operations"] if o["operation"] == "POST /v1/documents")
    assert publish["excluded"].startswith("--read-only"), publish
    assert run.output.rstrip().splitlines()[-2].startswith("coverage "), run.output[-500:]
