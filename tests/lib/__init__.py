"""Test support: plain helper modules (no tests, no fixtures) and, in `fixtures/`, the pytest
plugins the root conftest loads. Test modules import helpers from here, never from a conftest
or from another test module."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_DIR = REPO_ROOT / "spec"
