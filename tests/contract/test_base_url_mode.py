"""`--base-url` mode end to end: `signly-sandbox serve` in a subprocess, the suite over HTTP.

Why: the live-server path (credentials from the environment only, nothing in argv, no
embedded sandbox, masked output) must work before anyone points it at production. This runs
a small, read-mostly slice of the real suite against a separately started server.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from signly_contract.operations import REPO
from signly_contract.target import PAGE_TENANT
from tests.lib.env import clean_environ
from tests.lib.servers import served_sandbox

SLICE = (
    "unknown_ids_404 or foreign_tenant_refused or template_fields or (test_examples and versions)"
)


@pytest.mark.slow
def test_suite_against_a_served_sandbox(tmp_path: Path) -> None:
    # Credentials reach the suite through the environment only, as on a partner's machine.
    env = clean_environ(SIGNLY_TENANT_ID=PAGE_TENANT.tenant_id, SIGNLY_API_KEY=PAGE_TENANT.api_key)
    with served_sandbox(tmp_path / "serve.log") as url:
        report = tmp_path / "report.json"
        run = subprocess.run(
            [
                str(Path(sys.executable).with_name("signly-contract")),
                "-q",
                "-p",
                "no:cacheprovider",
                "--base-url",
                url,
                "--max-examples",
                "3",
                "--seed",
                "7",
                "-k",
                SLICE,
                "--contract-report",
                str(report),
                "--junitxml",
                str(tmp_path / "junit.xml"),
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    assert PAGE_TENANT.api_key not in output, "the API key was printed"
    assert f"target {url}" in output and "repeat with --seed 7" in output
    data = json.loads(report.read_text())
    assert data["cases"] > 0 and not data["findings"]
    assert (tmp_path / "junit.xml").exists()
