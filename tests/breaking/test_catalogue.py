"""The published rule catalogue: complete, exactly what the differ emits, and committed.

Why run every rule case here: the differ looks each rule id up in the catalogue, so it can
emit no unpublished id; running all cases shows the converse, that every published rule is
produced by at least one test pair, so the catalogue lists no rule that cannot happen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from scripts.breaking.diff import REQUEST, RESPONSE, WEBHOOK_REQUEST, Differ
from scripts.breaking.rules import (
    CATALOGUE,
    LEVELS,
    REGENERATE,
    RULES,
    Effect,
    UnknownRuleError,
    lookup,
    render_markdown,
)
from tests.breaking import deprecation_cases, extensible_cases, mirrored_cases, rule_cases
from tests.breaking.cases import run
from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ

PUBLISHED = REPO_ROOT / "docs" / "breaking-change-rules.md"
EVERY_CASE = [
    *rule_cases.ALL_CASES,
    *mirrored_cases.MIRRORED_CASES,
    *extensible_cases.CASES,
    *deprecation_cases.CASES,
]


def test_rule_ids_are_unique_and_described() -> None:
    """One entry per id, each with a sentence, a section and a level it can have."""
    assert len(RULES) == len(CATALOGUE)
    for rule in CATALOGUE:
        assert rule.description.endswith(".") and rule.section, rule
        assert rule.levels and set(rule.levels) <= set(LEVELS), rule
        assert rule.id == rule.id.lower() and " " not in rule.id, rule


def test_every_published_rule_is_emitted_by_some_case_and_no_other() -> None:
    """The ids the differ produced over all cases are exactly the catalogue's."""
    emitted = {change.rule for case in EVERY_CASE for change in run(case)}
    assert sorted(set(RULES) - emitted) == [], "published but never produced by a test case"
    assert sorted(emitted - set(RULES)) == []


def test_every_emitted_level_is_one_the_catalogue_publishes() -> None:
    """A finding's level is among its rule's published levels."""
    for case in EVERY_CASE:
        for change in run(case):
            assert change.level in RULES[change.rule].levels, change


def test_an_unpublished_rule_cannot_be_emitted() -> None:
    """The differ refuses an id that is not in the catalogue."""
    differ = Differ("GET /x", {}, {}, date(2026, 6, 1))
    with pytest.raises(UnknownRuleError, match="request-made-up"):
        differ.emit(REQUEST, "made-up", "request.body", "nothing")
    with pytest.raises(UnknownRuleError):
        lookup("operation-renamed")


@pytest.mark.parametrize(
    ("effect", "api_request", "api_response", "webhook_payload"),
    [
        (Effect.BREAKS_SENDER, "error", "info", "info"),
        (Effect.BREAKS_READER, "info", "error", "error"),
        (Effect.BREAKS_BOTH, "error", "error", "error"),
        (Effect.WARNS, "warning", "warning", "warning"),
        (Effect.INFORMS, "info", "info", "info"),
    ],
)
def test_levels_follow_the_effect_and_who_sends(
    effect: Effect, api_request: str, api_response: str, webhook_payload: str
) -> None:
    """The partner sends API requests and reads responses and webhook payloads."""
    rule = next(r for r in CATALOGUE if r.effect is effect and r.part == "request")
    assert rule.level(REQUEST.client_sends) == api_request
    assert rule.level(RESPONSE.client_sends) == api_response
    assert rule.level(WEBHOOK_REQUEST.client_sends) == webhook_payload


def test_only_error_rules_can_fail() -> None:
    """`can_fail` (what acknowledgements need) means an error is among the levels."""
    assert not RULES["response-known-value-added"].can_fail
    assert not RULES["operation-removed-after-sunset"].can_fail
    assert RULES["response-enum-became-extensible"].levels == ("error", "info")
    assert RULES["operation-removed-before-sunset"].levels == ("error",)


def test_published_catalogue_is_up_to_date() -> None:
    """docs/breaking-change-rules.md is the rendering of the code's catalogue."""
    committed = PUBLISHED.read_text(encoding="utf-8") if PUBLISHED.is_file() else ""
    assert committed == render_markdown(), f"{PUBLISHED.name} is stale; regenerate: {REGENERATE}"


def test_published_catalogue_lists_every_rule_once() -> None:
    """Each rule is one table row with its level."""
    rows = [line for line in render_markdown().splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == [rule.id for rule in CATALOGUE]
    assert any(
        r.startswith("| `response-enum-became-extensible` | response | error (webhook: info) |")
        for r in rows
    )
    assert any(r.startswith("| `response-known-value-added` | response | info |") for r in rows)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.breaking", *args],
        cwd=REPO_ROOT,
        env=clean_environ(PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        check=False,
    )


def test_rules_option_prints_the_published_catalogue() -> None:
    """`--rules` needs no git and prints the Markdown that is committed."""
    done = _cli("--rules", "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert done.stdout == render_markdown()


def test_rules_option_in_json() -> None:
    """The JSON catalogue has one object per rule, keys in a fixed order."""
    done = _cli("--rules", "--format", "json")
    assert done.returncode == 0, done.stderr
    rules = json.loads(done.stdout)["rules"]
    assert [r["rule"] for r in rules] == [rule.id for rule in CATALOGUE]
    assert list(rules[0]) == [
        "rule", "section", "in", "levels", "level", "webhook_level", "description"
    ]  # fmt: skip
