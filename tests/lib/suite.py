"""Run the contract suite (`signly-contract`) in a subprocess, as a partner would.

Its reports go to a test's tmp_path; with a base URL, the credentials reach it through the
environment only (the page tenant's, which `signly-sandbox serve` seeds).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from signly_contract.target import PAGE_TENANT
from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ


@dataclass
class SuiteRun:
    returncode: int
    output: str
    report: dict[str, Any]
    reports: Path


def run_suite(
    tmp_path: Path, *args: str, base_url: str | None = None, timeout: float = 300
) -> SuiteRun:
    """`signly-contract [--base-url URL] ARGS` with its reports under `tmp_path/reports`."""
    reports = tmp_path / "reports"
    env = clean_environ()
    target: list[str] = []
    if base_url is not None:
        env = clean_environ(
            SIGNLY_TENANT_ID=PAGE_TENANT.tenant_id, SIGNLY_API_KEY=PAGE_TENANT.api_key
        )
        target = ["--base-url", base_url]
    run = subprocess.run(
        [
            str(Path(sys.executable).with_name("signly-contract")),
            "-q",
            "-p",
            "no:cacheprovider",
            *target,
            "--contract-report",
            str(reports / "contract-report.json"),
            "--contract-html",
            str(reports / "contract-report.html"),
            "--cassettes",
            str(reports / "cassettes"),
            "--junitxml",
            str(reports / "junit.xml"),
            *args,
        ],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    path = reports / "contract-report.json"
    report = json.loads(path.read_text()) if path.exists() else {}
    return SuiteRun(run.returncode, run.stdout + run.stderr, report, reports)
