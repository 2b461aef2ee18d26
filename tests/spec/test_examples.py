"""Every example embedded in the spec is valid against the schema it illustrates."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.lib.spec import iter_operations


def media_examples(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any], Any]]:
    """(where, schema, value) for every request and response example."""
    found = []
    for path, method, op in iter_operations(spec):
        where = f"{method.upper()} {path}"
        media = [("request", op.get("requestBody", {}).get("content", {}))]
        media += [(status, r.get("content", {})) for status, r in op["responses"].items()]
        for label, content in media:
            for body in content.values():
                for name, example in body.get("examples", {}).items():
                    found.append((f"{where} {label} {name}", body["schema"], example["value"]))
        for param in op.get("parameters", []):
            if "example" in param:
                found.append((f"{where} {param['name']}", param["schema"], param["example"]))
    return found


def test_there_are_examples_everywhere(resolved_spec: dict[str, Any]) -> None:
    examples = media_examples(resolved_spec)
    assert len(examples) >= 60
    for path, method, op in iter_operations(resolved_spec):
        success = next(r for s, r in op["responses"].items() if s.startswith("2"))
        assert success["content"]["application/json"].get("examples"), f"{method} {path}"


def test_every_example_validates(resolved_spec: dict[str, Any]) -> None:
    failures = []
    for where, schema, value in media_examples(resolved_spec):
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        failures += [f"{where}: {e.json_path}: {e.message}" for e in validator.iter_errors(value)]
    assert not failures


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ({"displayName": "A", "signatureMode": ["SIGNATURE_BIOMETRIC"]}, False),
        (
            {
                "displayName": "A",
                "signatureMode": ["SIGNATURE_BIOMETRIC"],
                "identity": {"documentNumber": "1109661121"},
            },
            True,
        ),
        ({"displayName": "A", "signatureMode": ["SIGNATURE_EMAIL"], "identity": {}}, False),
        (
            {
                "displayName": "A",
                "signatureMode": ["SIGNATURE_SMS"],
                "identity": {"phone": "+573217597071"},
            },
            True,
        ),
        ({"displayName": "A", "signatureMode": []}, False),
        (
            {
                "displayName": "A",
                "signatureMode": ["SIGNATURE_EMAIL"],
                "identity": {"email": "a@b.co"},
                "x": 1,
            },
            False,
        ),
    ],
)
def test_signature_modes_require_their_identity_field(
    resolved_spec: dict[str, Any], value: dict[str, Any], valid: bool
) -> None:
    body = resolved_spec["paths"]["/v1/documents"]["post"]["requestBody"]
    participant = body["content"]["application/json"]["schema"]["properties"]["participants"][
        "items"
    ]
    validator = Draft202012Validator(
        participant, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert validator.is_valid(value) is valid


def test_format_checking_is_really_on() -> None:
    """Without the format extras, date-time and uuid are silently accepted."""
    checker = Draft202012Validator.FORMAT_CHECKER
    assert not checker.conforms("2026-13-45T99:00:00Z", "date-time")
    assert not checker.conforms("not-a-uuid", "uuid")
    assert not checker.conforms("not an email", "email")
