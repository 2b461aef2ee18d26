"""Webhook deliveries of the run's own actions, checked against the spec's `webhooks` (D22).

Why: a partner that follows documents through webhooks relies on what no response check
sees: each delivery is the documented payload and is the very event its process's timeline
holds (D22: "the same event object `/v1/events/{processId}` returns"); it is signed with the
tenant's secret per Standard Webhooks (anything else must be refused by the partner, so a
wrong signature breaks the integration); every event arrives, under one `webhook-id`
(`msg_<eventId>`), the key partners de-duplicate on, and a delivery acknowledged with a 2xx
is not sent again (D37: kept until acknowledged). Delivery order is not guaranteed (D37), so
what is checked is what lets a partner restore it: ordered by `eventId` (ULIDs sort by time,
D35), a process's deliveries are its timeline.

The receiver (webhooks.py) is told to the server with the sandbox's webhook control, or is
reachable at `--webhook-url` for a live staging tenant whose webhook already points there
(secret in $SIGNLY_WEBHOOK_SECRET). The run then publishes documents and drives them
(resend, extend, sign, reject, cancel: whatever the target allows), and compares what was
delivered with each process's timeline (`GET /v1/events/{processId}`).
"""

from __future__ import annotations

import os
import time
from typing import Any

from signly_contract.client import Exchange
from signly_contract.properties.base import Ctx, future, new_template, ok, publish
from signly_contract.violations import expect
from signly_contract.webhooks import (
    Delivery,
    event_id,
    header_problems,
    new_secret,
    payload_problems,
    shared_receiver,
    signature_problems,
)

WAIT_SECONDS = 15.0
ENV_SECRET = "SIGNLY_WEBHOOK_SECRET"


def _configure(ctx: Ctx) -> tuple[Any, str] | None:
    """Point the server at a receiver; returns (receiver, secret), or None when impossible."""
    settings = ctx.target.settings
    receiver, url = shared_receiver(settings.webhook_listen, settings.webhook_url)
    if ctx.target.sandbox_controls:
        secret = new_secret()
        got = ctx.api.call("PUT", "/_sandbox/webhook", json_body={"url": url, "secret": secret})
        data = ok(got, "setup.webhook")
        secret = str((data or {}).get("secret") or secret)
        return receiver, secret
    secret = os.environ.get(ENV_SECRET, "")
    if not settings.webhook_url or not secret:
        return None
    return receiver, secret


def _drive(ctx: Ctx) -> list[dict[str, Any]]:
    """Actions that cause events on every kind of process end the target can reach."""
    api = ctx.api
    template = new_template(ctx, "Webhooks")
    signed = publish(ctx, template["templateId"], participants=2)
    path = f"/v1/documents/{signed['documentId']}"
    first, second = signed["participants"]
    api.call("POST", f"{path}/participants/{first['participantId']}/resend")
    api.call("POST", f"{path}/extend", json_body={"newDeadlineAt": future(45)})
    documents = [signed]
    if ctx.target.sandbox_controls:
        control = f"/_sandbox/documents/{signed['documentId']}/participants"
        ok(api.call("POST", f"{control}/{first['participantId']}/sign", check=False), "setup.sign")
        ok(
            api.call("POST", f"{control}/{second['participantId']}/reject", check=False),
            "setup.reject",
        )
    cancelled = publish(ctx, template["templateId"])
    ok(api.call("DELETE", f"/v1/documents/{cancelled['documentId']}/cancel"), "setup.cancel")
    documents.append(cancelled)
    return documents


Timelines = dict[str, tuple[list[dict[str, Any]], Exchange, str]]


def _timelines(ctx: Ctx, documents: list[dict[str, Any]]) -> Timelines:
    """processId -> its events in timeline order, the answer that listed them, its document."""
    found = {}
    for document in documents:
        for person in document["participants"]:
            got = ctx.api.call("GET", f"/v1/events/{person['processId']}")
            events = ok(got, "webhooks.timeline") or []
            found[person["processId"]] = (list(events), got, str(document["documentId"]))
    return found


def deliveries(ctx: Ctx) -> None:
    configured = _configure(ctx)
    if configured is None:
        return  # no way to learn where deliveries go: reported as not run
    receiver, secret = configured
    start = len(receiver.snapshot())
    documents = _drive(ctx)
    ours = {d["documentId"] for d in documents}
    timelines = _timelines(ctx, documents)
    expected = {str(e["eventId"]) for events, _, _ in timelines.values() for e in events}
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        arrived = [
            d
            for d in receiver.snapshot()[start:]
            if isinstance(d.json, dict) and d.json.get("documentId") in ours
        ]
        if expected <= {event_id(d) for d in arrived} or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    time.sleep(0.2)  # a duplicate or a late event of ours arrives as soon as the last one
    arrived = [
        d
        for d in receiver.snapshot()[start:]
        if isinstance(d.json, dict) and d.json.get("documentId") in ours
    ]
    for delivery in arrived:
        _check_one(ctx, delivery, secret)
    _check_once_and_in_order(arrived, timelines, expected)
    _check_against_timelines(arrived, timelines)


def _as_exchange(delivery: Delivery) -> Exchange:
    """A delivery shown as an exchange (what the report and the cassette print)."""
    import httpx

    return Exchange(
        "POST",
        f"<webhook receiver>{delivery.path}",
        dict(delivery.headers),
        delivery.body,
        200,
        httpx.Headers({"content-type": "application/json"}),
        b"{}",
        "webhook processEvent",
    )


def _check_one(ctx: Ctx, delivery: Delivery, secret: str) -> None:
    seen = _as_exchange(delivery)
    problems = header_problems(delivery)
    expect(not problems, "webhooks.headers", "; ".join(problems), seen)
    problems = signature_problems(delivery, secret)
    expect(not problems, "webhooks.signature", "; ".join(problems), seen)
    problems = payload_problems(delivery)
    expect(not problems, "webhooks.payload", "; ".join(problems), seen)
    body = delivery.json
    expect(
        body.get("tenantId") == ctx.target.primary.tenant_id,
        "webhooks.payload",
        f"a delivery of our document names tenant {body.get('tenantId')!r}",
        seen,
    )


def _check_once_and_in_order(
    arrived: list[Delivery], timelines: Timelines, expected: set[str]
) -> None:
    ids: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for delivery in arrived:
        key = event_id(delivery) or ""
        ids.setdefault(key, set()).add(delivery.headers.get("webhook-id", ""))
        message = delivery.headers.get("webhook-id", "")
        counts[message] = counts.get(message, 0) + 1
    missing = sorted(expected - set(ids))
    unknown = sorted(set(ids) - expected)
    renamed = sorted(e for e, names in ids.items() if names != {f"msg_{e}"})
    some = next(iter(timelines.values()))[1]
    expect(
        not missing and not unknown and not renamed,
        "webhooks.once",
        f"every event once, as msg_<eventId>: never delivered {missing[:3]}, not in any "
        f"timeline {unknown[:3]}, delivered under other or several webhook-ids "
        f"{[(e, sorted(ids[e])) for e in renamed[:2]]} (D22)",
        some,
    )
    again = sorted(m for m, n in counts.items() if n > 1)
    expect(
        not again,
        "webhooks.acknowledged",
        f"deliveries acknowledged at once with a 200 were sent again: {again[:3]} "
        "(D37: a delivery is kept until acknowledged)",
        some,
    )
    for process, (events, listed, _) in timelines.items():
        order = sorted(
            {str(event_id(d)) for d in arrived if (d.json or {}).get("processId") == process}
        )
        wanted = [str(e["eventId"]) for e in events]
        expect(
            order == wanted,
            "webhooks.order",
            f"process {process}: its deliveries ordered by eventId are {order}, its timeline "
            f"is {wanted} (delivery order is not guaranteed, D37; eventId order must be)",
            listed,
        )


def _check_against_timelines(arrived: list[Delivery], timelines: Timelines) -> None:
    """Each delivery is its timeline's event, field by field, plus its document (D22)."""
    events = {
        str(e["eventId"]): (e, document) for items, _, document in timelines.values() for e in items
    }
    for delivery in arrived:
        body = delivery.json if isinstance(delivery.json, dict) else {}
        found = events.get(str(event_id(delivery)))
        if found is None:
            continue  # webhooks.once names it
        event, document = found
        differ = sorted(k for k, v in event.items() if body.get(k) != v)
        if body.get("documentId") != document:
            differ.append("documentId")
        expect(
            not differ,
            "webhooks.matches_timeline",
            f"delivery of event {event.get('eventId')} differs from its timeline in "
            + ", ".join(f"{k} ({body.get(k)!r} vs {event.get(k, document)!r})" for k in differ),
            _as_exchange(delivery),
        )
