"""A later Signly release, simulated: what today's partners must keep reading.

Why: "built to evolve" is a claim about code generated today meeting a server of tomorrow.
This ASGI middleware wraps the real sandbox and answers as such a server might, derived
from the spec rather than written by hand:

- every value of an extensible list (`anyOf` of a known enum and any string) is a value
  this release does not know (`ADDED_LATER`, or `added_later` where known values are lower
  case), except where the answer pins a `const`;
- every response object that allows more properties carries one more (`addedLater`);
- every error answer carries an error code the catalogue does not know (`added_later`);
- a missing template (`GET /v1/templates/{templateId}` answering 404) becomes 410 Gone, a
  status the spec does not list.

The sandbox's own control endpoints (`/_sandbox/...`) pass through untouched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from scripts.pipeline.bundle import bundle, dereference
from signly_contract.operations import REPO
from tests.contract.faults import FaultMiddleware, Forward, Req, Resp

NEW_FIELD = "addedLater"
NEW_FIELD_VALUE = {"since": "a later release"}
GONE_CODE = "template_gone"


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    responses: dict[str, Any]


@functools.cache
def routes() -> tuple[Route, ...]:
    """Every operation of the public spec, dereferenced, with a regex for its path."""
    document = dereference(bundle(REPO / "spec" / "openapi.yaml"))
    found = []
    for path, item in document["paths"].items():
        regex = re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$")
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                found.append(Route(method.upper(), regex, operation["responses"]))
    return tuple(found)


def response_schema(method: str, path: str, status: int) -> Any:
    """The JSON schema the spec gives this answer (its status, else `default`), or None."""
    for route in routes():
        if route.method == method and route.pattern.match(path):
            response = route.responses.get(str(status)) or route.responses.get("default")
            if response is None:
                return None
            return response["content"]["application/json"]["schema"]
    return None


def _parts(schema: Any) -> Iterator[dict[str, Any]]:
    """A schema and its `allOf` parts, recursively: what an instance must satisfy at once."""
    if isinstance(schema, dict):
        yield schema
        for part in schema.get("allOf", []):
            yield from _parts(part)


def _known_values(schema: dict[str, Any]) -> list[str] | None:
    """The known values when `schema` is an extensible list, else None."""
    branches = schema.get("anyOf") or schema.get("oneOf") or []
    known = [b for b in branches if isinstance(b, dict) and isinstance(b.get("enum"), list)]
    open_ = [
        b
        for b in branches
        if isinstance(b, dict) and b.get("type") == "string" and not {"enum", "const"} & set(b)
    ]
    return [str(v) for v in known[0]["enum"]] if known and open_ else None


def new_value(definitions: list[dict[str, Any]]) -> str | None:
    """A value unknown to this release for a property with these definitions, or None."""
    if any("const" in part for d in definitions for part in _parts(d)):
        return None
    for definition in definitions:
        known = _known_values(definition)
        if known is not None:
            return "added_later" if all(v == v.lower() for v in known) else "ADDED_LATER"
    return None


def _branch_for(schema: dict[str, Any], value: Any) -> list[dict[str, Any]]:
    """The branches of a non-extensible anyOf/oneOf that could describe `value`."""
    wanted = "object" if isinstance(value, dict) else "array" if isinstance(value, list) else ""
    branches = schema.get("anyOf") or schema.get("oneOf") or []
    return [b for b in branches if isinstance(b, dict) and wanted and _has_type(b, wanted)]


def _has_type(schema: dict[str, Any], wanted: str) -> bool:
    return any(
        part.get("type") == wanted
        or (isinstance(part.get("type"), list) and wanted in part["type"])
        or (wanted == "object" and "properties" in part)
        for part in _parts(schema)
    )


def evolve(definitions: list[dict[str, Any]], value: Any) -> Any:
    """`value` as the later release sends it, given every schema that describes it."""
    if isinstance(value, str):
        replaced = new_value(definitions)
        return value if replaced is None else replaced
    expanded: list[dict[str, Any]] = []
    for definition in definitions:
        for part in _parts(definition):
            expanded.append(part)
            expanded += _branch_for(part, value)
    if isinstance(value, list):
        items = [p["items"] for p in expanded if isinstance(p.get("items"), dict)]
        return [evolve(items, item) for item in value]
    if not isinstance(value, dict):
        return value
    properties: dict[str, list[dict[str, Any]]] = {}
    for part in expanded:
        for name, prop in (part.get("properties") or {}).items():
            properties.setdefault(name, []).append(prop)
    evolved = {
        name: evolve(properties[name], item) if name in properties else item
        for name, item in value.items()
    }
    closed = any(p.get("additionalProperties") is False for p in expanded)
    if properties and not closed:
        evolved[NEW_FIELD] = NEW_FIELD_VALUE
    return evolved


async def later_release(request: Req, forward: Forward) -> Resp:
    """The FaultMiddleware rewrite that turns the sandbox into the later release."""
    response = await forward(request)
    body = response.json
    if request.path.startswith("/_sandbox") or not isinstance(body, dict):
        return response
    if (
        request.method == "GET"
        and response.status == 404
        and re.fullmatch(r"/v1/templates/[^/]+", request.path)
    ):
        response.status = body["status"] = 410
        body["code"], body["message"] = GONE_CODE, "This template was removed for good."
        body["error"] = {"type": "gone", "details": body.get("error", {}).get("details", {})}
        body[NEW_FIELD] = NEW_FIELD_VALUE
        response.set_json(body)
        return response
    schema = response_schema(request.method, request.path, response.status)
    if schema is not None:
        response.set_json(evolve([schema], body))
    return response


def wrap(app: Any) -> FaultMiddleware:
    """The sandbox `app` answering as the later release."""
    return FaultMiddleware(app, later_release)
