"""Validate the hand-written multi-file spec and its bundle; exit non-zero with the reason.

Why two validators: prance resolves the multi-file source the way an editor or a partner's
tool would (relative file refs), while openapi-spec-validator on our bundle checks exactly
the document the generators are fed. Either can catch what the other misses.

The validators are imported on first use (`load_validators`), so a caller can start other
work first: importing them is a second of CPU.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

from scripts.pipeline.bundle import BundleError, bundle

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SPEC = REPO_ROOT / "spec" / "openapi.yaml"


class SpecInvalid(Exception):
    """The spec or a document made from it is not valid OpenAPI."""


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) < 2000 else text[:2000] + " ..."


def _defer_iri_grammar() -> None:
    """Let rfc3987-syntax build its grammar when a value is first checked, not on import.

    Why: jsonschema imports it for the `iri` and `iri-reference` formats, and importing it
    builds three Earley parsers, 1.3 s of CPU, although our documents use neither format.
    The formats stay registered and checked: the stand-in hands each call to the real
    module, imported then.
    """
    name = "rfc3987_syntax"
    if name in sys.modules or importlib.util.find_spec(name) is None:
        return
    stand_in = types.ModuleType(name)

    def real() -> Any:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name)

    def is_valid_syntax(term: str, value: str) -> Any:
        return real().is_valid_syntax(term, value)

    def attribute(name: str) -> Any:  # any other name: the real module's (not `__path__`...)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(real(), name)

    setattr(stand_in, "is_valid_syntax", is_valid_syntax)  # noqa: B010
    setattr(stand_in, "__getattr__", attribute)  # noqa: B010
    sys.modules[name] = stand_in


def load_validators() -> None:
    """Import prance and openapi-spec-validator now (a process that forks shares them)."""
    _defer_iri_grammar()
    import openapi_spec_validator  # noqa: F401
    import prance  # type: ignore[import-untyped]  # noqa: F401
    from prance.util import resolver  # type: ignore[import-untyped]  # noqa: F401


def validate_source(root_file: Path) -> None:
    """Resolve and validate the multi-file spec with prance (openapi-spec-validator backend)."""
    load_validators()
    import prance
    from prance.util.resolver import keep_ref_on_recursion  # type: ignore[import-untyped]

    try:
        prance.ResolvingParser(
            str(root_file.resolve()),
            backend="openapi-spec-validator",
            strict=True,
            # A recursive schema is legal OpenAPI: keep the ref instead of failing.
            recursion_limit_handler=keep_ref_on_recursion,
        )
    except Exception as error:  # prance raises several unrelated types
        raise SpecInvalid(f"{root_file}: {type(error).__name__}: {_first_line(error)}") from error


def _one_object_per_place(document: Any) -> None:
    """Give each place of a shared `allOf` + `required` schema an object of its own.

    Why: openapi-spec-validator checks a schema object once, where it first meets it, and one
    of its checks depends on the place (a `required` name defined by no `allOf` part is an
    error at the top of a schema only). A document that shares subtrees (`dereference`) would
    have such a schema checked at one place only. Equal copies are swapped in, so the content
    does not change; nothing else is copied.
    """
    claimed: set[int] = set()
    visited: set[int] = set()
    stack = [document]
    while stack:
        container = stack.pop()
        if id(container) in visited:
            continue
        visited.add(id(container))
        edges = list(container.items() if isinstance(container, dict) else enumerate(container))
        for key, child in edges:
            if isinstance(child, dict) and "allOf" in child and "required" in child:
                if id(child) in claimed:
                    child = container[key] = dict(child)
                claimed.add(id(child))
            if isinstance(child, dict | list):
                stack.append(child)


def validate_bundled(document: dict[str, Any], name: str) -> None:
    """Validate a single-file document (bundle, overlay variant) with openapi-spec-validator."""
    load_validators()
    from openapi_spec_validator import validate as validate_document

    try:
        _one_object_per_place(document)
        validate_document(document)
    except Exception as error:
        raise SpecInvalid(f"{name}: {type(error).__name__}: {_first_line(error)}") from error


def bundle_source(root_file: Path) -> dict[str, Any]:
    """The bundle of `root_file`, with its errors as SpecInvalid (not validated yet)."""
    if not root_file.is_file():
        raise SpecInvalid(f"{root_file} does not exist")
    try:
        return bundle(root_file)
    except BundleError as error:
        raise SpecInvalid(f"bundling {root_file}: {error}") from error


def validate_all(root_file: Path) -> dict[str, Any]:
    """Validate the source and its bundle; return the bundle."""
    if not root_file.is_file():
        raise SpecInvalid(f"{root_file} does not exist")
    validate_source(root_file)
    bundled = bundle_source(root_file)
    validate_bundled(bundled, "bundle of " + root_file.name)
    return bundled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    args = parser.parse_args(argv)
    try:
        validate_all(args.spec)
    except SpecInvalid as error:
        print(f"INVALID: {error}", file=sys.stderr)
        return 1
    print(f"valid: {args.spec} (prance) and its bundle (openapi-spec-validator)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
