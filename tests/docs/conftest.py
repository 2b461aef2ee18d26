"""Fixtures of the docs tests: a real `signly-sandbox serve` and the built site.

The sandbox is the command partners run (`signly-sandbox serve` on a loopback port), started
once per session (per pytest-xdist worker) in a subprocess, so the samples are checked
against exactly what they promise to run against.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.docs.build import build_site
from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ
from tests.lib.servers import HOST, free_port, served_sandbox, stop, wait_until_listening


@pytest.fixture(scope="session")
def sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh `signly-sandbox serve` with the seeded tenants (default values)."""
    log = tmp_path_factory.mktemp("sandbox") / "serve.log"
    with served_sandbox(log) as url:
        yield url


@pytest.fixture(scope="session")
def cors_sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the sandbox with CORS, for the reference's console (a file:// page).

    Test-only: `signly-sandbox serve` has no CORS until issue 15 lands (it adds CORS, on by
    default); until then tests/lib/cors_sandbox.py wraps the same app in Starlette's
    CORSMiddleware. When it lands, this fixture becomes `sandbox_url` and that module goes.
    """
    log = tmp_path_factory.mktemp("cors-sandbox") / "serve.log"
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.lib.cors_sandbox", "--port", str(port)],
            stdout=output, stderr=subprocess.STDOUT, env=clean_environ(), cwd=REPO_ROOT,
        )  # fmt: skip
        try:
            wait_until_listening(port, process, describe=lambda: log.read_text(errors="replace"))
            yield f"http://{HOST}:{port}"
        finally:
            stop(process)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `nox -s docs` builds it, in a temporary directory."""
    site = tmp_path_factory.mktemp("docs") / "site"
    build_site(site)
    return site
