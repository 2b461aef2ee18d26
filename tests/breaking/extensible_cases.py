"""The cases of test_extensible.py: lists of known values plus any other string.

Here and not in the test module, because test_catalogue.py runs every case too.
"""

from __future__ import annotations

from typing import Any

from tests.breaking.cases import HOOK, HOOK_REQ, POST, REQ, RESP, Case
from tests.breaking.specs import Mutation, Spec, request_item, response_item, webhook_item

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
