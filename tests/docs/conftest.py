"""Fixtures of the docs tests: the repository on sys.path, a real `signly-sandbox serve`, the site.

The sandbox is the command partners run (`signly-sandbox serve` on a loopback port), started
once per session in a subprocess, so the samples are checked against exactly what they
promise to run against.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from scripts.docs.build import build_site  # noqa: E402

STARTUP_SECONDS = 60.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="session")
def sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh `signly-sandbox serve` with the seeded tenants (default values)."""
    port = _free_port()
    log = tmp_path_factory.mktemp("sandbox") / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNLY_")}
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "signly_sandbox.cli", "serve", "--port", str(port)],
            stdout=output, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not _listening(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"signly-sandbox serve did not start:\n{log.read_text()}")
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `nox -s docs` builds it, in a temporary directory."""
    site = tmp_path_factory.mktemp("docs") / "site"
    build_site(site)
    return site
