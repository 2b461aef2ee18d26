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
from tests.breaking.cases import HOOK, HOOK_REQ, POST, REQ, RESP, TODAY, Case, check, ids
from tests.breaking.specs import Mutation, Spec, pair, request_item, response_item, webhook_item

STATUS = ["CREATED", "IN_PROGRESS", "COMPLETED"]


def extensible(values: list[str], **open_branch: object) -> dict[str, Any]:
    """The spec's shape: described property, known values with their own text, open string."""
    return {
        "description": "Where the process stands.",
        "anyOf": [
            {"type": "string", "enum": values, "description": "The statuses known today."},
            {"type": "string", **open_branch},
        ],
    }


def closed(values: list[str]) -> dict[str, Any]:
    """The same property as a plain closed list."""
    return {"type": "string", "enum": values, "description": "Where the process stands."}


def status(*sides: str, schema: dict[str, Any]) -> Mutation:
    """Set `status` on the request and/or response item schema."""

    def apply(spec: Spec) -> None:
        for side in sides:
            item = {"request": request_item, "response": response_item, "hook": webhook_item}[side]
            item(spec)["properties"]["status"] = schema

    return apply


OPEN = {"maxLength": 64, "pattern": "^[A-Z][A-Z_]*$"}
WITH_NEW = [*STATUS, "PARTIALLY_SIGNED"]

CASES = [
    Case(
        "response: known value added",
        status("response", schema=extensible(WITH_NEW, **OPEN)),
        [("response-known-value-added", POST, f"{RESP}.status", "info")],
        prepare=status("response", schema=extensible(STATUS, **OPEN)),
        exact=True,
    ),
    Case(
        "response: known value removed",
        status("response", schema=extensible(STATUS[:2], **OPEN)),
        [("response-known-value-removed", POST, f"{RESP}.status", "info")],
        prepare=status("response", schema=extensible(STATUS, **OPEN)),
        exact=True,
    ),
    Case(
        "request: known value removed (still accepted as another string)",
        status("request", schema=extensible(STATUS[:2], **OPEN)),
        [("request-known-value-removed", POST, f"{REQ}.status", "info")],
        prepare=status("request", schema=extensible(STATUS, **OPEN)),
        exact=True,
    ),
    Case(
        "request: known value added",
        status("request", schema=extensible(WITH_NEW, **OPEN)),
        [("request-known-value-added", POST, f"{REQ}.status", "info")],
        prepare=status("request", schema=extensible(STATUS, **OPEN)),
        exact=True,
    ),
    Case(
        "response: closed list became extensible (old clients refuse new values)",
        status("response", schema=extensible(STATUS, **OPEN)),
        [("response-enum-became-extensible", POST, f"{RESP}.status", "error")],
        prepare=status("response", schema=closed(STATUS)),
        exact=True,
    ),
    Case(
        "response: closed list became extensible with a new known value",
        status("response", schema=extensible(WITH_NEW, **OPEN)),
        [
            ("response-enum-became-extensible", POST, f"{RESP}.status", "error"),
            ("response-known-value-added", POST, f"{RESP}.status", "info"),
        ],
        prepare=status("response", schema=closed(STATUS)),
        exact=True,
    ),
    Case(
        "request: closed list became extensible (accepts more)",
        status("request", schema=extensible(STATUS, **OPEN)),
        [("request-enum-became-extensible", POST, f"{REQ}.status", "info")],
        prepare=status("request", schema=closed(STATUS)),
        exact=True,
    ),
    Case(
        "webhook payload: closed list became extensible (the partner reads it)",
        status("hook", schema=extensible(STATUS, **OPEN)),
        [("request-enum-became-extensible", HOOK, f"{HOOK_REQ}.status", "error")],
        prepare=status("hook", schema=closed(STATUS)),
        exact=True,
    ),
    Case(
        "request: untyped closed list became extensible",
        status("request", schema=extensible(STATUS, **OPEN)),
        [("request-enum-became-extensible", POST, f"{REQ}.status", "info")],
        prepare=status(
            "request", schema={"enum": STATUS, "description": "Where the process stands."}
        ),
        exact=True,
    ),
    Case(
        "request: extensible list became closed",
        status("request", schema=closed(STATUS)),
        [("request-enum-became-closed", POST, f"{REQ}.status", "error")],
        prepare=status("request", schema=extensible(STATUS, **OPEN)),
        exact=True,
    ),
    Case(
        "response: extensible list became closed",
        status("response", schema=closed(STATUS)),
        [("response-enum-became-closed", POST, f"{RESP}.status", "info")],
        prepare=status("response", schema=extensible(STATUS, **OPEN)),
        exact=True,
    ),
    Case(
        "closed request list keeps its rule: a value removed breaks",
        status("request", schema=closed(STATUS[:2])),
        [("request-enum-value-removed", POST, f"{REQ}.status", "error")],
        prepare=status("request", schema=closed(STATUS)),
        exact=True,
    ),
    Case(
        "closed response list keeps its rule: a value added breaks",
        status("response", schema=closed(WITH_NEW)),
        [("response-enum-value-added", POST, f"{RESP}.status", "error")],
        prepare=status("response", schema=closed(STATUS)),
        exact=True,
    ),
    Case(
        "pattern and maxLength moved from the open branch to beside the anyOf",
        status("response", schema={**extensible(STATUS), **OPEN}),
        [],
        prepare=status("response", schema=extensible(STATUS, **OPEN)),
    ),
    Case(
        "open branch accepts longer values: readers may get them",
        status("response", schema=extensible(STATUS, maxLength=128)),
        [("response-max-length-loosened", POST, f"{RESP}.status", "error")],
        prepare=status("response", schema=extensible(STATUS, maxLength=64)),
        exact=True,
    ),
    Case(
        "nullable extensible list: a known value added",
        lambda s: response_item(s)["properties"]["status"]["anyOf"][0]["enum"].append("DONE"),
        [("response-known-value-added", POST, f"{RESP}.status", "info")],
        prepare=status(
            "response",
            schema={
                "anyOf": [
                    {"type": "string", "enum": list(STATUS)},
                    {"type": "string"},
                    {"type": "null"},
                ]
            },
        ),
        exact=True,
    ),
    Case(
        "plain string documents its known values: nothing a client can trip over",
        status("response", schema=extensible(STATUS[:1])),
        [("response-known-value-added", POST, f"{RESP}.status", "info")],
        prepare=status("response", schema={"type": "string"}),
    ),
]


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
