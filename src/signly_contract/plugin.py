"""The contract suite's pytest plugin: `pytest tests/contract -p signly_contract.plugin`.

Why a plugin and not a conftest: the same options (`--base-url`, `--read-only`, ...) must be
available whatever directory pytest starts from, and the self-tests of the suite (planted
faults, `--base-url` mode) run without it in the default `nox -s tests`. Credentials come
from the environment only (SIGNLY_TENANT_ID, SIGNLY_API_KEY, SIGNLY_ADMIN_TOKEN) and are
masked in every line this plugin prints.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from signly_contract.cleanup import clean_up
from signly_contract.client import ApiClient, Pacer
from signly_contract.report import REPORT
from signly_contract.schemathesis_glue import Runner
from signly_contract.settings import RunSettings, parse_rate
from signly_contract.target import Target, open_target

DEFAULT_JUNIT = Path("reports") / "contract-junit.xml"
DEFAULT_JSON = Path("reports") / "contract-report.json"
_started = time.monotonic()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "Signly contract suite")
    group.addoption(
        "--base-url",
        default=None,
        help="server to check (default: an embedded sandbox on a loopback port)",
    )
    group.addoption(
        "--tenant-id", default=None, help="tenant to act as (default: $SIGNLY_TENANT_ID)"
    )
    group.addoption("--read-only", action="store_true", help="send GET requests only")
    group.addoption(
        "--no-billable",
        action="store_true",
        help="never publish a document (publishing costs a credit)",
    )
    group.addoption(
        "--include-admin",
        action="store_true",
        help="with --base-url, also exercise /api (replaces and revokes the "
        "tenant's partner credential; needs $SIGNLY_ADMIN_TOKEN)",
    )
    group.addoption("--rate-limit", default=None, help="at most N requests per second, as N/s")
    group.addoption("--seed", type=int, default=None, help="seed to repeat a run exactly")
    group.addoption(
        "--max-examples",
        type=int,
        default=None,
        help="examples per operation (fuzzing) and per property (default 25)",
    )
    group.addoption(
        "--contract-report", default=str(DEFAULT_JSON), help="where to write the JSON report"
    )


def settings_from(config: pytest.Config) -> RunSettings:
    seed = config.getoption("--seed")
    return RunSettings(
        base_url=config.getoption("--base-url"),
        read_only=config.getoption("--read-only"),
        no_billable=config.getoption("--no-billable"),
        include_admin=config.getoption("--include-admin"),
        rate_limit=parse_rate(config.getoption("--rate-limit")),
        seed=seed if seed is not None else config.stash[SEED_KEY],
        max_examples=config.getoption("--max-examples") or 25,
    )


SEED_KEY = pytest.StashKey[int]()


ACTIVE_KEY = pytest.StashKey[bool]()


def running_the_suite(config: pytest.Config) -> bool:
    """Whether this pytest run checks a server. Installed, the plugin is loaded in every
    pytest run of the environment (its entry point); it only acts in runs of the suite."""
    return config.stash.get(ACTIVE_KEY, False)


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    suite = Path(__file__).with_name("suite")
    config.stash[ACTIVE_KEY] = any(
        "signly_contract.suite" in str(arg) or str(suite) in str(Path(str(arg)).resolve())
        for arg in config.args
    )
    if not running_the_suite(config):
        return
    config.addinivalue_line("markers", "contract_admin: uses the admin session on /api (runs last)")
    config.addinivalue_line("markers", "contract_write: creates or changes data on the server")
    config.addinivalue_line("markers", "contract_billable: publishes documents (costs credits)")
    config.stash[SEED_KEY] = random.SystemRandom().randrange(1, 2**31)
    if getattr(config.option, "xmlpath", None) is None:
        DEFAULT_JUNIT.parent.mkdir(parents=True, exist_ok=True)
        config.option.xmlpath = str(DEFAULT_JUNIT)
    REPORT.reset()


def pytest_report_header(config: pytest.Config) -> list[str]:
    if not running_the_suite(config):
        return []
    settings = settings_from(config)
    where = settings.base_url or "embedded sandbox (loopback)"
    flags = [
        name
        for name, on in (
            ("read-only", settings.read_only),
            ("no-billable", settings.no_billable),
            ("include-admin", settings.include_admin),
        )
        if on
    ]
    return [
        f"contract: target {where}; seed {settings.seed} (repeat with --seed {settings.seed}); "
        f"max-examples {settings.max_examples}; {' '.join(flags) or 'all operations'}"
    ]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip what the flags forbid; run admin tests last (they may rotate the credential)."""
    if not running_the_suite(config):
        return
    settings = settings_from(config)
    for item in items:
        if settings.read_only and (
            item.get_closest_marker("contract_write")
            or item.get_closest_marker("contract_billable")
        ):
            item.add_marker(pytest.mark.skip(reason="--read-only"))
        if settings.no_billable and item.get_closest_marker("contract_billable"):
            item.add_marker(pytest.mark.skip(reason="--no-billable"))
        if item.get_closest_marker("contract_admin") and not settings.admin_allowed:
            item.add_marker(pytest.mark.skip(reason="admin checks need --include-admin here"))
    items.sort(key=lambda item: item.get_closest_marker("contract_admin") is not None)


@pytest.fixture(scope="session")
def run_settings(pytestconfig: pytest.Config) -> RunSettings:
    return settings_from(pytestconfig)


@pytest.fixture(scope="session")
def contract_target(run_settings: RunSettings, pytestconfig: pytest.Config) -> Iterator[Target]:
    """The server under test for the whole session; created data is removed at the end."""
    with open_target(run_settings, pytestconfig.getoption("--tenant-id")) as target:
        cleaner = ApiClient(target.base_url, target.primary, Pacer(run_settings.rate_limit))
        try:
            yield target
        finally:
            problems = clean_up(target, cleaner)
            cleaner.close()
            for problem in problems:
                print(f"contract cleanup: {problem}")


@pytest.fixture(scope="session")
def api(contract_target: Target, run_settings: RunSettings) -> Iterator[ApiClient]:
    client = ApiClient(
        contract_target.base_url, contract_target.primary, Pacer(run_settings.rate_limit)
    )
    yield client
    client.close()


@pytest.fixture(scope="session")
def st_runner(contract_target: Target) -> Runner:
    return Runner(contract_target)


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    if not running_the_suite(config) or not (REPORT.cases or REPORT.passed or REPORT.failed):
        return
    settings = settings_from(config)
    elapsed = time.monotonic() - _started
    terminalreporter.section("Signly contract report")
    for line in REPORT.render():
        terminalreporter.write_line(line)
    rate = REPORT.cases / elapsed if elapsed else 0.0
    terminalreporter.write_line("")
    terminalreporter.write_line(
        f"target {settings.base_url or 'embedded sandbox'}; "
        f"wall time {elapsed:.1f} s; {REPORT.cases} requests ({rate:.0f}/s); "
        f"seed {settings.seed}: repeat with --seed {settings.seed}"
    )
    path = Path(config.getoption("--contract-report"))
    REPORT.write_json(path)
    terminalreporter.write_line(f"JSON report: {path}; JUnit XML: {config.option.xmlpath}")
