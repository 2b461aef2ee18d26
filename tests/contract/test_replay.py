"""Every failure is stored as a HAR cassette with its credentials masked, and one command
replays it: still failing against the broken server, passing against a fixed one.

Why: a failure found on a live server is only useful if a maintainer can confirm the fix
without rebuilding the case by hand. Both kinds are exercised: a property's failure (the
property runs again on the failing example) and a schemathesis check's (the requests are
sent again and the named check judges the answer).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from signly_contract.cassette import CASSETTES
from signly_contract.client import ApiClient
from signly_contract.properties import PROPERTIES
from signly_contract.properties.base import Ctx, run_property
from signly_contract.replay import embedded_values, main, replay
from signly_contract.report import REPORT
from signly_contract.schemathesis_glue import Runner, load_schema, operation_test
from signly_contract.settings import RunSettings
from signly_contract.target import PAGE_TENANT, Target, embedded_app, open_target
from signly_contract.violations import ContractViolation
from tests.contract.faults import FAULTS, wrap

pytestmark = pytest.mark.slow
SETTINGS = RunSettings(base_url=None, seed=20261201, max_examples=4)


@contextmanager
def target_with(fault_name: str | None) -> Iterator[Target]:
    fault = next((f for f in FAULTS if f.name == fault_name), None)
    factory = (lambda: embedded_app(wrap(fault))) if fault else None
    with open_target(SETTINGS, app_factory=factory) as target:
        yield target


def stored(tmp_path: Path) -> Path:
    cassettes = [Path(f.cassette) for f in REPORT.findings if f.cassette]
    assert cassettes, [f.check for f in REPORT.findings]
    har = json.loads(cassettes[0].read_text())
    assert har["log"]["version"] == "1.2" and har["log"]["entries"]
    text = cassettes[0].read_text()
    assert PAGE_TENANT.api_key not in text and PAGE_TENANT.tenant_id not in text
    assert "$SIGNLY_API_KEY" in text, "the key is not masked as its variable"
    return cassettes[0]


def test_a_property_failure_replays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    REPORT.reset()
    CASSETTES.configure(str(tmp_path), SETTINGS.seed)
    try:
        with target_with("key_without_tenant_served") as target:
            api = ApiClient(target.base_url, target.primary)
            with pytest.raises(ContractViolation):
                run_property(
                    PROPERTIES["partial_and_crossed_credentials"].run,
                    Ctx(api, target, SETTINGS.max_examples, SETTINGS.seed),
                )
            cassette = stored(tmp_path)
            assert replay(cassette, target, embedded_values()).still_fails
            api.close()
    finally:
        CASSETTES.configure(None, None)
    # The command, against a fixed server (the embedded sandbox): exit 0, "passes now".
    assert main([str(cassette)]) == 0
    assert "passes now" in capsys.readouterr().out


def test_a_schemathesis_failure_replays(tmp_path: Path) -> None:
    REPORT.reset()
    CASSETTES.configure(str(tmp_path), SETTINGS.seed)
    try:
        with target_with("undocumented_status") as target:
            runner = Runner(target)
            schema = load_schema(target, "examples", SETTINGS.max_examples)
            runner.install(schema)
            test = operation_test(schema, "GET", "/v1/templates/{templateId}", runner)
            assert test is not None
            with pytest.raises(BaseException):  # noqa: B017 - schemathesis's FailureGroup
                test()
            cassette = stored(tmp_path)
            assert replay(cassette, target, embedded_values()).still_fails
    finally:
        CASSETTES.configure(None, None)
    with target_with(None) as clean:
        verdict = replay(cassette, clean, embedded_values())
    assert not verdict.still_fails, verdict.detail
