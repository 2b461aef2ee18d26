"""Each decision on the page's gaps is listed in DECISIONS.md and written in the spec (or, for
the sandbox's own behaviour, in the sandbox overlay)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tests.lib import REPO_ROOT, SPEC_DIR


def spec_decisions(spec_files: dict[Path, Any]) -> set[str]:
    ids: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "x-decision":
                    match = re.match(r"D\d\d ", value)
                    assert match, f"x-decision must start with its id: {value!r}"
                    ids.add(match.group(0).strip())
                else:
                    collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for doc in spec_files.values():
        collect(doc)
    return ids


def test_every_decision_is_in_the_spec_and_listed(spec_files: dict[Path, Any]) -> None:
    listed = set(re.findall(r"^\| (D\d\d) \|", (SPEC_DIR / "DECISIONS.md").read_text(), re.M))
    assert len(listed) >= 28
    overlays = {
        path: yaml.safe_load(path.read_text()) for path in sorted(REPO_ROOT.glob("overlays/*.yaml"))
    }
    assert spec_decisions({**spec_files, **overlays}) == listed
