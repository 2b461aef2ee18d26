"""Fixtures that load the multi-file spec once per session (helpers: tests/lib/spec.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from prance import ResolvingParser  # type: ignore[import-untyped]

from tests.lib import SPEC_DIR


@pytest.fixture(scope="session")
def resolved_spec() -> dict[str, Any]:
    """The spec with every $ref resolved, validated by prance (openapi-spec-validator)."""
    parser = ResolvingParser(
        str(SPEC_DIR / "openapi.yaml"), backend="openapi-spec-validator", strict=True
    )
    spec: dict[str, Any] = parser.specification
    return spec


@pytest.fixture(scope="session")
def spec_files() -> dict[Path, Any]:
    """Every file of the OpenAPI document, parsed, keyed by its path."""
    paths = [SPEC_DIR / "openapi.yaml"]
    paths += sorted((SPEC_DIR / "paths").glob("*.yaml")) + sorted(
        SPEC_DIR.glob("components/*/*.yaml")
    )
    return {path: yaml.safe_load(path.read_text()) for path in paths}
