"""The Markdown entry: operations with breaking changes first, breaking lines first."""

from __future__ import annotations

from scripts.breaking import Acknowledgement, judge, render_changelog
from scripts.spec_diff import Change

CHANGES = [
    Change("GET /a", "operation", "operation-summary-changed", False, "summary changed"),
    Change("GET /a", "request.query.q", "request-parameter-added", False, "new optional parameter"),
    Change("POST /b", "response[200].body[application/json].x", "response-property-added", False,
           "new optional property"),
    Change("POST /b", "request.body[application/json].y", "request-property-became-required", True,
           "became required"),
    Change("POST /b", "response[200].body[application/json].z", "response-description-changed",
           False, "description changed"),
    Change("DELETE /c", "operation", "operation-removed", True, "removed"),
]  # fmt: skip


def _render(acks: list[Acknowledgement] | None = None) -> str:
    return render_changelog(CHANGES, judge(CHANGES, acks or []), "`HEAD~1` (abc)")


def test_operations_with_breaking_changes_come_first() -> None:
    """DELETE /c and POST /b (breaking) precede GET /a (none), each alphabetical within."""
    text = _render()
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == ["### `DELETE /c`", "### `POST /b`", "### `GET /a`"]


def test_breaking_lines_lead_their_operation() -> None:
    """Within POST /b the breaking line is first, the reworded description last."""
    section = _render().split("### `POST /b`\n")[1].split("\n\n")[0].splitlines()
    assert section[0].startswith("- **Breaking:** `request.body[application/json].y`")
    assert section[1].startswith("- `response[200].body[application/json].x`: new optional")
    assert section[-1] == "- Documentation reworded: `response[200].body[application/json].z`."


def test_summary_line_counts() -> None:
    """The first paragraph says how many changes break, in how many operations."""
    assert "2 breaking changes and 4 other changes in 3 operations." in _render()


def test_operation_level_lines_have_no_location() -> None:
    """`operation` is not a useful place to show; the message stands alone."""
    assert "- **Breaking:** removed (`operation-removed`)" in _render()


def test_acknowledgement_reason_is_shown() -> None:
    """An accepted break carries its reason into the release notes."""
    ack = Acknowledgement("operation-removed", "DELETE /c", "operation", "Unused since 2025.")
    text = _render([ack])
    assert "(1 acknowledged)" in text
    assert "(`operation-removed`). Acknowledged: Unused since 2025." in text


def test_no_changes() -> None:
    """An unchanged API still gets an entry saying so."""
    assert render_changelog([], judge([], []), "`HEAD~1`").endswith("No change to the API.\n")
