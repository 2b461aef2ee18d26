"""Extensible value lists: known values plus any other string, read as one list.

The spec writes a response value list Signly may extend as
`anyOf: [{type: string, enum: [...]}, {type: string}]` (the closed enum is a named
component before dereferencing). These cases use that exact shape and check that each edit
produces its one finding, with no generic type or `anyOf` alternative finding beside it.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from scripts.breaking.diff import diff_documents
from scripts.breaking.gate import judge, render_changelog
from tests.breaking.cases import RESP, TODAY, Case, check, ids
from tests.breaking.extensible_cases import CASES, OPEN, STATUS, WITH_NEW, extensible, status
from tests.breaking.specs import Spec, pair, response_item


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_extensible_list(case: Case) -> None:
    """One finding per edit, at the property, with the level the rules give it."""
    check(case)


def test_known_values_behind_a_reference() -> None:
    """A `$ref` left in the anyOf (as for a recursive component) is followed, not compared."""

    def known(spec: Spec) -> None:
        spec["components"]["schemas"] = {"Status": {"type": "string", "enum": list(STATUS)}}
        response_item(spec)["properties"]["status"] = {
            "anyOf": [{"$ref": "#/components/schemas/Status"}, {"type": "string"}]
        }

    base, revision = pair(
        lambda s: s["components"]["schemas"]["Status"]["enum"].append("DONE"), known
    )
    changes = diff_documents(base, revision, today=TODAY)
    assert [(c.rule, c.level) for c in changes] == [("response-known-value-added", "info")]


@pytest.mark.parametrize(
    "open_branch",
    [{"pattern": "^[a-z]+$"}, {"maxLength": 3}, {"format": "uuid"}],
    ids=["pattern refuses the known values", "too short for them", "a format"],
)
def test_open_branch_must_accept_the_known_values(open_branch: dict[str, Any]) -> None:
    """Otherwise the anyOf is two real alternatives, compared as such: a new value breaks."""
    base, revision = pair(
        status("response", schema=extensible(WITH_NEW, **open_branch)),
        status("response", schema=extensible(STATUS, **open_branch)),
    )
    changes = diff_documents(base, revision, today=TODAY)
    assert [(c.rule, c.location, c.level) for c in changes] == [
        ("response-enum-value-added", f"{RESP}.status<anyOf:0>", "error")
    ]


def test_changelog_line_speaks_of_the_extensible_list() -> None:
    """Partners read which value is new and that the list is extensible."""
    base, revision = pair(
        status("response", schema=extensible(WITH_NEW, **OPEN)),
        status("response", schema=extensible(STATUS, **OPEN)),
    )
    changes = diff_documents(base, revision, today=TODAY)
    text = render_changelog(changes, judge(changes, []), "`HEAD~1`")
    assert (
        f"- `{RESP}.status`: known value `PARTIALLY_SIGNED` added to an extensible list "
        "(`response-known-value-added`)"
    ) in text
    assert "0 breaking changes, 0 warnings and 1 other change in 1 operation." in text


def test_self_referencing_alternatives_terminate() -> None:
    """Looking for an extensible list does not normalise a recursive `anyOf` at every depth."""

    def recursive(spec: Spec) -> None:
        node = {"$ref": "#/components/schemas/Node"}
        spec["components"]["schemas"] = {"Node": {"anyOf": [node, dict(node)]}}
        response_item(spec)["properties"]["tree"] = dict(node)

    started = time.perf_counter()
    base, revision = pair(
        lambda s: s["components"]["schemas"]["Node"].update(description="A tree."), recursive
    )
    changes = diff_documents(base, revision, today=TODAY)
    assert time.perf_counter() - started < 2
    assert [c.rule for c in changes] == ["response-description-changed"]
