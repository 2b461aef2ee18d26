"""Whatever Signly's reference does not state is marked `x-assumption: true` with a decision.

Two checks: every response property that the reference's own example of that answer does
not show is marked; every constraint (pattern, length, range, item count) is marked,
except the few the reference states or that HTTP itself implies (listed below).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from scripts.pipeline.bundle import bundle, dereference
from tests.lib import SPEC_DIR
from tests.lib.spec import page_examples

CONSTRAINTS = (
    "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "minItems", "maxItems", "minProperties", "maxProperties",
    "uniqueItems", "multipleOf",
)  # fmt: skip
# Constraints that are not assumptions, each with where it comes from.
STATED = {
    "components/parameters/Limit.yaml#/schema": "the reference: 'accepts from 1 to 100'",
    "components/schemas/Pagination.yaml#/properties/limit": "the same 1..100 limit, echoed",
    "components/schemas/TemplateVersionLabel.yaml#": "the reference's `<templateId>#0002` form",
    "components/schemas/SuccessEnvelope.yaml#/properties/status": "HTTP: a success is 2xx",
    "components/schemas/ErrorEnvelope.yaml#/properties/status": "HTTP: an error is 4xx/5xx",
    "components/headers/RetryAfter.yaml#/schema": "RFC 9110: delay-seconds is non-negative",
    "components/schemas/DocumentSummary.yaml#/properties/completedParticipants": "a count",
    "components/schemas/DocumentSummary.yaml#/properties/pendingParticipants": "a count",
    "components/schemas/DownloadUrl.yaml#/properties/expiresInSeconds": "a duration",
    "components/schemas/UploadUrl.yaml#/properties/expiresInSeconds": "a duration",
}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    resolved: dict[str, Any] = dereference(bundle(SPEC_DIR / "openapi.yaml"))
    return resolved


def _unmarked_constraints(node: Any, where: str, marked: bool) -> Iterator[str]:
    if isinstance(node, dict):
        marked = marked or node.get("x-assumption") is True
        if not marked and any(key in node for key in CONSTRAINTS):
            yield where
        for key, value in node.items():
            if key not in ("examples", "example", "x-enumDescriptions"):
                yield from _unmarked_constraints(value, f"{where}/{key}", marked)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _unmarked_constraints(value, f"{where}/{index}", marked)


def test_every_invented_constraint_is_an_assumption(spec_files: dict[Any, Any]) -> None:
    found = [
        place
        for path, doc in spec_files.items()
        if "examples" not in path.parts
        for place in _unmarked_constraints(doc, f"{path.relative_to(SPEC_DIR).as_posix()}#", False)
    ]
    assert sorted(set(found) - set(STATED)) == []
    assert sorted(set(STATED) - set(found)) == [], "stale entries in STATED"


def _properties(schema: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        found.update(_properties(part))
    return found


def _unshown(schema: Any, value: Any, where: str, marked: bool) -> Iterator[str]:
    """Properties of `schema` that the page's `value` does not show, and are not marked."""
    if not isinstance(schema, dict):
        return
    marked = marked or schema.get("x-assumption") is True
    if isinstance(value, dict):
        for name, prop in _properties(schema).items():
            prop_marked = marked or (isinstance(prop, dict) and prop.get("x-assumption") is True)
            if name not in value:
                if not prop_marked:
                    yield f"{where}.{name}"
            else:
                yield from _unshown(prop, value[name], f"{where}.{name}", prop_marked)
    elif isinstance(value, list) and value and isinstance(schema.get("items"), dict):
        for item in value:
            yield from _unshown(schema["items"], item, f"{where}[]", marked)


def test_every_response_property_the_reference_does_not_show_is_an_assumption(
    document: dict[str, Any],
) -> None:
    unmarked: set[str] = set()
    for method, path, where, value in page_examples():
        if where == "request":
            continue
        response = document["paths"][path][method.lower()]["responses"][where]
        schema = response["content"]["application/json"]["schema"]
        unmarked.update(_unshown(schema, value, f"{method} {path} {where}", False))
    assert sorted(unmarked) == []
