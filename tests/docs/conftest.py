"""Fixtures of the docs tests: a real `signly-sandbox serve` and the built site.

The sandbox is the command partners run (`signly-sandbox serve` on a loopback port), started
once per session (per pytest-xdist worker) in a subprocess, so the samples are checked
against exactly what they promise to run against.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.docs.build import build_site
from tests.lib.servers import served_sandbox


@pytest.fixture(scope="session")
def sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh `signly-sandbox serve` with the seeded tenants (default values),
    CORS on for any origin as by default: the reference's console calls it from the page."""
    log = tmp_path_factory.mktemp("sandbox") / "serve.log"
    with served_sandbox(log) as url:
        yield url


@pytest.fixture(scope="module")
def console_sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A sandbox of its own for the reference's console (CORS on, as by default): the
    credential samples revoke and recreate the second tenant's key on the shared one."""
    log = tmp_path_factory.mktemp("console-sandbox") / "serve.log"
    with served_sandbox(log) as url:
        yield url


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `nox -s docs` builds it, in a temporary directory."""
    site = tmp_path_factory.mktemp("docs") / "site"
    build_site(site)
    return site
