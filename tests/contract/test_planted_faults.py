"""The suite catches every planted fault, naming the right check (runs in `nox -s tests`).

Why: each fault in faults.FAULTS is a plausible server bug; if the part of the suite aimed
at it passed against the broken server, that part would prove nothing. Each test starts the
real sandbox wrapped by one fault on a loopback port and runs only the targeted property or
schemathesis phase+operation, with a small budget, exactly as the suite does.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from signly_contract.client import ApiClient
from signly_contract.properties import PROPERTIES
from signly_contract.properties.base import Ctx, run_property
from signly_contract.report import REPORT
from signly_contract.schemathesis_glue import Runner, load_schema, operation_test
from signly_contract.settings import RunSettings
from signly_contract.target import Target, embedded_app, open_target
from signly_contract.violations import ContractViolation
from tests.contract.faults import FAULTS, Fault, wrap

pytestmark = pytest.mark.slow

SETTINGS = RunSettings(base_url=None, seed=20261124, max_examples=10)


@pytest.fixture
def broken(request: pytest.FixtureRequest) -> Iterator[tuple[Fault, Target, ApiClient]]:
    fault: Fault = request.param
    with open_target(SETTINGS, app_factory=lambda: embedded_app(wrap(fault))) as target:
        api = ApiClient(target.base_url, target.primary)
        REPORT.reset()
        yield fault, target, api
        api.close()


@pytest.mark.parametrize(
    "broken", [pytest.param(f, id=f.name) for f in FAULTS if f.prop], indirect=True
)
def test_property_catches_fault(broken: tuple[Fault, Target, ApiClient]) -> None:
    fault, target, api = broken
    assert fault.prop is not None
    with pytest.raises(ContractViolation) as caught:
        run_property(
            PROPERTIES[fault.prop].run, Ctx(api, target, SETTINGS.max_examples, SETTINGS.seed)
        )
    assert caught.value.check in fault.catches, caught.value.render()
    assert caught.value.check in REPORT.failed_checks()
    assert any(f.curl.startswith("curl ") for f in REPORT.findings), "the finding has no curl line"


@pytest.mark.parametrize(
    "broken", [pytest.param(f, id=f.name) for f in FAULTS if f.phase], indirect=True
)
def test_schemathesis_catches_fault(broken: tuple[Fault, Target, ApiClient]) -> None:
    fault, target, api = broken
    assert fault.phase is not None and fault.operation is not None
    api.call(
        "POST", "/v1/templates", json_body={"templateName": "Seed for list responses"}, check=False
    )
    runner = Runner(target)
    schema = load_schema(target, fault.phase, SETTINGS.max_examples)
    runner.install(schema)
    test = operation_test(schema, *fault.operation, runner)
    assert test is not None
    with pytest.raises(BaseException):  # noqa: B017 - a FailureGroup (a BaseExceptionGroup)
        test()
    assert REPORT.failed_checks() & fault.catches, (fault.name, REPORT.failed_checks())


def test_clean_sandbox_passes_the_targeted_checks() -> None:
    """The control: the unbroken sandbox passes every property the faults are aimed at."""
    with open_target(SETTINGS) as target:
        api = ApiClient(target.base_url, target.primary)
        for name in sorted({f.prop for f in FAULTS if f.prop}):
            run_property(PROPERTIES[name].run, Ctx(api, target, 4, SETTINGS.seed))
        api.close()
