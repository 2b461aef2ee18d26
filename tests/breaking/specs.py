"""Small specs built as dicts: one base document that every rule test mutates a copy of.

Why dicts and not YAML fixtures: each test shows its one change in one line next to its
assertion, and `diff_documents` takes dereferenced documents anyway.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

Spec = dict[str, Any]
Mutation = Callable[[Spec], None]


def item() -> dict[str, Any]:
    """An object with one property per kind of constraint the rules look at."""
    return {
        "type": "object",
        "description": "An item.",
        "required": ["name", "kind"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 50, "pattern": "^[a-z]+$"},
            "kind": {"type": "string", "enum": ["a", "b"]},
            "count": {"type": "integer", "minimum": 0, "maximum": 10, "default": 1},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
            "note": {"type": "string", "description": "A note."},
            "when": {"type": "string", "format": "date-time"},
        },
    }


def json_body(schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
    """A request body with one JSON media type."""
    return {"required": required, "content": {"application/json": {"schema": schema}}}


def json_response(schema: dict[str, Any]) -> dict[str, Any]:
    """A response with a required X-Request-Id header and one JSON media type."""
    return {
        "description": "OK.",
        "headers": {"X-Request-Id": {"required": True, "schema": {"type": "string"}}},
        "content": {"application/json": {"schema": schema}},
    }


def base_spec() -> Spec:
    """Three operations on two paths, a webhook, two security schemes."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Items", "version": "1.0.0"},
        "security": [{"key": []}],
        "paths": {
            "/items": {
                "get": {
                    "operationId": "list_items",
                    "summary": "List items",
                    "parameters": [
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {"type": "integer", "maximum": 100},
                        },
                        {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                    ],
                    "responses": {"200": json_response({"type": "array", "items": item()})},
                },
                "post": {
                    "operationId": "create_item",
                    "requestBody": json_body(item()),
                    "responses": {"201": json_response(item()), "400": {"description": "Bad."}},
                },
            },
            "/items/{itemId}": {
                "parameters": [
                    {"name": "itemId", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "get": {"operationId": "get_item", "responses": {"200": json_response(item())}},
            },
        },
        "webhooks": {
            "itemEvent": {
                "post": {
                    "operationId": "receive_item_event",
                    "requestBody": json_body(item()),
                    "responses": {"200": {"description": "Received."}},
                }
            }
        },
        "components": {
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "header", "name": "X-Key", "description": "Key."},
                "tenant": {"type": "apiKey", "in": "header", "name": "X-Tenant"},
            }
        },
    }


def pair(mutate: Mutation, prepare: Mutation | None = None) -> tuple[Spec, Spec]:
    """(base, revision): `prepare` shapes both, `mutate` only the revision."""
    base = base_spec()
    if prepare is not None:
        prepare(base)
    revision = copy.deepcopy(base)
    mutate(revision)
    return base, revision


def request_item(spec: Spec) -> dict[str, Any]:
    """The body schema of `POST /items`."""
    schema: dict[str, Any] = spec["paths"]["/items"]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]
    return schema


def response_item(spec: Spec) -> dict[str, Any]:
    """The 201 body schema of `POST /items`."""
    schema: dict[str, Any] = spec["paths"]["/items"]["post"]["responses"]["201"]["content"][
        "application/json"
    ]["schema"]
    return schema


def webhook_item(spec: Spec) -> dict[str, Any]:
    """The body schema Signly sends in the `itemEvent` webhook."""
    schema: dict[str, Any] = spec["webhooks"]["itemEvent"]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]
    return schema


def list_operation(spec: Spec) -> dict[str, Any]:
    """`GET /items`."""
    operation: dict[str, Any] = spec["paths"]["/items"]["get"]
    return operation


def create_operation(spec: Spec) -> dict[str, Any]:
    """`POST /items`."""
    operation: dict[str, Any] = spec["paths"]["/items"]["post"]
    return operation


def answer_with_item(spec: Spec) -> None:
    """Give the webhook's 200 (the partner's answer to Signly) a JSON body with an item."""
    spec["webhooks"]["itemEvent"]["post"]["responses"]["200"] = json_response(item())


def webhook_answer(spec: Spec) -> dict[str, Any]:
    """The body schema the partner answers the `itemEvent` webhook with (see answer_with_item)."""
    schema: dict[str, Any] = spec["webhooks"]["itemEvent"]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    return schema
