"""The maintainer's file: acknowledged breaks pass, others fail, leftovers are reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from scripts.breaking.diff import Change
from scripts.breaking.gate import Acknowledgement, judge, main
from tests.lib.gitrepo import ITEM, commit, init, write

ACK_FILE = "spec/breaking-changes-acknowledged.yaml"
OPERATION = "GET /items/{itemId}"
ENUM_RULE = "response-enum-value-added"
LOCATION = "response[200].body[application/json].status"


def _ack(
    rule: str = ENUM_RULE, operation: str = OPERATION, location: str = LOCATION
) -> dict[str, str]:
    return {"rule": rule, "operation": operation, "location": location, "reason": "Announced."}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Base commit, then a commit widening `status` (one breaking change)."""
    repo = init(tmp_path / "repo")
    widened = ITEM.replace("[OPEN, CLOSED]", "[OPEN, CLOSED, ARCHIVED]")
    commit(repo, {"spec/components/schemas/Item.yaml": widened}, "widen")
    return repo


def _run(repo: Path, entries: object) -> int:
    write(repo, {ACK_FILE: yaml.safe_dump({"acknowledged": entries})})
    return main(["--repo", str(repo), "--changelog", os.devnull])


def test_unacknowledged_break_fails_with_a_snippet(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 1, and stderr carries the entry to paste."""
    assert _run(repo, []) == 1
    err = capsys.readouterr().err
    assert f"rule: {ENUM_RULE}" in err and f"location: {LOCATION}" in err


def test_acknowledged_break_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 0 when rule, operation and location all match."""
    assert _run(repo, [_ack()]) == 0
    assert "1 acknowledged" in capsys.readouterr().err


def test_acknowledged_reason_reaches_the_changelog(repo: Path, tmp_path: Path) -> None:
    """Release notes say why a break was accepted."""
    write(repo, {ACK_FILE: yaml.safe_dump({"acknowledged": [_ack()]})})
    changelog = tmp_path / "changelog.md"
    assert main(["--repo", str(repo), "--changelog", str(changelog)]) == 0
    assert "Acknowledged: Announced." in changelog.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "entry",
    [
        _ack(rule="response-enum-value-removed"),
        _ack(operation="GET /items"),
        _ack(location="response[200].body[application/json]"),
        _ack(location=LOCATION + ".x"),
    ],
    ids=["other rule", "other operation", "parent location", "child location"],
)
def test_near_miss_does_not_acknowledge(
    repo: Path, entry: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Matching is exact: a near miss leaves the break unacknowledged and is itself stale."""
    assert _run(repo, [entry]) == 1
    assert "stale acknowledgement" in capsys.readouterr().err


def test_stale_acknowledgement_is_reported_but_passes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An entry left over from an earlier release warns without failing the run."""
    stale = _ack(rule="response-property-removed", location=LOCATION.replace("status", "gone"))
    assert _run(repo, [_ack(), stale]) == 0
    err = capsys.readouterr().err
    assert "stale acknowledgement" in err and "gone" in err


@pytest.mark.parametrize(
    "entries",
    [
        {"rule": ENUM_RULE},
        [{**_ack(), "reason": ""}],
        [{**_ack(), "reason": "TODO: why"}],
        [{**_ack(), "ticket": 12}],
        ["just a string"],
    ],
    ids=["not a list", "empty reason", "todo reason", "unknown key", "not a mapping"],
)
def test_malformed_file_is_a_usage_error(
    repo: Path, entries: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2 on anything ambiguous, rather than guessing what the maintainer meant."""
    assert _run(repo, entries) == 2
    assert ACK_FILE in capsys.readouterr().err


def test_unknown_rule_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An entry must name a published rule: a typo would otherwise sit there, stale forever."""
    assert _run(repo, [_ack(rule="response-enum-value-addded")]) == 2
    err = capsys.readouterr().err
    assert ACK_FILE in err and "unknown rule `response-enum-value-addded`" in err
    assert "--rules" in err


@pytest.mark.parametrize(
    "rule",
    ["response-known-value-added", "operation-summary-changed", "response-deprecated",
     "response-property-removed-after-sunset", "operation-deprecated-without-sunset"],
)  # fmt: skip
def test_rule_that_is_never_an_error_cannot_be_acknowledged(
    repo: Path, rule: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Info and warnings never fail the gate, so there is nothing to acknowledge."""
    assert _run(repo, [_ack(rule=rule)]) == 2
    err = capsys.readouterr().err
    assert ACK_FILE in err and f"rule `{rule}` is never an error" in err


def test_rule_that_can_be_an_error_is_accepted(repo: Path) -> None:
    """A rule that is an error in some flow may be acknowledged (here it matches nothing)."""
    assert _run(repo, [_ack(), _ack(rule="response-enum-value-removed")]) == 0


def test_judge_ignores_non_breaking_changes() -> None:
    """Only breaking changes need acknowledging; an entry for a non-breaking one is stale."""
    info = Change("GET /x", "operation", "operation-summary-changed", "info", "summary changed")
    ack = Acknowledgement("operation-summary-changed", "GET /x", "operation", "Reworded.")
    verdict = judge([info], [ack])
    assert verdict.unacknowledged == [] and verdict.acknowledged == {}
    assert verdict.stale == [ack]


def test_repository_file_is_valid() -> None:
    """The committed acknowledgement file parses (an empty list is the normal state)."""
    from scripts.breaking.gate import load_acknowledgements

    root = Path(__file__).resolve().parents[2]
    assert isinstance(load_acknowledgements(root / ACK_FILE), list)


def _became_extensible(operation: str, location: str) -> Change:
    return Change(operation, location, "response-enum-became-extensible", "error", "now open")


def test_a_glob_acknowledges_one_change_in_many_places() -> None:
    changes = [
        _became_extensible(
            "GET /v1/documents", "response[200].body[application/json].data[].status"
        ),
        _became_extensible("GET /api", "response[200].body[application/json].data.status"),
        _became_extensible("GET /api", "response[200].body[application/json].data.authMethod"),
    ]
    ack = Acknowledgement("response-enum-became-extensible", "*", "*.status", "open lists")
    verdict = judge(changes, [ack])
    assert set(verdict.acknowledged) == {changes[0], changes[1]}
    assert verdict.unacknowledged == [changes[2]] and verdict.stale == []


def test_a_glob_treats_only_the_star_as_special() -> None:
    change = _became_extensible("GET /x", "response[200].body[application/json].data[].status")
    literal = Acknowledgement(change.rule, "GET /x", "response[200].body[*].data[].status", "r")
    assert judge([change], [literal]).acknowledged == {change: literal}
    brackets = Acknowledgement(change.rule, "GET /x", "response[2].body*", "r")
    assert judge([change], [brackets]).unacknowledged == [change]


def test_a_glob_that_matches_nothing_is_stale() -> None:
    change = _became_extensible("GET /x", "response[200].body[application/json].data.status")
    ack = Acknowledgement(change.rule, "POST *", "*", "r")
    verdict = judge([change], [ack])
    assert verdict.unacknowledged == [change] and verdict.stale == [ack]
