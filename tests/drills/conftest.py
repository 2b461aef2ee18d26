"""Drill fixtures: the size (`--drill-size reduced|full`) and one `signly-sandbox serve` process
shared by the load, hostile input and auth drills."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from signly_sandbox.process import Server
from tests.drills.live import FIGURES, SIZES, DrillSize, Tenant, seeded_tenants

# Publishing costs a credit (D19): enough for any drill.
CREDITS = "1000000000"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--drill-size",
        choices=sorted(SIZES),
        default="reduced",
        help="reduced (default test run) or full (nox -s drills)",
    )


@pytest.fixture(scope="session")
def drill_size(pytestconfig: pytest.Config) -> DrillSize:
    # Registered only when pytest starts in tests/drills; the whole-suite run gets the default.
    return SIZES[str(pytestconfig.getoption("--drill-size", default="reduced"))]


@pytest.fixture(scope="session")
def live() -> Iterator[Server]:
    """The sandbox as a separate process, in memory, with effectively unlimited credits."""
    with Server(None, "--credits", CREDITS) as server:
        yield server


@pytest.fixture(scope="session")
def tenants() -> tuple[Tenant, Tenant]:
    """The two seeded tenants of `live`; drills that rotate a key update it here."""
    return seeded_tenants()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not FIGURES.drills:
        return
    size = str(terminalreporter.config.getoption("--drill-size", default="reduced"))
    terminalreporter.section(f"Drill figures ({size})")
    for line in FIGURES.lines():
        terminalreporter.write_line(line)
    FIGURES.write(size)
