"""Deprecation with a sunset date, for operations, parameters and properties.

`deprecated: true` with `x-sunset: 'YYYY-MM-DD'` beside it announces a removal; removing the
element before that date breaks partners who were promised until then (error), from that
day on it is what was announced (warning). Every case runs on `TODAY` (2026-06-01).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from scripts.breaking.diff import diff_documents
from tests.breaking.cases import RESP, Case, check, ids, run
from tests.breaking.deprecation_cases import (
    CASES,
    EARLIER,
    LATER,
    deprecated,
    drop_operation,
    drop_parameter,
    on_operation,
    on_parameter,
)
from tests.breaking.specs import Mutation, Spec, list_operation, pair, request_item, response_item


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_deprecation(case: Case) -> None:
    """Marking is info (or a warning without a date); removal follows the sunset date."""
    check(case)


def _messages(mutate: Mutation, prepare: Mutation | None = None) -> list[str]:
    return [c.message for c in run(Case("", mutate, [], prepare=prepare))]


def test_changelog_messages_name_the_sunset_date() -> None:
    """Partners read the date they can rely on, or that there is none."""
    assert _messages(on_operation(LATER)) == [f"deprecated, sunset {LATER}"]
    assert _messages(on_operation()) == ["deprecated without a sunset date"]
    assert _messages(on_operation("soon")) == [
        "deprecated; its sunset date `soon` is not a YYYY-MM-DD date"
    ]
    assert _messages(on_operation("2027-01-31"), on_operation(LATER)) == [
        f"sunset postponed from {LATER} to 2027-01-31"
    ]
    assert _messages(drop_parameter, on_parameter(LATER)) == [
        f"parameter removed before its announced sunset date {LATER}"
    ]
    assert _messages(drop_parameter, on_parameter(EARLIER)) == [
        f"parameter removed as announced (deprecated, sunset {EARLIER})"
    ]
    assert _messages(drop_parameter, on_parameter()) == [
        "parameter removed (it was deprecated without a sunset date)"
    ]


def test_today_decides_before_or_after() -> None:
    """The same removal is an error the day before the sunset date, a warning on it."""
    base, revision = pair(drop_operation, on_operation(LATER))
    sunset = date.fromisoformat(LATER)
    before = diff_documents(base, revision, today=sunset - timedelta(days=1))
    on_the_day = diff_documents(base, revision, today=sunset)
    assert [(c.rule, c.level) for c in before] == [("operation-removed-before-sunset", "error")]
    assert [(c.rule, c.level) for c in on_the_day] == [
        ("operation-removed-after-sunset", "warning")
    ]


def test_default_today_is_the_current_utc_date() -> None:
    """Without `today`, a sunset date far in the past has passed and one far ahead has not."""
    past = diff_documents(*pair(drop_operation, on_operation("2000-01-01")))
    future = diff_documents(*pair(drop_operation, on_operation("2999-12-31")))
    assert [c.level for c in past] == ["warning"] and [c.level for c in future] == ["error"]


def test_a_date_object_is_read_as_a_sunset_date() -> None:
    """A YAML loader that makes dates of unquoted `2026-12-31` gives the same result."""
    changes = run(Case("", lambda s: list_operation(s).update(
        {"deprecated": True, "x-sunset": date(2026, 12, 31)}), []))  # fmt: skip
    assert [(c.rule, c.message) for c in changes] == [
        ("operation-deprecated", "deprecated, sunset 2026-12-31")
    ]


def test_deprecated_property_behind_a_ref_sibling() -> None:
    """`deprecated` and `x-sunset` beside a `$ref` (kept by the dereferencer) are read."""

    def shared_note(spec: Spec) -> None:
        spec["components"]["schemas"] = {"Note": {"type": "string"}}
        for item in (request_item(spec), response_item(spec)):
            item["properties"]["note"] = {"$ref": "#/components/schemas/Note"}

    def deprecate(spec: Spec) -> None:
        response_item(spec)["properties"]["note"].update(deprecated(LATER))

    assert [(c.rule, c.location) for c in run(Case("", deprecate, [], shared_note))] == [
        ("response-deprecated", f"{RESP}.note")
    ]


def test_deprecating_a_condition_keeps_its_identity() -> None:
    """`deprecated` is left out of an `if` schema's key: no rule removed and re-added."""

    def rule(spec: Spec) -> None:
        request_item(spec).update(
            {"if": {"properties": {"kind": {"const": "b"}}}, "then": {"required": ["note"]}}
        )

    def deprecate_condition(spec: Spec) -> None:
        request_item(spec)["if"].update(deprecated(LATER))

    assert run(Case("", deprecate_condition, [], rule)) == []
