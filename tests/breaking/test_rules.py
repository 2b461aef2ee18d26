"""Every rule in a pair: the breaking change fires, its non-breaking neighbour does not.

Each case names the findings it must produce as (rule, operation, location, level); the
test also checks that no *other* error or warning appears, so a neighbour case proves the
rule stays quiet where it should. Extensible lists, deprecation and the same schema rule
in every flow have their own modules (test_extensible, test_deprecation, test_mirrored).
"""

from __future__ import annotations

import pytest

from scripts.breaking.diff import diff_documents
from tests.breaking.cases import TODAY, Case, check, ids
from tests.breaking.rule_cases import ALL_CASES, both
from tests.breaking.specs import pair, request_item, response_item


@pytest.mark.parametrize("case", ALL_CASES, ids=ids(ALL_CASES))
def test_rule(case: Case) -> None:
    """The expected findings appear with their level and no other error or warning does."""
    check(case)


def test_identical_specs_have_no_change() -> None:
    """The baseline: comparing the base with itself reports nothing."""
    assert diff_documents(*pair(lambda s: None), today=TODAY) == []


def test_request_side_and_response_side_of_one_schema_change_disagree() -> None:
    """One shared schema edit is breaking for the response and not for the request."""
    base, revision = pair(
        both(
            lambda s: request_item(s)["properties"]["kind"].update(enum=["a", "b", "c"]),
            lambda s: response_item(s)["properties"]["kind"].update(enum=["a", "b", "c"]),
        )
    )
    verdicts = {c.rule: c.level for c in diff_documents(base, revision, today=TODAY)}
    assert verdicts == {"request-enum-value-added": "info", "response-enum-value-added": "error"}
