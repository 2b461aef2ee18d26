"""The tests are hermetic: a developer's `SIGNLY_*` settings change nothing.

The client, the sandbox and the contract suite all read `SIGNLY_*` variables; the `hermetic`
plugin (tests/lib/fixtures/hermetic.py) removes them for every test and every subprocess a
test starts. This runs a slice of the suite that reads them (the suite's embedded mode, the
client's configuration, planted faults, a later release) in a pytest
subprocess with foreign values set: every test of it must pass. The foreign base URL is a
closed loopback port, so a leak would fail fast and never leave the machine.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ, foreign_names
from tests.lib.servers import free_port

SLICE = [
    "tests/contract/test_embedded_mode.py",
    "tests/client/test_storage_and_config.py",
    "tests/contract/test_planted_faults.py::test_property_catches_fault[cross_tenant_read]",
    "tests/evolution/test_later_release.py::test_the_raw_generated_client_parses_the_later_release",
]


def foreign_environment() -> dict[str, str]:
    """A developer's settings for another tenant on another server."""
    return {
        "SIGNLY_TENANT_ID": "11111111-1111-4111-8111-111111111111",
        "SIGNLY_API_KEY": "sk_foreign",
        "SIGNLY_BASE_URL": f"http://127.0.0.1:{free_port()}",  # nothing listens there
        "SIGNLY_ADMIN_TOKEN": "x",
        "SIGNLY_OTHER_TENANT_ID": "22222222-2222-4222-8222-222222222222",
        "SIGNLY_OTHER_API_KEY": "sk_foreign_other",
        "SIGNLY_LOG": "debug",
    }


def test_no_test_sees_a_signly_variable() -> None:
    assert foreign_names() == []


@pytest.mark.slow
def test_a_slice_of_the_suite_passes_with_foreign_signly_variables(tmp_path: Path) -> None:
    env = clean_environ(**foreign_environment())
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA",
         "--basetemp", str(tmp_path / "inner"), *SLICE],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert "hermetic: ignoring the environment's SIGNLY_ADMIN_TOKEN" in output, output[-2000:]
    summary = re.search(r"(\d+) passed", output)
    assert summary is not None and int(summary.group(1)) >= len(SLICE), output[-2000:]
    assert not re.search(r"\d+ (failed|error|skipped)", output), output[-2000:]
