"""The Markdown entry: operations with errors first; errors, then warnings, then info lines."""

from __future__ import annotations

from scripts.breaking.diff import Change
from scripts.breaking.gate import Acknowledgement, judge, render_changelog

SUNSET = "property removed as announced (deprecated, sunset 2026-01-01)"
CHANGES = [
    Change("GET /a", "operation", "operation-summary-changed", "info", "summary changed"),
    Change("GET /a", "request.query.q", "request-parameter-added", "info",
           "new optional parameter"),
    Change("POST /b", "response[200].body[application/json].x", "response-property-added", "info",
           "new optional property"),
    Change("POST /b", "request.body[application/json].y", "request-property-became-required",
           "error", "became required"),
    Change("POST /b", "response[200].body[application/json].z", "response-description-changed",
           "info", "description changed"),
    Change("POST /b", "response[200].body[application/json].old",
           "response-property-removed-after-sunset", "warning", SUNSET),
    Change("DELETE /c", "operation", "operation-removed", "error", "removed"),
    Change("PATCH /w", "operation", "operation-deprecated-without-sunset", "warning",
           "deprecated without a sunset date"),
]  # fmt: skip


def _render(acks: list[Acknowledgement] | None = None) -> str:
    return render_changelog(CHANGES, judge(CHANGES, acks or []), "`HEAD~1` (abc)")


def test_operations_with_errors_come_first_then_warnings() -> None:
    """DELETE /c and POST /b (errors), PATCH /w (a warning), GET /a (info), each by name."""
    text = _render()
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == ["### `DELETE /c`", "### `POST /b`", "### `PATCH /w`", "### `GET /a`"]


def test_errors_then_warnings_then_info_within_an_operation() -> None:
    """Within POST /b: the error, the warning, the info line, the reworded description last."""
    section = _render().split("### `POST /b`\n")[1].split("\n\n")[0].splitlines()
    assert section[0].startswith("- **Breaking:** `request.body[application/json].y`")
    assert section[1] == (
        f"- **Warning:** `response[200].body[application/json].old`: {SUNSET} "
        "(`response-property-removed-after-sunset`)"
    )
    assert section[2].startswith("- `response[200].body[application/json].x`: new optional")
    assert section[-1] == "- Documentation reworded: `response[200].body[application/json].z`."


def test_summary_line_counts_each_level() -> None:
    """The first paragraph counts errors, warnings and the rest, and the operations."""
    assert "2 breaking changes, 2 warnings and 4 other changes in 4 operations." in _render()


def test_summary_line_singulars() -> None:
    """One of each reads naturally."""
    one = [CHANGES[0], CHANGES[3], CHANGES[5]]
    text = render_changelog(one, judge(one, []), "`HEAD~1`")
    assert "1 breaking change, 1 warning and 1 other change in 2 operations." in text


def test_operation_level_lines_have_no_location() -> None:
    """`operation` is not a useful place to show; the message stands alone."""
    assert "- **Breaking:** removed (`operation-removed`)" in _render()
    assert "- **Warning:** deprecated without a sunset date (`operation-" in _render()


def test_acknowledgement_reason_is_shown() -> None:
    """An accepted break carries its reason into the release notes."""
    ack = Acknowledgement("operation-removed", "DELETE /c", "operation", "Unused since 2025.")
    text = _render([ack])
    assert "(1 acknowledged)" in text
    assert "(`operation-removed`). Acknowledged: Unused since 2025." in text


def test_no_changes() -> None:
    """An unchanged API still gets an entry saying so."""
    assert render_changelog([], judge([], []), "`HEAD~1`").endswith("No change to the API.\n")
