"""Every schema rule in all four flows, with the level each flow must give it.

The same edit to one schema is checked where the partner sends it (the API request, the
answer to a webhook) and where the partner reads it (the API response, the webhook
payload). A rule that narrows is an error only for senders, one that widens only for
readers; removals and replacements are errors everywhere and annotations never are. Each
entry states both levels, so the flow model in the catalogue is tested, not restated.
"""

from __future__ import annotations

import pytest

from tests.breaking.cases import Case, check, ids
from tests.breaking.mirrored_cases import MIRRORED_CASES


@pytest.mark.parametrize("case", MIRRORED_CASES, ids=ids(MIRRORED_CASES))
def test_mirrored_rule(case: Case) -> None:
    """The rule fires with the level its flow gives it, and no other error or warning."""
    check(case)
