"""The docs variant's `x-codeSamples`, built from the runnable files in docs/samples/.

Why: a sample shown in the reference must be one that works, so every sample is a real file
(`<operationId>.sh` with curl, `<operationId>.py` with the generated client,
`<operationId>.js` for Node 20+ with the built-in `fetch`, ESM, no dependencies) that
tests/docs/test_samples.py runs against the sandbox, and the reference shows exactly that
file. Nothing is copied by hand: `samples_overlay()` turns the files into a strict Overlay
1.0 document with one action per operation, targeting it by operationId among the paths and
webhooks (`$['paths','webhooks'][*][?@.operationId=='<id>']`), and generate.py applies it
right after overlays/docs.yaml. A file whose operationId the spec lacks therefore fails the
pipeline like any other overlay action that selects nothing.

What the reference shows is the file minus its `#!` line and minus every line that ends with
`# sandbox-only` (or `// sandbox-only` in JavaScript): the set-up that creates prerequisites
in a fresh sandbox, see docs/samples/_sandbox.py (and _sandbox.mjs, which runs it from
Node). Files whose name starts with `_` are helpers, not samples.
`python -m scripts.pipeline.codesamples` prints the overlay.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from scripts.pipeline.overlay import apply_overlay
from scripts.pipeline.yamlio import dump_yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLES_DIR = REPO_ROOT / "docs" / "samples"
# Suffix -> (x-codeSamples lang, tab label), in the order the tabs appear.
LANGUAGES = {
    ".sh": ("Shell", "curl"),
    ".py": ("Python", "Python"),
    ".js": ("JavaScript", "JavaScript"),
}
HIDDEN_LINE = re.compile(r"(#|//)\s*sandbox-only\s*$")
_BLANK_RUN = re.compile(r"\n{3,}")


def shown_source(text: str) -> str:
    """The part of a sample file the reference shows."""
    lines = text.splitlines()
    if lines and lines[0].startswith("#!"):
        lines = lines[1:]
    kept = "\n".join(line for line in lines if not HIDDEN_LINE.search(line))
    return _BLANK_RUN.sub("\n\n", kept).strip("\n") + "\n"


def sample_files(samples_dir: Path = SAMPLES_DIR) -> dict[str, list[Path]]:
    """operationId -> its sample files, in LANGUAGES order; helpers (`_*`) left out."""
    samples: dict[str, list[Path]] = {}
    for suffix in LANGUAGES:
        for path in sorted(samples_dir.glob(f"*{suffix}")):
            if not path.name.startswith("_"):
                samples.setdefault(path.stem, []).append(path)
    return dict(sorted(samples.items()))


def samples_overlay(samples_dir: Path = SAMPLES_DIR) -> dict[str, Any]:
    """An Overlay 1.0 document adding each operation's samples as `x-codeSamples`."""
    actions = []
    for operation_id, paths in sample_files(samples_dir).items():
        code_samples = []
        for path in paths:
            lang, label = LANGUAGES[path.suffix]
            source = shown_source(path.read_text(encoding="utf-8"))
            code_samples.append({"lang": lang, "label": label, "source": source})
        names = ", ".join(f"docs/samples/{path.name}" for path in paths)
        actions.append(
            {
                "target": f"$['paths','webhooks'][*][?@.operationId=='{operation_id}']",
                "description": f"Code samples from {names}.",
                "update": {"x-codeSamples": code_samples},
            }
        )
    return {
        "overlay": "1.0.0",
        "info": {"title": "Code samples from docs/samples", "version": "1.0.0"},
        "actions": actions,
    }


def with_code_samples(document: Any, samples_dir: Path = SAMPLES_DIR) -> Any:
    """A copy of `document` with every sample of `samples_dir` added (strict, see overlay.py)."""
    return apply_overlay(document, samples_overlay(samples_dir))


if __name__ == "__main__":
    sys.stdout.write(dump_yaml(samples_overlay()))
