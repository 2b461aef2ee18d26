"""What partners read speaks to partners: no internal decision ids, no "the page", no paths
of this repository, in the published reference, the client's docstrings or the guides."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.lib import REPO_ROOT

INTERNAL = re.compile(
    r"\bD\d\d\b|as on the page|the page (?:shows|says|documents|sends|only)|page's example"
    r"|reference page|DECISIONS\.md|x-decision"
    # The client is installed from generated/signly-client: that path is for partners too.
    r"|\b(?:scripts|spec|tests|overlays)/|\bgenerated/(?!signly-client)"
)
TEXT_KEYS = ("description", "summary", "title")


def _texts(node: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str):
                yield f"{where}/{key}", value
            elif key not in ("value", "examples", "x-codeSamples"):
                yield from _texts(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{where}/{index}")


def test_the_published_reference_has_no_internal_words() -> None:
    document = yaml.safe_load((REPO_ROOT / "generated" / "openapi.docs.yaml").read_text())
    found = [
        f"{where}: {text[:80]!r}" for where, text in _texts(document, "#") if INTERNAL.search(text)
    ]
    assert found == []
    assert "x-decision" not in yaml.safe_dump(document)


def test_the_published_reference_notes_every_assumption() -> None:
    document = yaml.safe_load((REPO_ROOT / "generated" / "openapi.docs.yaml").read_text())
    notes = [t for _, t in _texts(document, "#") if "**Assumption:**" in t]
    assert len(notes) >= 50


def _python_files() -> list[Path]:
    client = REPO_ROOT / "generated" / "signly-client"
    return sorted(client.rglob("*.py")) + sorted((REPO_ROOT / "docs" / "guides").glob("*.md"))


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: p.name)
def test_client_docstrings_and_guides_have_no_internal_words(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = sorted({m[0] for m in INTERNAL.finditer(text)})
    assert found == [], path
