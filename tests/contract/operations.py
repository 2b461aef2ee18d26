"""Map a concrete request (method + URL path) back to the spec operation it exercises.

Why: the summary is per operation, and our own property tests send plain HTTP requests, so
the suite needs the same `GET /v1/templates/{templateId}` labels schemathesis uses. The path
templates are read from the spec itself, so a new path needs no change here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
SPEC_ROOT = REPO / "spec" / "openapi.yaml"


@cache
def _templates() -> tuple[tuple[re.Pattern[str], str], ...]:
    paths = yaml.safe_load(SPEC_ROOT.read_text(encoding="utf-8"))["paths"]
    compiled = []
    for template in paths:
        regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        compiled.append((re.compile(f"^{regex}$"), template))
    # Literal segments first, so `/v1/templates/{templateId}` never shadows a longer literal path.
    compiled.sort(key=lambda item: (item[1].count("{"), -len(item[1])))
    return tuple(compiled)


def operation_label(method: str, path: str) -> str:
    """`METHOD /path/{template}` for a known path, else `METHOD <path>` as sent."""
    for regex, template in _templates():
        if regex.match(path):
            return f"{method.upper()} {template}"
    return f"{method.upper()} {path}"


@cache
def spec_operations() -> tuple[tuple[str, str, str], ...]:
    """(METHOD, path, operationId) of every operation, read from the multi-file spec."""
    root = yaml.safe_load(SPEC_ROOT.read_text(encoding="utf-8"))
    found = []
    for path, ref in root["paths"].items():
        item = yaml.safe_load((SPEC_ROOT.parent / ref["$ref"]).read_text(encoding="utf-8"))
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
    bundle = yaml.safe_load((REPO / "generated" / "openapi.yaml").read_text(encoding="utf-8"))
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
