"""`--base-url` mode end to end: `signly-sandbox serve` in a subprocess, the suite over HTTP.

Why: the live-server path (credentials from the environment only, nothing in argv, no
embedded sandbox, masked output) must work before anyone points it at production. This runs
a small, read-mostly slice of the real suite against a separately started server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from signly_contract.operations import REPO
from signly_contract.server import free_port
from signly_contract.target import PAGE_TENANT

SLICE = (
    "unknown_ids_404 or foreign_tenant_refused or template_fields or (test_examples and versions)"
)


def _wait(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "signly-sandbox serve exited"
        try:
            httpx.get(f"{url}/v1/templates/x", timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise TimeoutError(url)


def test_suite_against_a_served_sandbox(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "SIGNLY_TENANT_ID": PAGE_TENANT.tenant_id,
        "SIGNLY_API_KEY": PAGE_TENANT.api_key,
    }
    env.pop("SIGNLY_ADMIN_TOKEN", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "signly_sandbox.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(url, server)
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
    finally:
        server.terminate()
        server.wait(timeout=10)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    assert PAGE_TENANT.api_key not in output, "the API key was printed"
    assert f"target {url}" in output and "repeat with --seed 7" in output
    data = json.loads(report.read_text())
    assert data["cases"] > 0 and not data["findings"]
    assert (tmp_path / "junit.xml").exists()
