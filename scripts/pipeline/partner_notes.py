"""The docs variant speaks to partners: assumptions become short notes, decision ids go.

Why a step of its own: the source spec keeps every decision traceable (`x-decision: Dnn
...`, `x-assumption: true`) for maintainers, while the published reference must not send
partners to internal ids. So, in the docs variant only, each node marked `x-assumption:
true` gets its decision's text (without the id) appended to its description as an
"Assumption:" note, and every `x-decision` is removed. Nothing here is written by hand: the
notes are the spec's own decision texts.
"""

from __future__ import annotations

import copy
import re
from typing import Any

DECISION = re.compile(r"^D\d\d\s+")
GENERIC = "Signly's reference does not state this; this contract assumes it."


def note(node: dict[str, Any]) -> str:
    """The partner note of an assumed node: its decision's text, or a generic sentence."""
    decision = node.get("x-decision")
    text = DECISION.sub("", decision).strip() if isinstance(decision, str) else ""
    return f"**Assumption:** {text or GENERIC}"


def with_partner_notes(document: Any) -> Any:
    """A copy of `document` with assumption notes in descriptions and no `x-decision`."""

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: walk(value) for key, value in node.items() if key != "x-decision"}
        if node.get("x-assumption") is True:
            description = str(out.get("description", "")).rstrip()
            out["description"] = f"{description}\n\n{note(node)}" if description else note(node)
        return out

    result: Any = walk(copy.deepcopy(document))
    return result
