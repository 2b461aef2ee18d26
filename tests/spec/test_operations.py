"""Project lint rules for operations: what every partner-facing operation must document."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.lib.spec import iter_operations

PARTNER: list[dict[str, list[str]]] = [{"partnerTenant": [], "partnerKey": []}]
ADMIN: list[dict[str, list[str]]] = [{"adminSession": []}]
SNAKE_VERB_NOUN = re.compile(r"^[a-z]+(_[a-z]+)+$")


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return list(iter_operations(spec))


def test_the_whole_surface_is_described(resolved_spec: dict[str, Any]) -> None:
    ops = {(method.upper(), path) for path, method, _ in operations(resolved_spec)}
    assert len(ops) == 23
    assert ("DELETE", "/v1/documents/{documentId}/cancel") in ops
    assert ("PUT", "/v1/templates/{templateId}/fields") in ops


def test_operation_ids_are_unique_snake_case_verb_noun(resolved_spec: dict[str, Any]) -> None:
    ids = [op.get("operationId", "") for _, _, op in operations(resolved_spec)]
    assert all(SNAKE_VERB_NOUN.match(i) for i in ids), ids
    assert len(ids) == len(set(ids))


def test_every_operation_has_summary_description_and_one_known_tag(
    resolved_spec: dict[str, Any],
) -> None:
    tags = {t["name"] for t in resolved_spec["tags"]}
    for path, method, op in operations(resolved_spec):
        where = f"{method.upper()} {path}"
        assert op.get("summary"), where
        assert len(op.get("description", "")) > 20, where
        assert len(op.get("tags", [])) == 1 and op["tags"][0] in tags, where


def test_admin_session_only_on_api_and_partner_headers_only_on_v1(
    resolved_spec: dict[str, Any],
) -> None:
    for path, method, op in operations(resolved_spec):
        expected = ADMIN if path == "/api" else PARTNER
        assert op.get("security") == expected, f"{method.upper()} {path}"


@pytest.mark.parametrize("status", ["401", "403", "429"])
def test_every_operation_documents_auth_failures_and_rate_limits(
    resolved_spec: dict[str, Any], status: str
) -> None:
    missing = [
        f"{m.upper()} {p}"
        for p, m, op in operations(resolved_spec)
        if status not in op["responses"]
    ]
    assert not missing


def test_operations_with_an_id_in_the_path_document_404(resolved_spec: dict[str, Any]) -> None:
    for path, method, op in operations(resolved_spec):
        if "{" in path:
            assert "404" in op["responses"], f"{method.upper()} {path}"


def test_operations_with_a_body_document_400_413_and_415(resolved_spec: dict[str, Any]) -> None:
    for path, method, op in operations(resolved_spec):
        if "requestBody" in op:
            assert {"400", "413", "415"} <= set(op["responses"]), f"{method.upper()} {path}"


def test_publishing_documents_402(resolved_spec: dict[str, Any]) -> None:
    publish = resolved_spec["paths"]["/v1/documents"]["post"]
    assert "402" in publish["responses"]


def test_every_response_is_json_with_the_request_id_header(resolved_spec: dict[str, Any]) -> None:
    for path, method, op in operations(resolved_spec):
        for status, response in op["responses"].items():
            where = f"{method.upper()} {path} {status}"
            assert "X-Request-Id" in response.get("headers", {}), where
            assert list(response.get("content", {})) == ["application/json"], where
            envelope = response["content"]["application/json"]["schema"]
            success = envelope_property(envelope, "success")
            assert success == {"type": "boolean", "const": status.startswith("2")} | {
                "description": success["description"]
            }, where


def envelope_property(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """Find a property of an envelope, looking through allOf."""
    if name in schema.get("properties", {}):
        found: dict[str, Any] = schema["properties"][name]
        return found
    for part in schema.get("allOf", []):
        try:
            return envelope_property(part, name)
        except KeyError:
            continue
    raise KeyError(name)


def test_list_parameters_carry_their_constraints(resolved_spec: dict[str, Any]) -> None:
    for path in ("/v1/documents", "/v1/templates"):
        params = {p["name"]: p for p in resolved_spec["paths"][path]["get"]["parameters"]}
        limit = params["limit"]["schema"]
        assert (limit["type"], limit["minimum"], limit["maximum"]) == ("integer", 1, 100)
        assert params["sort"]["schema"]["enum"] == ["createdAt", "-createdAt"]
        assert "cursor" in params


def test_version_parameters_are_integers_from_one(resolved_spec: dict[str, Any]) -> None:
    for path, item in resolved_spec["paths"].items():
        for param in item.get("parameters", []):
            if param["name"] == "version":
                assert param["schema"]["type"] == "integer", path
                assert param["schema"]["minimum"] == 1, path


def test_every_operation_answers_any_other_status_with_the_envelope(
    resolved_spec: dict[str, Any],
) -> None:
    for path, method, op in operations(resolved_spec):
        default = op["responses"].get("default")
        assert default is not None, f"{method.upper()} {path}"
        schema = default["content"]["application/json"]["schema"]
        assert envelope_property(schema, "success")["const"] is False


def test_every_documented_error_pins_its_codes_and_its_error_type(
    resolved_spec: dict[str, Any],
) -> None:
    """Each 4xx names its known codes (or one added later) and its `error.type` (D34)."""
    pinned = 0
    for path, method, op in operations(resolved_spec):
        for status, response in op["responses"].items():
            if not status.startswith("4"):
                continue
            where = f"{method.upper()} {path} {status}"
            pin = response["content"]["application/json"]["schema"]["allOf"][1]["properties"]
            known, later = pin["code"]["anyOf"]
            catalogue = set(later["not"]["enum"])  # "a code not in the catalogue"
            assert set(known["enum"]) <= catalogue, where
            assert isinstance(pin["error"]["properties"]["type"]["const"], str), where
            examples = response["content"]["application/json"]["examples"].values()
            assert {e["value"]["code"] for e in examples} <= set(known["enum"]), where
            assert {e["value"]["error"]["type"] for e in examples} == {
                pin["error"]["properties"]["type"]["const"]
            }, where
            pinned += 1
    assert pinned > 100
