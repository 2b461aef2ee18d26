"""What a rule test is: one mutation of the base spec and the findings it must produce.

Shared by every rule test module, and by the catalogue test, which runs all cases to prove
that every published rule is produced by at least one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scripts.breaking.diff import Change, diff_documents
from scripts.breaking.rules import Level
from tests.breaking.specs import Mutation, pair

TODAY = date(2026, 6, 1)  # every case runs on this day, so sunset dates never follow the calendar

POST = "POST /items"
GET = "GET /items"
HOOK = "webhook POST itemEvent"
REQ = "request.body[application/json]"
RESP = "response[201].body[application/json]"
HOOK_REQ = "request.body[application/json]"
HOOK_RESP = "response[200].body[application/json]"

Expected = tuple[str, str, str, Level]  # rule, operation, location, level


@dataclass
class Case:
    """One mutation of the base spec and the findings it must (and must only) produce."""

    id: str
    mutate: Mutation
    expected: list[Expected]
    prepare: Mutation | None = None
    exact: bool = False  # no other finding at all, not even info


def run(case: Case) -> list[Change]:
    """The findings of one case, on the fixed day."""
    base, revision = pair(case.mutate, case.prepare)
    return diff_documents(base, revision, today=TODAY)


def matches(change: Change, expected: Expected) -> bool:
    """Equal rule, operation, level and location (a `#`-ended location is a prefix)."""
    rule, operation, location, level = expected
    # `<if:...#hash>` locations end in a hash: the tests pin the readable prefix only.
    same_location = change.location == location or (
        location.endswith("#") and change.location.startswith(location)
    )
    return (change.rule, change.operation, change.level) == (rule, operation, level) and (
        same_location
    )


def check(case: Case) -> None:
    """The expected findings appear; no other error or warning does (nor anything, if exact)."""
    changes = run(case)
    for expected in case.expected:
        assert any(matches(c, expected) for c in changes), (expected, changes)
    others = [c for c in changes if not any(matches(c, e) for e in case.expected)]
    if case.exact or not case.expected:
        assert others == []
    else:
        assert [c for c in others if c.level != "info"] == []


def ids(cases: list[Case]) -> list[str]:
    """Test ids for `pytest.mark.parametrize`."""
    return [case.id for case in cases]
