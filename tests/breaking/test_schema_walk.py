"""How schemas are read before the rules run: composition, nullability forms, recursion."""

from __future__ import annotations

import time
from typing import Any

from scripts.breaking.diff import diff_documents
from tests.breaking.specs import pair, request_item, response_item

RESP = "response[201].body[application/json]"


def _split_into_allof(spec: dict[str, Any]) -> None:
    """Rewrite both item schemas as an envelope-like allOf of two halves (same meaning)."""
    for schema in (request_item(spec), response_item(spec)):
        properties = schema.pop("properties")
        required = schema.pop("required")
        schema["allOf"] = [
            {
                "type": "object",
                "required": required[:1],
                "properties": {"name": properties["name"]},
            },
            {
                "required": required[1:],
                "properties": {k: v for k, v in properties.items() if k != "name"},
            },
        ]


def test_allof_split_is_not_a_change_except_wording() -> None:
    """A schema refactored into allOf members accepts the same data: nothing breaks."""
    changes = diff_documents(*pair(_split_into_allof))
    assert [c for c in changes if c.breaking] == []


def test_change_inside_an_allof_member_is_found() -> None:
    """A property removed from one allOf member is found at its merged location."""

    def remove_kind(spec: dict[str, Any]) -> None:
        _split_into_allof(spec)
        response_item(spec)["allOf"][1]["properties"].pop("kind")
        response_item(spec)["allOf"][1]["required"].remove("kind")

    base, _ = pair(_split_into_allof)
    _, revision = pair(remove_kind)
    breaking = [c for c in diff_documents(base, revision) if c.breaking]
    assert [(c.rule, c.location) for c in breaking] == [
        ("response-property-removed", f"{RESP}.kind")
    ]


def test_nullable_by_type_list_equals_nullable_by_anyof() -> None:
    """`type: [string, 'null']` and `anyOf: [string, null]` mean the same: no change."""

    def by_type(spec: dict[str, Any]) -> None:
        response_item(spec)["properties"]["note"]["type"] = ["string", "null"]

    def by_anyof(spec: dict[str, Any]) -> None:
        response_item(spec)["properties"]["note"] = {
            "description": "A note.",
            "anyOf": [{"type": "string"}, {"type": "null"}],
        }

    base, _ = pair(by_type)
    revision, _ = pair(by_anyof)
    assert diff_documents(base, revision) == []


def test_nullable_ref_alternative_compares_its_target() -> None:
    """`anyOf: [Object, null]` is compared as the object: a field removed in it is found."""

    def nullable_owner(spec: dict[str, Any]) -> None:
        response_item(spec)["properties"]["owner"] = {
            "anyOf": [
                {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]},
                {"type": "null"},
            ]
        }

    def drop_id(spec: dict[str, Any]) -> None:
        response_item(spec)["properties"]["owner"]["anyOf"][0]["properties"].pop("id")
        response_item(spec)["properties"]["owner"]["anyOf"][0].pop("required")

    rules = {c.rule for c in diff_documents(*pair(drop_id, nullable_owner)) if c.breaking}
    assert rules == {"response-property-removed"}


def _recursive(spec: dict[str, Any]) -> None:
    """A tree whose children refer back to it, left as a `$ref` as the dereferencer does."""
    spec["components"]["schemas"] = {
        "Node": {
            "type": "object",
            "properties": {
                "label": {"type": "string", "maxLength": 10},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            },
        }
    }
    response_item(spec)["properties"]["tree"] = {"$ref": "#/components/schemas/Node"}


def test_recursive_schema_terminates_and_finds_the_change() -> None:
    """The walk stops on a cycle yet still reports a change inside the recursive schema."""

    def loosen(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["Node"]["properties"]["label"]["maxLength"] = 20

    started = time.perf_counter()
    changes = diff_documents(*pair(loosen, _recursive))
    assert time.perf_counter() - started < 2
    assert ("response-max-length-loosened", f"{RESP}.tree.label") in {
        (c.rule, c.location) for c in changes
    }


def test_self_referencing_python_objects_terminate() -> None:
    """prance-style output with real object cycles does not loop either."""
    base, revision = pair(lambda s: None)
    for spec in (base, revision):
        node: dict[str, Any] = {"type": "object", "properties": {}}
        node["properties"]["next"] = node
        response_item(spec)["properties"]["chain"] = node
    response_item(revision)["properties"]["chain"]["maxProperties"] = 3
    changes = diff_documents(base, revision)
    assert any(c.rule == "response-max-properties-tightened" for c in changes)


def test_readonly_property_is_not_part_of_the_request() -> None:
    """Removing a readOnly property breaks responses only: clients never sent it."""

    def read_only_id(spec: dict[str, Any]) -> None:
        for schema in (request_item(spec), response_item(spec)):
            schema["properties"]["id"] = {"type": "string", "readOnly": True}

    def drop_id(spec: dict[str, Any]) -> None:
        for schema in (request_item(spec), response_item(spec)):
            schema["properties"].pop("id")

    changes = diff_documents(*pair(drop_id, read_only_id))
    assert {(c.rule, c.location) for c in changes} == {("response-property-removed", f"{RESP}.id")}
