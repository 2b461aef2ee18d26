"""Validate the hand-written multi-file spec and its bundle; exit non-zero with the reason.

Why two validators: prance resolves the multi-file source the way an editor or a partner's
tool would (relative file refs), while openapi-spec-validator on our bundle checks exactly
the document the generators are fed. Either can catch what the other misses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from openapi_spec_validator import validate as validate_document

from scripts.pipeline.bundle import BundleError, bundle

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SPEC = REPO_ROOT / "spec" / "openapi.yaml"


class SpecInvalid(Exception):
    """The spec or a document made from it is not valid OpenAPI."""


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) < 2000 else text[:2000] + " ..."


def validate_source(root_file: Path) -> None:
    """Resolve and validate the multi-file spec with prance (openapi-spec-validator backend)."""
    import prance  # type: ignore[import-untyped]
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


def validate_bundled(document: dict[str, Any], name: str) -> None:
    """Validate a single-file document (bundle, overlay variant) with openapi-spec-validator."""
    try:
        validate_document(document)
    except Exception as error:
        raise SpecInvalid(f"{name}: {type(error).__name__}: {_first_line(error)}") from error


def validate_all(root_file: Path) -> dict[str, Any]:
    """Validate the source and its bundle; return the bundle."""
    if not root_file.is_file():
        raise SpecInvalid(f"{root_file} does not exist")
    validate_source(root_file)
    try:
        bundled = bundle(root_file)
    except BundleError as error:
        raise SpecInvalid(f"bundling {root_file}: {error}") from error
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
