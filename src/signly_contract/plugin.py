"""The contract suite's pytest plugin: `pytest tests/contract -p signly_contract.plugin`.

Why a plugin and not a conftest: the same options (`--base-url`, `--read-only`, ...) must be
available whatever directory pytest starts from, and the self-tests of the suite (planted
faults, `--base-url` mode) run without it in the default `nox -s tests`. Credentials come
from the environment only (SIGNLY_TENANT_ID, SIGNLY_API_KEY, SIGNLY_ADMIN_TOKEN) and are
masked in every line this plugin prints.

`--workers N` runs the suite on N pytest-xdist workers: each worker checks its own share of
the tests (against the embedded sandbox, each its own sandbox; against `--base-url`, the one
server), paced at its share of `--rate-limit`, and hands its report to the controller,
which prints the one summary and writes the JSON and HTML reports.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from signly_contract import html_report
from signly_contract.cassette import CASSETTES
from signly_contract.cleanup import clean_up
from signly_contract.client import ApiClient, Pacer
from signly_contract.coverage import documented
from signly_contract.report import REPORT
from signly_contract.schemathesis_glue import Runner
from signly_contract.settings import RunSettings, parse_rate
from signly_contract.target import Target, open_target

DEFAULT_JUNIT = Path("reports") / "contract-junit.xml"
DEFAULT_JSON = Path("reports") / "contract-report.json"
DEFAULT_HTML = Path("reports") / "contract-report.html"
DEFAULT_CASSETTES = Path("reports") / "cassettes"
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
    group.addoption(
        "--contract-html",
        default=str(DEFAULT_HTML),
        help="where to write the single-file HTML report (offline; '' for none)",
    )
    group.addoption(
        "--cassettes",
        default=str(DEFAULT_CASSETTES),
        help="where each failure is stored as a HAR cassette, credentials masked "
        "(replay one with `signly-contract replay PATH`; '' for none)",
    )
    group.addoption(
        "--no-coverage",
        action="store_true",
        help="do not record coverage nor write the HTML report (to measure what they cost)",
    )
    group.addoption(
        "--workers",
        type=int,
        default=None,
        help="spread the run over N pytest-xdist workers (--rate-limit stays a global bound)",
    )
    group.addoption(
        "--webhook-url",
        default=None,
        help="with --base-url: the URL the tenant's webhook delivers to, which must reach "
        "the receiver the suite starts (--webhook-listen); secret in $SIGNLY_WEBHOOK_SECRET",
    )
    group.addoption(
        "--webhook-listen",
        default=None,
        help="HOST:PORT the webhook receiver listens on (default: loopback, the port of "
        "--webhook-url, or any free one)",
    )


def workers_of(config: pytest.Config) -> int:
    """How many workers share the run (1 without pytest-xdist)."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        return int(workerinput.get("workercount", 1))
    count = getattr(config.option, "numprocesses", None)
    return int(count) if isinstance(count, int) and count > 0 else 1


def settings_from(config: pytest.Config) -> RunSettings:
    seed = config.getoption("--seed")
    rate = parse_rate(config.getoption("--rate-limit"))
    workers = workers_of(config)
    return RunSettings(
        base_url=config.getoption("--base-url"),
        read_only=config.getoption("--read-only"),
        no_billable=config.getoption("--no-billable"),
        include_admin=config.getoption("--include-admin"),
        # A global bound: each worker paces itself at its share.
        rate_limit=rate / workers if rate and hasattr(config, "workerinput") else rate,
        seed=seed if seed is not None else config.stash[SEED_KEY],
        max_examples=config.getoption("--max-examples") or 25,
        workers=workers,
        webhook_url=config.getoption("--webhook-url"),
        webhook_listen=config.getoption("--webhook-listen"),
        cassettes=config.getoption("--cassettes") or None,
    )


@pytest.hookimpl(wrapper=True)
def pytest_cmdline_main(config: pytest.Config) -> Generator[None, Any, Any]:
    """`--workers N` is pytest-xdist's `-n N` (set before xdist reads it)."""
    workers = config.getoption("--workers", None)
    if workers and workers > 1 and not hasattr(config, "workerinput"):
        if not config.pluginmanager.hasplugin("xdist"):
            raise pytest.UsageError("--workers needs pytest-xdist (pip install pytest-xdist)")
        config.option.numprocesses = workers
        if getattr(config.option, "dist", "no") == "no":
            config.option.dist = "load"
        if config.getoption("--base-url") and config.getoption("--include-admin"):
            raise pytest.UsageError(
                "--include-admin revokes and recreates the credential every worker uses: "
                "run it with --workers 1"
            )
    return (yield)


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
    config.addinivalue_line("markers", "contract_last: runs after the other non-admin tests")
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None and "signly_seed" in workerinput:
        config.stash[SEED_KEY] = int(workerinput["signly_seed"])
    else:
        config.stash[SEED_KEY] = random.SystemRandom().randrange(1, 2**31)
    if getattr(config.option, "xmlpath", None) is None and workerinput is None:
        DEFAULT_JUNIT.parent.mkdir(parents=True, exist_ok=True)
        config.option.xmlpath = str(DEFAULT_JUNIT)
    REPORT.reset()
    REPORT.coverage.enabled = not config.getoption("--no-coverage")
    settings = settings_from(config)
    worker = workerinput.get("workerid", "") if workerinput is not None else ""
    CASSETTES.configure(settings.cassettes, settings.seed, f"{worker}-" if worker else "")
    for label, reason in exclusions(settings).items():
        REPORT.coverage.exclude(label, reason)


def exclusions(settings: RunSettings) -> dict[str, str]:
    """The operations this run never sends, and why (the report says so per operation)."""
    found = {}
    admin_token = settings.embedded or bool(os.environ.get("SIGNLY_ADMIN_TOKEN"))
    for label, spec in documented().items():
        if settings.read_only and spec.method not in ("GET", "HEAD"):
            found[label] = "--read-only: only GET requests are sent"
        elif settings.no_billable and spec.operation_id == "publish_document":
            found[label] = "--no-billable: publishing costs a credit, it is never sent"
        elif spec.path == "/api" and not (settings.admin_allowed and admin_token):
            found[label] = "no admin session: /api needs --include-admin and $SIGNLY_ADMIN_TOKEN"
    return found


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: absent without it
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist (controller): every worker runs with the controller's seed."""
    if running_the_suite(node.config):
        node.workerinput["signly_seed"] = node.config.stash[SEED_KEY]


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: absent without it
def pytest_testnodedown(node: Any, error: Any) -> None:
    """pytest-xdist (controller): a worker finished; add its report to ours."""
    state = getattr(node, "workeroutput", {}).get("signly_report")
    if state is not None and running_the_suite(node.config):
        REPORT.merge(state)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """pytest-xdist (worker): hand the report to the controller, after the cleanup ran."""
    config = session.config
    if running_the_suite(config) and hasattr(config, "workeroutput"):
        config.workeroutput["signly_report"] = REPORT.to_state()


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
    workers = f"; {settings.workers} workers" if settings.workers > 1 else ""
    return [
        f"contract: target {where}; seed {settings.seed} (repeat with --seed {settings.seed}); "
        f"max-examples {settings.max_examples}; {' '.join(flags) or 'all operations'}{workers}"
    ]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip what the flags forbid; run admin tests last (they may rotate the credential),
    and just before them the ones that only add what the others did not reach."""
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
    items.sort(
        key=lambda item: (
            item.get_closest_marker("contract_admin") is not None,
            item.get_closest_marker("contract_last") is not None,
        )
    )


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


_COVERAGE_LINES: list[str] = []


def _report_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    settings = settings_from(config)
    elapsed = time.monotonic() - _started
    building = time.perf_counter()
    terminalreporter.section("Signly contract report")
    for line in REPORT.render():
        terminalreporter.write_line(line)
    rate = REPORT.cases / elapsed if elapsed else 0.0
    workers = f"; {settings.workers} workers" if settings.workers > 1 else ""
    run_line = (
        f"target {settings.base_url or 'embedded sandbox'}; "
        f"wall time {elapsed:.1f} s; {REPORT.cases} requests ({rate:.0f}/s){workers}; "
        f"seed {settings.seed}: repeat with --seed {settings.seed}"
    )
    data = REPORT.to_json()
    data["run"] = {
        "target": settings.base_url or "embedded sandbox",
        "seed": settings.seed,
        "workers": settings.workers,
        "wall_seconds": round(elapsed, 2),
        "requests_per_second": round(rate, 1),
        "flags": " ".join(
            name
            for name, on in (
                ("--read-only", settings.read_only),
                ("--no-billable", settings.no_billable),
                ("--include-admin", settings.include_admin),
            )
            if on
        ),
    }
    path = Path(config.getoption("--contract-report"))
    REPORT.write_json(path, data)
    written = [f"JSON report: {path}"]
    html_path = config.getoption("--contract-html")
    if html_path and REPORT.coverage.enabled:
        html_report.write(data, Path(html_path))
        written.append(f"HTML report: {html_path}")
    written.append(f"JUnit XML: {config.option.xmlpath}")
    _COVERAGE_LINES[:] = REPORT.render_coverage()
    terminalreporter.write_line("")
    terminalreporter.write_line(run_line)
    terminalreporter.write_line("; ".join(written))
    if REPORT.coverage.enabled:
        # What coverage and the reports cost this run, measured as it went: recording every
        # exchange (summed over workers, so it may exceed the share of the wall time it
        # took) and building the JSON, HTML and coverage summary.
        built = time.perf_counter() - building
        cost = REPORT.coverage.cost + built
        terminalreporter.write_line(
            f"coverage and reports cost {cost:.2f} s ({REPORT.coverage.cost:.2f} s recording "
            f"exchanges, {built:.2f} s writing): {100.0 * cost / elapsed:.1f}% of the wall time"
        )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> Generator[None, None, None]:
    """The Signly report, then its coverage, after pytest's own summaries: the run's output
    ends with the coverage percentage (and then pytest's count of passed tests)."""
    yield
    if not running_the_suite(config) or not (REPORT.cases or REPORT.passed or REPORT.failed):
        return
    _report_summary(terminalreporter, config)
    terminalreporter.section("Signly contract coverage")
    for line in _COVERAGE_LINES or REPORT.render_coverage():
        terminalreporter.write_line(line)
