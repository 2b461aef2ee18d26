"""Routes come from the bundled sandbox spec: one Starlette `Route` per path with all of its
methods (so a 405 carries a complete `Allow`), each operation bound to its handler by
operationId. Startup fails when an operationId has no handler."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from signly_sandbox.validation import HTTP_METHODS, OperationChecks, SpecDocument, compile_operation

PACKAGED_SPEC = Path(__file__).with_name("openapi.sandbox.yaml")
REPO_SPEC = Path(__file__).resolve().parents[2] / "generated" / "openapi.sandbox.yaml"


class SpecMissing(RuntimeError):
    pass


class MissingHandlers(RuntimeError):
    pass


class Security(Enum):
    NONE = "none"
    ADMIN = "admin"
    PARTNER = "partner"


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    security: Security
    checks: OperationChecks


def default_spec_path() -> Path:
    for candidate in (PACKAGED_SPEC, REPO_SPEC):
        if candidate.is_file():
            return candidate
    raise SpecMissing(
        f"no sandbox spec at {PACKAGED_SPEC} or {REPO_SPEC}: "
        "run `python -m scripts.pipeline.generate`"
    )


def load_spec(path: Path | None = None) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with (path or default_spec_path()).open(encoding="utf-8") as stream:
        document: dict[str, Any] = yaml.load(stream, Loader=loader)
    return document


def _security(operation: Mapping[str, Any], document: Mapping[str, Any]) -> Security:
    requirements = operation.get("security", document.get("security", []))
    schemes = {name for requirement in requirements for name in requirement}
    if "adminSession" in schemes:
        return Security.ADMIN
    if schemes:
        return Security.PARTNER
    return Security.NONE


def compile_operations(document: dict[str, Any]) -> list[Operation]:
    spec = SpecDocument(document)
    operations = []
    for path, item in document["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                checks = compile_operation(spec, path, method, item.get("parameters", []))
                operations.append(
                    Operation(
                        checks.operation_id,
                        method.upper(),
                        path,
                        _security(item[method], document),
                        checks,
                    )
                )
    return operations


def check_handlers(operations: list[Operation], handlers: Mapping[str, object]) -> None:
    missing = sorted(op.operation_id for op in operations if op.operation_id not in handlers)
    if missing:
        raise MissingHandlers(f"operations without a handler: {', '.join(missing)}")


def build_routes(
    operations: list[Operation], run: Callable[[Request, Operation], Any]
) -> list[Route]:
    """One Route per spec path; `run(request, operation)` serves the matched operation."""
    by_path: dict[str, dict[str, Operation]] = {}
    for operation in operations:
        by_path.setdefault(operation.path, {})[operation.method] = operation
    routes = []
    for path, methods in by_path.items():

        async def endpoint(request: Request, methods: dict[str, Operation] = methods) -> Response:
            method = "GET" if request.method == "HEAD" else request.method
            response: Response = await run(request, methods[method])
            return response

        # OpenAPI's `{name}` and Starlette's `{name}` both match exactly one path segment.
        routes.append(Route(path, endpoint, methods=list(methods)))
    return routes
