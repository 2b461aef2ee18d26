"""Classify every difference between two dereferenced OpenAPI 3.1 documents, per operation.

Why a rule engine of our own rather than oasdiff: oasdiff is a Go binary (no registry here
ships it) and its 3.1 support lags; what partners need from us is a short list of rules we
can read, test pair by pair and acknowledge precisely. The rules follow oasdiff and GitHub's
breaking-change script.

The one idea behind every schema rule: a change either *narrows* what a schema accepts
(a new required field, a removed enum value, a tighter bound) or *widens* it (a new enum
value, a new nullable, a looser bound). Narrowing breaks the side that *sends* the data
(the client, for a request), widening breaks the side that *reads* it (the client, for a
response). So each rule is written once and the `Flow` it runs in says who sends; for
webhooks Signly sends the request and the partner answers, so the roles swap. Removing
something is breaking both ways (a sender loses a field it was told to send, a reader one
it relied on); adding something optional never is.

Which of those a rule is, and so the level of each finding (error, warning, info), is
written once in the published catalogue, `scripts/breaking/rules.py`: the code here only
decides *which* rule a difference is and looks it up there, so it cannot emit an
unpublished rule id.

Two refinements partners asked for. An *extensible list* (`anyOf` of a closed string enum
and a plain string that accepts every listed value: "known values plus any other string")
is read as one value list, so a new known value breaks nobody, while turning a closed list
into an extensible one still breaks readers whose generated code refuses unknown values.
And an element marked `deprecated` with an `x-sunset` date (oasdiff's convention) may be
removed from that date on with a warning; removing it earlier is an error.

The differ is split by concern: `findings` (what is reported), `normalize` (a schema's
facts), `schemas` (the schema rules), `operations` (the operation rules); this module is
the entry point the gate and the tests import.
"""

from __future__ import annotations

from scripts.breaking.findings import (
    REQUEST,
    RESPONSE,
    WEBHOOK_REQUEST,
    WEBHOOK_RESPONSE,
    Change,
    Flow,
    iso_date,
    utc_today,
)
from scripts.breaking.operations import diff_documents
from scripts.breaking.schemas import Differ

__all__ = [
    "REQUEST",
    "RESPONSE",
    "WEBHOOK_REQUEST",
    "WEBHOOK_RESPONSE",
    "Change",
    "Differ",
    "Flow",
    "diff_documents",
    "iso_date",
    "utc_today",
]
