"""Document lifecycle: extend, cancel, summary counts and the event timeline.

Why these: they are what a partner's workflow depends on and what a plausible server bug
breaks silently (a deadline that is acknowledged but not stored, a cancel that leaves the
process running, counts that drift, an event feed out of order).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

from hypothesis import strategies as st

from signly_contract.properties.base import Ctx, future, instant, new_template, ok, publish
from signly_contract.violations import expect

ACTIVE = ("CREATED", "IN_PROGRESS")


def extend(ctx: Ctx) -> None:
    """The new deadline is answered and stored; past deadlines and inactive documents refused."""
    template = new_template(ctx, "Extend")
    document = publish(ctx, template["templateId"])
    path = f"/v1/documents/{document['documentId']}"

    @ctx.given(share=0.3, days=st.floats(1, 700), past_days=st.floats(0.01, 400))
    def check(days: float, past_days: float) -> None:
        wanted = future(days)
        got = ctx.api.call("POST", f"{path}/extend", json_body={"newDeadlineAt": wanted})
        data = ok(got, "extend.response", 200)
        expect(
            instant(data.get("deadlineAt")) == instant(wanted),
            "extend.response",
            f"answered deadlineAt {data.get('deadlineAt')!r}, asked {wanted}",
            got,
        )
        read = ctx.api.call("GET", path)
        stored = ok(read, "extend.persisted").get("deadlineAt")
        expect(
            instant(stored) == instant(wanted),
            "extend.persisted",
            f"after extending to {wanted} the document says deadlineAt {stored!r}",
            read,
        )
        past = (datetime.now(UTC) - timedelta(days=past_days)).strftime("%Y-%m-%dT%H:%M:%SZ")
        refused = ctx.api.call("POST", f"{path}/extend", json_body={"newDeadlineAt": past})
        expect(
            refused.status == 400,
            "extend.past_refused",
            f"a past deadline ({past}) got HTTP {refused.status}, expected 400 (D14)",
            refused,
        )

    ok(ctx.api.call("DELETE", f"{path}/cancel"), "cancel.response")
    refused = ctx.api.call("POST", f"{path}/extend", json_body={"newDeadlineAt": future(10)})
    expect(
        refused.status == 409 and (refused.json or {}).get("code") == "document_not_active",
        "extend.inactive_refused",
        f"extending a cancelled document got HTTP {refused.status}",
        refused,
    )


def cancel(ctx: Ctx) -> None:
    """A cancelled document is CANCELLED everywhere; extend, resend and cancel are then 409."""
    template = new_template(ctx, "Cancel")

    @ctx.given(
        share=0.12,
        participants=st.integers(1, 3),
        order=st.sampled_from(["PARALLEL", "SEQUENTIAL"]),
    )
    def check(participants: int, order: str) -> None:
        document = publish(ctx, template["templateId"], participants, order)
        path = f"/v1/documents/{document['documentId']}"
        ok(ctx.api.call("DELETE", f"{path}/cancel"), "cancel.response", 200)
        read = ctx.api.call("GET", path)
        status = ok(read, "cancel.status").get("status")
        expect(
            status == "CANCELLED",
            "cancel.status",
            f"a cancelled document has status {status!r}",
            read,
        )
        summary = ctx.api.call("GET", f"{path}/summary")
        expect(
            ok(summary, "cancel.status").get("status") == "CANCELLED",
            "cancel.status",
            "the summary of a cancelled document is not CANCELLED",
            summary,
        )
        for method, suffix, body in (
            ("POST", "/extend", {"newDeadlineAt": future(5)}),
            ("POST", f"/participants/{document['participants'][0]['participantId']}/resend", None),
            ("DELETE", "/cancel", None),
        ):
            got = ctx.api.call(method, path + suffix, json_body=body)
            expect(
                got.status == 409,
                "cancel.later_actions_refused",
                f"{method} {suffix} on a cancelled document got HTTP {got.status}, expected 409",
                got,
            )


def summary_counts(ctx: Ctx) -> None:
    """completed + pending equals the participants; signing moves one from pending to done."""
    template = new_template(ctx, "Summary")

    @ctx.given(share=0.12, participants=st.integers(1, 4), signed=st.integers(0, 4))
    def check(participants: int, signed: int) -> None:
        document = publish(ctx, template["templateId"], participants)
        path = f"/v1/documents/{document['documentId']}"
        signers = (
            document["participants"][: min(signed, participants)]
            if ctx.target.sandbox_controls
            else []
        )
        for person in signers:
            ok(
                ctx.api.call(
                    "POST",
                    f"/_sandbox/documents/{document['documentId']}/participants/"
                    f"{person['participantId']}/sign",
                    check=False,
                ),
                "setup.sign",
            )
        got = ctx.api.call("GET", f"{path}/summary")
        data = ok(got, "summary.counts")
        read = ok(ctx.api.call("GET", path), "summary.counts")
        expect(
            data["completedParticipants"] == len(signers),
            "summary.counts",
            f"{len(signers)} of {participants} signed, summary says completed="
            f"{data['completedParticipants']}",
            got,
        )
        expect(
            data["pendingParticipants"] == participants - len(signers),
            "summary.counts",
            f"{participants - len(signers)} pending, summary says {data['pendingParticipants']}",
            got,
        )
        expect(
            data["status"] == read["status"],
            "summary.counts",
            f"summary status {data['status']} differs from the document's {read['status']}",
            got,
        )


def events(ctx: Ctx) -> None:
    """Each process's timeline starts with PROCESS_CREATED and is in time order."""
    template = new_template(ctx, "Events")

    @ctx.given(
        share=0.12,
        participants=st.integers(1, 3),
        extend_times=st.integers(0, 2),
        resend=st.booleans(),
    )
    def check(participants: int, extend_times: int, resend: bool) -> None:
        document = publish(ctx, template["templateId"], participants)
        path = f"/v1/documents/{document['documentId']}"
        for index in range(extend_times):
            ctx.api.call("POST", f"{path}/extend", json_body={"newDeadlineAt": future(40 + index)})
        if resend:
            person = document["participants"][0]["participantId"]
            ctx.api.call("POST", f"{path}/participants/{person}/resend")
        for person in document["participants"]:
            got = ctx.api.call("GET", f"/v1/events/{person['processId']}")
            timeline: list[dict[str, Any]] = ok(got, "events.timeline")
            expect(
                bool(timeline) and timeline[0].get("eventType") == "PROCESS_CREATED",
                "events.starts_with_created",
                f"first event is {timeline[0].get('eventType') if timeline else None!r}",
                got,
            )
            stamps = [instant(event.get("timestamp")) for event in timeline]
            expect(
                all(a <= b for a, b in pairwise(stamps) if a and b),
                "events.chronological",
                "events are not in chronological order",
                got,
            )
            foreign = {e.get("processId") for e in timeline} - {person["processId"]}
            expect(not foreign, "events.timeline", f"events of other processes: {foreign}", got)
