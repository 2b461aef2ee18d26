"""The cases of test_rules.py: every rule in a pair, the breaking change and its neighbour.

Here and not in the test module, because test_catalogue.py runs every case too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.breaking.cases import GET, HOOK, HOOK_REQ, POST, REQ, RESP, Case
from tests.breaking.specs import (
    Mutation,
    Spec,
    create_operation,
    list_operation,
    request_item,
    response_item,
    webhook_item,
)

EVERY_OPERATION = (GET, POST, "GET /items/{itemId}", HOOK)  # all inherit the root security


def req_prop(name: str, **changes: object) -> Mutation:
    """Update one property of the request body schema."""
    return lambda s: request_item(s)["properties"][name].update(changes)


def resp_prop(name: str, **changes: object) -> Mutation:
    """Update one property of the 201 response schema."""
    return lambda s: response_item(s)["properties"][name].update(changes)


def add_required_color(schema_of: Callable[[Spec], dict[str, Any]]) -> Mutation:
    """Add a required `color` property to the schema `schema_of` picks."""

    def apply(spec: Spec) -> None:
        schema_of(spec)["properties"]["color"] = {"type": "string"}
        schema_of(spec)["required"].append("color")

    return apply


def both(*mutations: Mutation) -> Mutation:
    """Apply several mutations in order."""

    def apply(spec: Spec) -> None:
        for mutation in mutations:
            mutation(spec)

    return apply


def nullable_note(form: str, *sides: str) -> Mutation:
    """Make `note` nullable in the request and/or the response, by type list or anyOf."""

    def apply(spec: Spec) -> None:
        for side in sides:
            schema = request_item(spec) if side == "request" else response_item(spec)
            if form == "type":
                schema["properties"]["note"]["type"] = ["string", "null"]
            else:
                schema["properties"]["note"] = {
                    "description": "A note.",
                    "anyOf": [{"type": "string"}, {"type": "null"}],
                }

    return apply


REQUEST_CASES = [
    Case(
        "new required body field",
        add_required_color(request_item),
        [("request-property-added-required", POST, f"{REQ}.color", "error")],
    ),
    Case(
        "new optional body field",
        lambda s: request_item(s)["properties"].update(color={"type": "string"}),
        [("request-property-added", POST, f"{REQ}.color", "info")],
    ),
    Case(
        "body field became required",
        lambda s: request_item(s)["required"].append("note"),
        [("request-property-became-required", POST, f"{REQ}.note", "error")],
    ),
    Case(
        "body field became optional",
        lambda s: request_item(s)["required"].remove("kind"),
        [("request-property-became-optional", POST, f"{REQ}.kind", "info")],
    ),
    Case(
        "accepted body field removed",
        lambda s: request_item(s)["properties"].pop("note") and None,
        [("request-property-removed", POST, f"{REQ}.note", "error")],
    ),
    Case(
        "type replaced",
        req_prop("count", type="string"),
        [("request-type-changed", POST, f"{REQ}.count", "error")],
    ),
    Case(
        "type narrowed (number to integer)",
        req_prop("count", type="integer"),
        [("request-type-narrowed", POST, f"{REQ}.count", "error")],
        prepare=req_prop("count", type="number"),
    ),
    Case(
        "type widened (integer to number)",
        req_prop("count", type="number"),
        [("request-type-widened", POST, f"{REQ}.count", "info")],
    ),
    Case(
        "enum value removed",
        req_prop("kind", enum=["a"]),
        [("request-enum-value-removed", POST, f"{REQ}.kind", "error")],
    ),
    Case(
        "enum value added",
        req_prop("kind", enum=["a", "b", "c"]),
        [("request-enum-value-added", POST, f"{REQ}.kind", "info")],
    ),
    Case(
        "enum introduced",
        req_prop("note", enum=["x", "y"]),
        [("request-enum-added", POST, f"{REQ}.note", "error")],
    ),
    Case(
        "enum dropped",
        lambda s: request_item(s)["properties"]["kind"].pop("enum") and None,
        [("request-enum-removed", POST, f"{REQ}.kind", "info")],
    ),
    Case(
        "const introduced",
        req_prop("note", const="x"),
        [("request-enum-added", POST, f"{REQ}.note", "error")],
    ),
    Case(
        "maxLength decreased",
        req_prop("name", maxLength=20),
        [("request-max-length-tightened", POST, f"{REQ}.name", "error")],
    ),
    Case(
        "maxLength increased",
        req_prop("name", maxLength=100),
        [("request-max-length-loosened", POST, f"{REQ}.name", "info")],
    ),
    Case(
        "minLength increased",
        req_prop("name", minLength=3),
        [("request-min-length-tightened", POST, f"{REQ}.name", "error")],
    ),
    Case(
        "minLength decreased",
        req_prop("name", minLength=0),
        [("request-min-length-loosened", POST, f"{REQ}.name", "info")],
    ),
    Case(
        "minimum increased",
        req_prop("count", minimum=1),
        [("request-minimum-tightened", POST, f"{REQ}.count", "error")],
    ),
    Case(
        "minimum removed",
        lambda s: request_item(s)["properties"]["count"].pop("minimum") and None,
        [("request-minimum-loosened", POST, f"{REQ}.count", "info")],
    ),
    Case(
        "maximum decreased",
        req_prop("count", maximum=5),
        [("request-maximum-tightened", POST, f"{REQ}.count", "error")],
    ),
    Case(
        "maximum increased",
        req_prop("count", maximum=50),
        [("request-maximum-loosened", POST, f"{REQ}.count", "info")],
    ),
    Case(
        "maxItems decreased",
        req_prop("tags", maxItems=2),
        [("request-max-items-tightened", POST, f"{REQ}.tags", "error")],
    ),
    Case(
        "maxItems increased",
        req_prop("tags", maxItems=9),
        [("request-max-items-loosened", POST, f"{REQ}.tags", "info")],
    ),
    Case(
        "minItems introduced",
        req_prop("tags", minItems=1),
        [("request-min-items-tightened", POST, f"{REQ}.tags", "error")],
    ),
    Case(
        "exclusiveMaximum introduced",
        req_prop("count", exclusiveMaximum=8),
        [("request-exclusive-maximum-tightened", POST, f"{REQ}.count", "error")],
    ),
    Case(
        "pattern introduced",
        req_prop("note", pattern="^x"),
        [("request-pattern-added", POST, f"{REQ}.note", "error")],
    ),
    Case(
        "pattern changed",
        req_prop("name", pattern="^[a-z0-9]+$"),
        [("request-pattern-changed", POST, f"{REQ}.name", "error")],
    ),
    Case(
        "pattern dropped",
        lambda s: request_item(s)["properties"]["name"].pop("pattern") and None,
        [("request-pattern-removed", POST, f"{REQ}.name", "info")],
    ),
    Case(
        "format introduced",
        req_prop("note", format="email"),
        [("request-format-added", POST, f"{REQ}.note", "error")],
    ),
    Case(
        "format changed",
        req_prop("when", format="date"),
        [("request-format-changed", POST, f"{REQ}.when", "error")],
    ),
    Case(
        "format dropped",
        lambda s: request_item(s)["properties"]["when"].pop("format") and None,
        [("request-format-removed", POST, f"{REQ}.when", "info")],
    ),
    Case(
        "items must become unique",
        req_prop("tags", uniqueItems=True),
        [("request-unique-items-tightened", POST, f"{REQ}.tags", "error")],
    ),
    Case(
        "array items narrowed",
        lambda s: request_item(s)["properties"]["tags"]["items"].update(maxLength=3),
        [("request-max-length-tightened", POST, f"{REQ}.tags[]", "error")],
    ),
    Case(
        "multipleOf introduced",
        req_prop("count", multipleOf=2),
        [("request-multiple-of-tightened", POST, f"{REQ}.count", "error")],
    ),
    Case(
        "no longer nullable",
        lambda s: request_item(s)["properties"]["note"].update(type="string"),
        [("request-became-not-nullable", POST, f"{REQ}.note", "error")],
        prepare=nullable_note("type", "request", "response"),
    ),
    Case(
        "became nullable",
        nullable_note("anyOf", "request"),
        [("request-became-nullable", POST, f"{REQ}.note", "info")],
    ),
    Case(
        "extra properties refused",
        lambda s: request_item(s).update(additionalProperties=False),
        [("request-additional-properties-narrowed", POST, f"{REQ}.{{*}}", "error")],
    ),
    Case(
        "extra properties allowed",
        lambda s: request_item(s).pop("additionalProperties") and None,
        [("request-additional-properties-widened", POST, f"{REQ}.{{*}}", "info")],
        prepare=lambda s: request_item(s).update(additionalProperties=False),
    ),
    Case(
        "default changed",
        req_prop("count", default=2),
        [("request-default-changed", POST, f"{REQ}.count", "error")],
    ),
    Case(
        "anyOf alternative removed",
        lambda s: request_item(s)["properties"]["note"]["anyOf"].pop() and None,
        [("request-any-of-branch-removed", POST, f"{REQ}.note", "error")],
        prepare=lambda s: request_item(s)["properties"].update(
            note={"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "boolean"}]}
        ),
    ),
    Case(
        "anyOf alternative added",
        lambda s: request_item(s)["properties"]["note"]["anyOf"].append({"type": "boolean"}),
        [("request-any-of-branch-added", POST, f"{REQ}.note", "info")],
        prepare=lambda s: request_item(s)["properties"].update(
            note={"anyOf": [{"type": "string"}, {"type": "integer"}]}
        ),
    ),
    Case(
        "if/then rule added",
        lambda s: request_item(s).update(
            {"if": {"properties": {"kind": {"const": "b"}}}, "then": {"required": ["note"]}}
        ),
        [("request-conditional-added", POST, f"{REQ}<if:b#", "error")],
    ),
    Case(
        "if/then rule removed",
        lambda s: request_item(s).pop("if") and request_item(s).pop("then") and None,
        [("request-conditional-removed", POST, f"{REQ}<if:b#", "info")],
        prepare=lambda s: request_item(s).update(
            {"if": {"properties": {"kind": {"const": "b"}}}, "then": {"required": ["note"]}}
        ),
    ),
    Case(
        "if/then rule reworded only",
        lambda s: request_item(s)["then"].update(description="Note needed for b."),
        [("request-description-changed", POST, f"{REQ}<if:b#", "info")],
        prepare=lambda s: request_item(s).update(
            {"if": {"properties": {"kind": {"const": "b"}}}, "then": {"required": ["note"]}}
        ),
    ),
]

PARAMETER_CASES = [
    Case(
        "new required parameter",
        lambda s: list_operation(s)["parameters"].append(
            {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        [("request-parameter-added-required", GET, "request.query.q", "error")],
    ),
    Case(
        "new optional parameter",
        lambda s: list_operation(s)["parameters"].append(
            {"name": "q", "in": "query", "schema": {"type": "string"}}
        ),
        [("request-parameter-added", GET, "request.query.q", "info")],
    ),
    Case(
        "parameter removed",
        lambda s: list_operation(s)["parameters"].pop(0) and None,
        [("request-parameter-removed", GET, "request.query.limit", "error")],
    ),
    Case(
        "parameter became required",
        lambda s: list_operation(s)["parameters"][0].update(required=True),
        [("request-parameter-became-required", GET, "request.query.limit", "error")],
    ),
    Case(
        "parameter became optional",
        lambda s: list_operation(s)["parameters"][0].update(required=False),
        [("request-parameter-became-optional", GET, "request.query.limit", "info")],
        prepare=lambda s: list_operation(s)["parameters"][0].update(required=True),
    ),
    Case(
        "parameter maximum decreased",
        lambda s: list_operation(s)["parameters"][0]["schema"].update(maximum=50),
        [("request-maximum-tightened", GET, "request.query.limit", "error")],
    ),
    Case(
        "parameter maximum increased",
        lambda s: list_operation(s)["parameters"][0]["schema"].update(maximum=500),
        [("request-maximum-loosened", GET, "request.query.limit", "info")],
    ),
    Case(
        "parameter serialization changed",
        lambda s: list_operation(s)["parameters"][0].update(style="deepObject"),
        [("request-parameter-serialization-changed", GET, "request.query.limit", "error")],
    ),
    Case(
        "parameter description reworded",
        lambda s: list_operation(s)["parameters"][0].update(description="Page size."),
        [("request-parameter-description-changed", GET, "request.query.limit", "info")],
        exact=True,
    ),
    Case(
        "header parameter renamed in case only",
        lambda s: list_operation(s)["parameters"][1].update(name="x-trace"),
        [],
    ),
    Case(
        "path parameter renamed",
        lambda s: s["paths"].update(
            {
                "/items/{id}": {
                    **s["paths"].pop("/items/{itemId}"),
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                }
            }
        ),
        [],
    ),
]

BODY_AND_OPERATION_CASES = [
    Case(
        "request body became required",
        lambda s: create_operation(s)["requestBody"].update(required=True),
        [("request-body-became-required", POST, "request.body", "error")],
        prepare=lambda s: create_operation(s)["requestBody"].update(required=False),
    ),
    Case(
        "request body became optional",
        lambda s: create_operation(s)["requestBody"].update(required=False),
        [("request-body-became-optional", POST, "request.body", "info")],
    ),
    Case(
        "request body removed",
        lambda s: create_operation(s).pop("requestBody") and None,
        [("request-body-removed", POST, "request.body", "error")],
    ),
    Case(
        "required request body added",
        lambda s: list_operation(s).update(
            requestBody={"required": True, "content": {"application/json": {"schema": {}}}}
        ),
        [("request-body-added-required", GET, "request.body", "error")],
    ),
    Case(
        "optional request body added",
        lambda s: list_operation(s).update(
            requestBody={"content": {"application/json": {"schema": {}}}}
        ),
        [("request-body-added", GET, "request.body", "info")],
    ),
    Case(
        "request media type removed",
        lambda s: create_operation(s)["requestBody"].update(
            content={"application/xml": {"schema": {}}}
        ),
        [
            ("request-media-type-removed", POST, f"{REQ}", "error"),
            ("request-media-type-added", POST, "request.body[application/xml]", "info"),
        ],
    ),
    Case(
        "request media type added",
        lambda s: create_operation(s)["requestBody"]["content"].update(
            {"text/plain": {"schema": {"type": "string"}}}
        ),
        [("request-media-type-added", POST, "request.body[text/plain]", "info")],
    ),
    Case(
        "operation removed",
        lambda s: s["paths"]["/items"].pop("get") and None,
        [("operation-removed", GET, "operation", "error")],
    ),
    Case(
        "operation added",
        lambda s: s["paths"]["/items"].update(
            delete={"operationId": "purge", "responses": {"204": {"description": "Gone."}}}
        ),
        [("operation-added", "DELETE /items", "operation", "info")],
    ),
    Case(
        "operationId changed (generated client method renamed)",
        lambda s: list_operation(s).update(operationId="items"),
        [("operation-id-changed", GET, "operation", "error")],
    ),
    Case(
        "summary and description changed",
        lambda s: list_operation(s).update(summary="List all items", description="All of them."),
        [
            ("operation-summary-changed", GET, "operation", "info"),
            ("operation-description-changed", GET, "operation", "info"),
        ],
    ),
    Case(
        "operation deprecated without a sunset date",
        lambda s: list_operation(s).update(deprecated=True),
        [("operation-deprecated-without-sunset", GET, "operation", "warning")],
    ),
    Case(
        "operation deprecated with a sunset date",
        lambda s: list_operation(s).update({"deprecated": True, "x-sunset": "2026-12-31"}),
        [("operation-deprecated", GET, "operation", "info")],
        exact=True,
    ),
    Case(
        "security requirement added to the only alternative",
        lambda s: s.update(security=[{"key": [], "tenant": []}]),
        [("security-tightened", op, "security", "error") for op in EVERY_OPERATION],
    ),
    Case(
        "security alternative added",
        lambda s: s.update(security=[{"key": []}, {"tenant": []}]),
        [("security-loosened", GET, "security", "info")],
    ),
    Case(
        "operation made public",
        lambda s: list_operation(s).update(security=[]),
        [("security-loosened", GET, "security", "info")],
    ),
    Case(
        "public operation now needs a key",
        lambda s: list_operation(s).update(security=[{"key": []}]),
        [("security-tightened", GET, "security", "error")],
        prepare=lambda s: list_operation(s).update(security=[]),
    ),
    Case(
        "security scheme header renamed",
        lambda s: s["components"]["securitySchemes"]["key"].update(name="X-Api-Key"),
        [("security-scheme-changed", op, "security.key", "error") for op in EVERY_OPERATION],
    ),
    Case(
        "security scheme reworded",
        lambda s: s["components"]["securitySchemes"]["key"].update(description="The key."),
        [],
    ),
]

RESPONSE_CASES = [
    Case(
        "response field removed",
        lambda s: response_item(s)["properties"].pop("note") and None,
        [("response-property-removed", POST, f"{RESP}.note", "error")],
    ),
    Case(
        "response field added",
        lambda s: response_item(s)["properties"].update(color={"type": "string"}),
        [("response-property-added", POST, f"{RESP}.color", "info")],
    ),
    Case(
        "response field no longer required",
        lambda s: response_item(s)["required"].remove("kind"),
        [("response-property-became-optional", POST, f"{RESP}.kind", "error")],
    ),
    Case(
        "response field now always sent",
        lambda s: response_item(s)["required"].append("note"),
        [("response-property-became-required", POST, f"{RESP}.note", "info")],
    ),
    Case(
        "response enum widened",
        resp_prop("kind", enum=["a", "b", "c"]),
        [("response-enum-value-added", POST, f"{RESP}.kind", "error")],
    ),
    Case(
        "response enum narrowed",
        resp_prop("kind", enum=["a"]),
        [("response-enum-value-removed", POST, f"{RESP}.kind", "info")],
    ),
    Case(
        "response type widened",
        resp_prop("count", type="number"),
        [("response-type-widened", POST, f"{RESP}.count", "error")],
    ),
    Case(
        "response type narrowed",
        resp_prop("count", type="integer"),
        [("response-type-narrowed", POST, f"{RESP}.count", "info")],
        prepare=resp_prop("count", type="number"),
    ),
    Case(
        "response field became nullable",
        nullable_note("anyOf", "response"),
        [("response-became-nullable", POST, f"{RESP}.note", "error")],
    ),
    Case(
        "response field no longer nullable",
        lambda s: response_item(s)["properties"]["note"].update(type="string"),
        [("response-became-not-nullable", POST, f"{RESP}.note", "info")],
        prepare=nullable_note("type", "request", "response"),
    ),
    Case(
        "response maxLength increased",
        resp_prop("name", maxLength=100),
        [("response-max-length-loosened", POST, f"{RESP}.name", "error")],
    ),
    Case(
        "response maxLength decreased",
        resp_prop("name", maxLength=20),
        [("response-max-length-tightened", POST, f"{RESP}.name", "info")],
    ),
    Case(
        "response default changed",
        resp_prop("count", default=2),
        [("response-default-changed", POST, f"{RESP}.count", "info")],
    ),
    Case(
        "response status removed",
        lambda s: create_operation(s)["responses"].pop("400") and None,
        [("response-status-removed", POST, "response[400]", "error")],
    ),
    Case(
        "response status documented",
        lambda s: create_operation(s)["responses"].update({"409": {"description": "Conflict."}}),
        [("response-status-added", POST, "response[409]", "info")],
    ),
    Case(
        "response header removed",
        lambda s: create_operation(s)["responses"]["201"].pop("headers") and None,
        [("response-header-removed", POST, "response[201].header.X-Request-Id", "error")],
    ),
    Case(
        "response header added",
        lambda s: create_operation(s)["responses"]["201"]["headers"].update(
            {"ETag": {"schema": {"type": "string"}}}
        ),
        [("response-header-added", POST, "response[201].header.ETag", "info")],
    ),
    Case(
        "response header no longer required",
        lambda s: create_operation(s)["responses"]["201"]["headers"]["X-Request-Id"].update(
            required=False
        ),
        [("response-header-became-optional", POST, "response[201].header.X-Request-Id", "error")],
    ),
    Case(
        "response header now always sent",
        lambda s: create_operation(s)["responses"]["201"]["headers"]["X-Request-Id"].update(
            required=True
        ),
        [("response-header-became-required", POST, "response[201].header.X-Request-Id", "info")],
        prepare=lambda s: create_operation(s)["responses"]["201"]["headers"]["X-Request-Id"].update(
            required=False
        ),
    ),
    Case(
        "response media type removed",
        lambda s: create_operation(s)["responses"]["201"].update(
            content={"text/plain": {"schema": {"type": "string"}}}
        ),
        [
            ("response-media-type-removed", POST, RESP, "error"),
            ("response-media-type-added", POST, "response[201].body[text/plain]", "info"),
        ],
    ),
    Case(
        "response description reworded",
        lambda s: response_item(s)["properties"]["note"].update(description="Free text."),
        [("response-description-changed", POST, f"{RESP}.note", "info")],
    ),
    Case(
        "nested array item field removed",
        lambda s: (
            list_operation(s)["responses"]["200"]["content"]["application/json"]["schema"]["items"][
                "properties"
            ].pop("tags")
            and None
        ),
        [
            (
                "response-property-removed",
                GET,
                "response[200].body[application/json][].tags",
                "error",
            )
        ],
    ),
]

WEBHOOK_CASES = [
    Case(
        "webhook payload enum widened breaks the partner who reads it",
        lambda s: webhook_item(s)["properties"]["kind"].update(enum=["a", "b", "c"]),
        [("request-enum-value-added", HOOK, f"{HOOK_REQ}.kind", "error")],
    ),
    Case(
        "webhook payload gains a required field: the partner just receives more",
        add_required_color(webhook_item),
        [("request-property-added-required", HOOK, f"{HOOK_REQ}.color", "info")],
    ),
    Case(
        "webhook payload field no longer required",
        lambda s: webhook_item(s)["required"].remove("kind"),
        [("request-property-became-optional", HOOK, f"{HOOK_REQ}.kind", "error")],
    ),
]

ALL_CASES = REQUEST_CASES + PARAMETER_CASES + BODY_AND_OPERATION_CASES + RESPONSE_CASES
ALL_CASES += WEBHOOK_CASES
