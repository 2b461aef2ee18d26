"""Map a concrete request (method + URL path) back to the spec operation it exercises.

Why: the summary is per operation, and our own property tests send plain HTTP requests, so
the suite needs the same `GET /v1/templates/{templateId}` labels schemathesis uses. The path
templates are read from the spec itself, so a new path needs no change here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PACKAGED_SPEC = Path(__file__).with_name("openapi.yaml")  # in the wheel
REPO = Path(__file__).resolve().parents[2]
REPO_SPEC = REPO / "generated" / "openapi.yaml"  # in a checkout


def spec_path() -> Path:
    """The bundled public spec the suite checks servers against."""
    for candidate in (PACKAGED_SPEC, REPO_SPEC):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no bundled spec at {PACKAGED_SPEC} or {REPO_SPEC}")


@cache
def public_spec() -> dict[str, object]:
    document: dict[str, object] = yaml.safe_load(spec_path().read_text(encoding="utf-8"))
    return document


@cache
def _templates() -> tuple[tuple[re.Pattern[str], str], ...]:
    paths = public_spec()["paths"]
    assert isinstance(paths, dict)
    compiled = []
    for template in paths:
        regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        compiled.append((re.compile(f"^{regex}$"), template))
    # Literal segments first, so `/v1/templates/{templateId}` never shadows a longer literal path.
    compiled.sort(key=lambda item: (item[1].count("{"), -len(item[1])))
    return tuple(compiled)


UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def operation_label(method: str, path: str) -> str:
    """`METHOD /path/{template}` for a known path, else `METHOD <path>` as sent with its
    UUIDs as `{id}` (the sandbox's `/_sandbox/...` controls: one line each, not one per id)."""
    for regex, template in _templates():
        if regex.match(path):
            return f"{method.upper()} {template}"
    return f"{method.upper()} {UUID.sub('{id}', path)}"


@cache
def spec_operations() -> tuple[tuple[str, str, str], ...]:
    """(METHOD, path, operationId) of every operation of the spec."""
    paths = public_spec()["paths"]
    assert isinstance(paths, dict)
    found = []
    for path, item in paths.items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                found.append((method.upper(), path, str(operation["operationId"])))
    return tuple(found)


@cache
def operations_with_request_examples() -> frozenset[tuple[str, str]]:
    """(METHOD, path) of operations whose request carries an example (parameter or body).

    Why: the examples phase has nothing to send for an operation without one (`GET /api`),
    and a test that runs no case is not a passing test.
    """
    bundle: dict[str, Any] = public_spec()
    parameters = bundle["components"]["parameters"]

    def has_example(parameter: dict[str, object]) -> bool:
        ref = parameter.get("$ref")
        if isinstance(ref, str):
            parameter = parameters[ref.rsplit("/", 1)[-1]]
        return "example" in parameter or "examples" in parameter

    found = set()
    for path, item in bundle["paths"].items():
        for method, operation in item.items():
            if not (isinstance(operation, dict) and "operationId" in operation):
                continue
            params = [*item.get("parameters", []), *operation.get("parameters", [])]
            content = operation.get("requestBody", {}).get("content", {})
            if any(has_example(p) for p in params) or any(
                "examples" in media or "example" in media for media in content.values()
            ):
                found.add((method.upper(), path))
    return frozenset(found)
