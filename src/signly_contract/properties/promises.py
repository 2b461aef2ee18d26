"""Lists agree with the writes before them; reads and derived views agree with the state.

Why: an answer asserts things about other answers. A list promises to hold what was created
and not what was deleted, on whatever page it falls; a summary, a count, a status filter and
a timeline each restate a document's state. A server whose write path and read path drift
(a cache, a denormalised counter, a list built from another table) passes every check of a
single answer and still lies. These properties make the writes, then read every view.

Derived views are checked for every state the sandbox's controls reach (signed, partly
signed, rejected, rejected with CONTINUE_FLOW, expired, cancelled) and, on a live server,
the states the API itself reaches (published, cancelled). The rules, from the spec:
`completedParticipants` counts who signed and `pendingParticipants` who still have to act
(DocumentSummary); a document is COMPLETED when everyone signed, REJECTED when someone
rejected under CANCEL_FLOW (the default), EXPIRED past its deadline, CANCELLED when
cancelled (D06, D17); a finished document has nobody left to act; each participant's
timeline records what they did and how the process ended (D07, D09). A document reads back
as it was published (template, canonical version, order, deadline, policy, metadata
"returned as sent", participants in order with one process each).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from signly_contract.client import Exchange
from signly_contract.properties.base import Ctx, future, instant, new_template, ok, participant
from signly_contract.violations import expect

MAX_PAGES = 60


def _walk_newest(
    ctx: Ctx, path: str, limit: int, until: set[str], key: str
) -> list[tuple[dict[str, Any], Exchange]]:
    """Items newest first, page by page, until every id of `until` was seen (the run's own
    items are the newest, so the pages walked are the ones they and their neighbours are on)."""
    seen: list[tuple[dict[str, Any], Exchange]] = []
    cursor = None
    for _ in range(MAX_PAGES):
        query = {"limit": limit, "sort": "-createdAt", "cursor": cursor}
        got = ctx.api.call("GET", path, params=query)
        page = ok(got, "lists.agree_with_writes") or []
        seen += [(item, got) for item in page]
        cursor = ((got.json or {}).get("pagination") or {}).get("nextCursor")
        if cursor is None or until <= {item.get(key) for item, _ in seen}:
            break
    return seen


ACTIONS = st.sampled_from(["create", "create", "update", "delete", "publish", "cancel"])


def lists_follow_writes(ctx: Ctx) -> None:
    """What was created is listed exactly once, what was deleted on no page; an updated
    template is listed at its latest version and name (TemplateSummary); a cancelled
    document is listed as CANCELLED (templates and documents, any page size)."""

    @ctx.given(
        share=0.2,
        actions=st.lists(ACTIONS, min_size=1, max_size=6),
        limit=st.integers(1, 4),
        examples=(
            {"actions": ["create", "create", "update", "delete", "publish", "cancel"], "limit": 1},
        ),
    )
    def check(actions: list[str], limit: int) -> None:
        first = new_template(ctx, "Listed")
        live: list[str] = [first["templateId"]]
        gone: list[str] = []
        latest: dict[str, tuple[int, str]] = {first["templateId"]: (1, "Listed")}
        documents: dict[str, str] = {}
        for action in actions:
            if action == "create":
                live.append(new_template(ctx, "Listed")["templateId"])
                latest[live[-1]] = (1, "Listed")
            elif action == "update":
                target = live[-1]
                version, _ = latest[target]
                name = f"Listed v{version + 1}"
                got = ctx.api.call(
                    "PUT", f"/v1/templates/{target}", json_body={"templateName": name}
                )
                ok(got, "setup.update_template", 200, 201)
                latest[target] = (version + 1, name)
            elif action == "delete" and len(live) > 1:
                victim = live.pop()
                ok(ctx.api.call("DELETE", f"/v1/templates/{victim}"), "setup.delete_template")
                gone.append(victim)
            elif action == "publish" and ctx.target.can_publish:
                body = {
                    "templateId": first["templateId"],
                    "templateVersion": "0001",
                    "orderMode": "PARALLEL",
                    "participants": [participant(0)],
                    "deadlineAt": future(20),
                }
                got = ctx.api.call("POST", "/v1/documents", json_body=body)
                document = ok(got, "setup.publish_document", 201)
                ctx.target.created_documents.append(document["documentId"])
                documents[document["documentId"]] = "CREATED"
            elif action == "cancel" and any(s != "CANCELLED" for s in documents.values()):
                victim = next(d for d, s in documents.items() if s != "CANCELLED")
                ok(ctx.api.call("DELETE", f"/v1/documents/{victim}/cancel"), "setup.cancel")
                documents[victim] = "CANCELLED"
        # The first template is the oldest of the run's: every other one, deleted or not,
        # was made after it and sits before it in a newest-first list.
        templates = _walk_newest(ctx, "/v1/templates", limit, {first["templateId"]}, "templateId")
        listed = [item["templateId"] for item, _ in templates]
        last = templates[-1][1] if templates else None
        for template_id in live:
            expect(
                listed.count(template_id) == 1,
                "lists.agree_with_writes",
                f"template {template_id}, created, is listed {listed.count(template_id)} times",
                last,
            )
            summary, listing = next((i, g) for i, g in templates if i["templateId"] == template_id)
            version, name = latest[template_id]
            expect(
                (summary.get("version"), summary.get("templateName")) == (version, name),
                "lists.agree_with_writes",
                f"template {template_id} is listed at version {summary.get('version')} "
                f"{summary.get('templateName')!r}; its latest is version {version} {name!r}",
                listing,
            )
        for template_id in gone:
            page = next((got for item, got in templates if item["templateId"] == template_id), last)
            expect(
                template_id not in listed,
                "lists.agree_with_writes",
                f"template {template_id} was deleted and is still listed",
                page,
            )
        if not documents:
            return
        walked = _walk_newest(ctx, "/v1/documents", limit, set(documents), "documentId")
        found: dict[str, tuple[dict[str, Any], Exchange | None]] = {
            item["documentId"]: (item, got) for item, got in walked
        }
        for document_id, status in documents.items():
            item, where = found.get(document_id, ({}, walked[-1][1] if walked else None))
            expect(
                bool(item),
                "lists.agree_with_writes",
                f"document {document_id}, published, is not listed",
                where,
            )
            expect(
                item.get("status") == status,
                "lists.agree_with_writes",
                f"document {document_id} is listed as {item.get('status')!r}, it is {status}",
                where,
            )


STATES = ("partly_signed", "signed", "rejected", "rejected_continue", "expired", "cancelled")
LIVE_STATES = ("published", "cancelled")
FINAL = ("COMPLETED", "CANCELLED", "REJECTED", "EXPIRED")
CLOSING_EVENT = {
    "COMPLETED": "PROCESS_COMPLETED",
    "CANCELLED": "PROCESS_CANCELLED",
    "EXPIRED": "PROCESS_EXPIRED",
}


def _bring_to(
    ctx: Ctx, state: str, people: int, order: str, template_id: str
) -> tuple[dict[str, Any], str, dict[str, str]]:
    """Publish and drive a document to `state`: (document, its status, participant -> what
    they did)."""
    policy = "CONTINUE_FLOW" if state == "rejected_continue" else "CANCEL_FLOW"
    body = {
        "templateId": template_id,
        "templateVersion": "0001",
        "orderMode": order,
        "participants": [participant(i) for i in range(people)],
        "deadlineAt": future(30),
        "flowPolicy": {"onParticipantFail": policy},
    }
    document = ok(
        ctx.api.call("POST", "/v1/documents", json_body=body), "setup.publish_document", 201
    )
    ctx.target.created_documents.append(document["documentId"])
    base = f"/_sandbox/documents/{document['documentId']}"
    acted: dict[str, str] = {}
    everyone = [p["participantId"] for p in document["participants"]]

    def act(person: str, verb: str) -> None:
        ok(
            ctx.api.call("POST", f"{base}/participants/{person}/{verb}", check=False),
            f"setup.{verb}",
        )
        acted[person] = "SIGNED" if verb == "sign" else "REJECTED"

    if state == "cancelled":
        ok(ctx.api.call("DELETE", f"/v1/documents/{document['documentId']}/cancel"), "setup.cancel")
        return document, "CANCELLED", acted
    if state == "published":
        return document, "CREATED", acted
    if state == "expired":
        ok(ctx.api.call("POST", f"{base}/expire", check=False), "setup.expire")
        return document, "EXPIRED", acted
    if state in ("partly_signed", "signed"):
        signers = everyone if state == "signed" else everyone[:-1]
        for person in signers:
            act(person, "sign")
        return document, "COMPLETED" if state == "signed" else "IN_PROGRESS", acted
    act(everyone[0], "reject")  # the first in turn rejects
    # CONTINUE_FLOW: the others may still sign, so the document stays in progress.
    return document, "IN_PROGRESS" if state == "rejected_continue" else "REJECTED", acted


def views_agree_with_state(ctx: Ctx) -> None:
    """Document, summary, list, status filter and timelines all tell the state reached."""
    template = new_template(ctx, "Derived views")
    states = STATES if ctx.target.sandbox_controls else LIVE_STATES

    @ctx.given(
        share=0.2,
        state=st.sampled_from(states),
        people=st.integers(1, 3),
        order=st.sampled_from(["PARALLEL", "SEQUENTIAL"]),
        examples=tuple({"state": s, "people": 2, "order": "PARALLEL"} for s in states),
    )
    def check(state: str, people: int, order: str) -> None:
        if state in ("partly_signed", "rejected_continue"):
            people = max(2, people)  # someone has acted, someone has not
        document, status, acted = _bring_to(ctx, state, people, order, template["templateId"])
        path = f"/v1/documents/{document['documentId']}"
        read = ctx.api.call("GET", path)
        data = ok(read, "views.document")
        participants = {p["participantId"]: p for p in data.get("participants", [])}
        statuses = [p.get("status") for p in participants.values()]
        expect(
            data.get("status") == status,
            "views.document",
            f"after {state.replace('_', ' ')} ({people}, {order}) the document is "
            f"{data.get('status')!r}, expected {status}",
            read,
        )
        for person, did in acted.items():
            expect(
                participants.get(person, {}).get("status") == did,
                "views.document",
                f"participant {person} {did.lower()} but is "
                f"{participants.get(person, {}).get('status')!r}",
                read,
            )
        if status in FINAL:
            expect(
                "PENDING" not in statuses,
                "views.document",
                f"a {status} document still has participants to act: {statuses}",
                read,
            )
        summary = ctx.api.call("GET", f"{path}/summary")
        counts = ok(summary, "views.summary")
        expect(
            counts.get("status") == status
            and counts.get("completedParticipants") == statuses.count("SIGNED")
            and counts.get("pendingParticipants") == statuses.count("PENDING"),
            "views.summary",
            f"summary {counts.get('status')}, completed {counts.get('completedParticipants')}, "
            f"pending {counts.get('pendingParticipants')}; the document is {status} with "
            f"participants {statuses}",
            summary,
        )
        listed = ctx.api.call("GET", "/v1/documents", params={"status": status, "limit": 100})
        items = {i["documentId"]: i for i in ok(listed, "views.list") or []}
        expect(
            items.get(document["documentId"], {}).get("status") == status,
            "views.list",
            f"?status={status} does not list the document as {status}",
            listed,
        )
        for person in document["participants"]:
            timeline = ctx.api.call("GET", f"/v1/events/{person['processId']}")
            types = [e.get("eventType") for e in ok(timeline, "views.timeline") or []]
            action = acted.get(person["participantId"])
            wanted = {"SIGNED": "PARTICIPANT_SIGNED", "REJECTED": "PARTICIPANT_REJECTED"}
            if action is not None:
                expect(
                    wanted[action] in types,
                    "views.timeline",
                    f"participant {action.lower()}, the timeline {types} does not say so",
                    timeline,
                )
            closing = CLOSING_EVENT.get(status)
            if closing is not None:
                expect(
                    types[-1:] == [closing],
                    "views.timeline",
                    f"the document is {status}, the timeline ends with {types[-1:]} not {closing}",
                    timeline,
                )


SIGNATURE_MODES = ("SIGNATURE_EMAIL", "SIGNATURE_SMS", "SIGNATURE_BIOMETRIC")
IDENTITY = {
    "SIGNATURE_EMAIL": ("email", "signer{}@example.com"),
    "SIGNATURE_SMS": ("phone", "+3460000000{}"),
    "SIGNATURE_BIOMETRIC": ("documentNumber", "ID-{}"),
}
METADATA = st.dictionaries(
    st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8),
    st.one_of(st.integers(-1000, 1000), st.text(max_size=12), st.booleans(), st.none()),
    max_size=4,
)


def _signer(index: int, modes: list[str]) -> dict[str, Any]:
    identity = {IDENTITY[m][0]: IDENTITY[m][1].format(index) for m in modes}
    return {"displayName": f"Signer {index}", "signatureMode": modes, "identity": identity}


def read_as_published(ctx: Ctx) -> None:
    """A document reads back as it was published: template and canonical version (D03),
    order mode, deadline, failure policy, metadata "returned as sent", and the participants
    in the order sent with their signature modes, each with its process (D07)."""
    template = new_template(ctx, "Read as published")

    @ctx.given(
        share=0.2,
        modes=st.lists(
            st.lists(st.sampled_from(SIGNATURE_MODES), min_size=1, max_size=3, unique=True),
            min_size=1,
            max_size=3,
        ),
        order=st.sampled_from(["PARALLEL", "SEQUENTIAL"]),
        policy=st.sampled_from([None, "CANCEL_FLOW", "CONTINUE_FLOW"]),
        metadata=METADATA,
        days=st.one_of(st.none(), st.integers(1, 300)),
        examples=(
            {
                "modes": [["SIGNATURE_EMAIL"], ["SIGNATURE_SMS", "SIGNATURE_EMAIL"]],
                "order": "SEQUENTIAL",
                "policy": "CONTINUE_FLOW",
                "metadata": {"crm": "OPP-1", "amount": 12, "urgent": True},
                "days": 20,
            },
        ),
    )
    def check(
        modes: list[list[str]],
        order: str,
        policy: str | None,
        metadata: dict[str, Any],
        days: int | None,
    ) -> None:
        body: dict[str, Any] = {
            "templateId": template["templateId"],
            "templateVersion": "0001",
            "orderMode": order,
            "participants": [_signer(i, m) for i, m in enumerate(modes)],
            "metadata": metadata,
        }
        if policy is not None:
            body["flowPolicy"] = {"onParticipantFail": policy}
        if days is not None:
            body["deadlineAt"] = future(days)
        published = ok(
            ctx.api.call("POST", "/v1/documents", json_body=body), "setup.publish_document", 201
        )
        ctx.target.created_documents.append(published["documentId"])
        read = ctx.api.call("GET", f"/v1/documents/{published['documentId']}")
        data = ok(read, "reads.as_published")
        wanted = {
            "templateId": template["templateId"],
            "templateVersion": f"{template['templateId']}#0001",
            "orderMode": order,
            "flowPolicy": policy or "CANCEL_FLOW",
            "metadata": metadata,
            "deadlineAt": instant(body.get("deadlineAt")),
            "participants": [
                (p["displayName"], sorted(p["signatureMode"])) for p in body["participants"]
            ],
        }
        people = [p for p in data.get("participants") or [] if isinstance(p, dict)]
        got = {
            "templateId": str(data.get("templateId", "")).lower(),
            "templateVersion": str(data.get("templateVersion", "")).lower(),
            # Optional in the answer (D33): absent is not a disagreement.
            "orderMode": data.get("orderMode", order),
            "flowPolicy": (data.get("flowPolicy") or {}).get(
                "onParticipantFail", policy or "CANCEL_FLOW"
            ),
            "metadata": data.get("metadata", metadata),
            "deadlineAt": instant(data.get("deadlineAt")),
            "participants": [
                (p.get("displayName"), sorted(p.get("signatureMode") or sent))
                for p, sent in zip(people, modes, strict=False)
            ],
        }
        wanted["templateId"] = str(wanted["templateId"]).lower()
        wanted["templateVersion"] = str(wanted["templateVersion"]).lower()
        differ = sorted(k for k in wanted if got[k] != wanted[k])
        expect(
            not differ,
            "reads.as_published",
            "the document reads back otherwise than published: "
            + "; ".join(f"{k} is {got[k]!r}, published {wanted[k]!r}" for k in differ),
            read,
        )
        processes = [p.get("processId") for p in people if isinstance(p, dict)]
        expect(
            len(people) == len(modes) and all(processes) and len(set(processes)) == len(modes),
            "reads.as_published",
            f"{len(modes)} participants published, the document lists {len(people)} with "
            f"processes {processes} (D07: one process each)",
            read,
        )
