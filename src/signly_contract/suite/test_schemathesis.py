"""Schemathesis phases against the target: examples, coverage, fuzzing, stateful.

Why one test per phase and operation: each gets its own progress line and JUnit entry, and a
failure says which operation and which kind of generation found it. Every case is judged by
all built-in checks that apply plus the Signly envelope check (stglue.Runner).
"""

from __future__ import annotations

from typing import Any

import hypothesis
import pytest

from signly_contract.operations import operations_with_request_examples, spec_operations
from signly_contract.schemathesis_glue import Runner, load_schema, operation_test
from signly_contract.settings import RunSettings
from signly_contract.target import Target

STATEFUL_SCENARIOS = 30  # at the default --max-examples (25); scaled with it, at least 3
STATEFUL_STEPS = 10
_SCHEMAS: dict[str, Any] = {}


def phase_schema(phase: str, target: Target, runner: Runner, settings: RunSettings) -> Any:
    """One loaded schema per phase for the session (hooks installed once)."""
    if phase not in _SCHEMAS:
        schema = load_schema(target, phase, settings.max_examples, stateful_steps=STATEFUL_STEPS)
        runner.install(schema)
        _SCHEMAS[phase] = schema
    return _SCHEMAS[phase]


def _marks(operation_id: str, method: str, path: str) -> list[pytest.MarkDecorator]:
    marks = []
    if method != "GET":
        marks.append(pytest.mark.contract_write)
    if operation_id == "publish_document":
        marks.append(pytest.mark.contract_billable)
    if path == "/api":
        marks.append(pytest.mark.contract_admin)
    return marks


OPERATIONS = [
    pytest.param(method, path, id=f"{method} {path}", marks=_marks(op_id, method, path))
    for method, path, op_id in spec_operations()
]
WITH_EXAMPLES = [p for p in OPERATIONS if tuple(p.values) in operations_with_request_examples()]


def _run(
    phase: str, method: str, path: str, target: Target, runner: Runner, settings: RunSettings
) -> None:
    test = operation_test(phase_schema(phase, target, runner, settings), method, path, runner)
    if test is None:
        pytest.skip("operation excluded by this run's flags")
    test()


@pytest.mark.parametrize(("method", "path"), WITH_EXAMPLES)
def test_examples(
    method: str, path: str, contract_target: Target, st_runner: Runner, run_settings: RunSettings
) -> None:
    """The spec's own examples (the page's) are accepted and answered as documented."""
    _run("examples", method, path, contract_target, st_runner, run_settings)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_coverage(
    method: str, path: str, contract_target: Target, st_runner: Runner, run_settings: RunSettings
) -> None:
    """Boundary and invalid values, missing headers and auth, unexpected methods."""
    _run("coverage", method, path, contract_target, st_runner, run_settings)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_fuzzing(
    method: str, path: str, contract_target: Target, st_runner: Runner, run_settings: RunSettings
) -> None:
    """Random valid and invalid requests within (and just outside) the schema."""
    _run("fuzzing", method, path, contract_target, st_runner, run_settings)


def stateful_scenarios(max_examples: int) -> int:
    return max(3, min(STATEFUL_SCENARIOS, round(STATEFUL_SCENARIOS * max_examples / 25)))


@pytest.mark.contract_write
def test_stateful(contract_target: Target, st_runner: Runner, run_settings: RunSettings) -> None:
    """Sequences through the spec's links: create, read, change, delete, then read again."""
    schema = phase_schema("stateful", contract_target, st_runner, run_settings)
    flow = st_runner.state_machine(schema)
    flow.run(
        settings=hypothesis.settings(
            max_examples=stateful_scenarios(run_settings.max_examples),
            stateful_step_count=STATEFUL_STEPS,
            deadline=None,
            database=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )
