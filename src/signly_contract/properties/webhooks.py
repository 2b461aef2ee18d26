"""Webhook deliveries of the run's own actions, checked against the spec's `webhooks` (D22).

Why: a partner that follows documents through webhooks relies on four things no response
check sees: each delivery is the documented payload, it is signed with the tenant's secret
(anything else must be refused by the partner, so a wrong signature breaks the integration),
every event arrives once, and a process's events arrive in the order of its timeline.

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


def _timelines(ctx: Ctx, documents: list[dict[str, Any]]) -> dict[str, tuple[list[str], Exchange]]:
    """processId -> its event ids in timeline order, and the answer that listed them."""
    found = {}
    for document in documents:
        for person in document["participants"]:
            got = ctx.api.call("GET", f"/v1/events/{person['processId']}")
            events = ok(got, "webhooks.timeline") or []
            found[person["processId"]] = ([str(e["eventId"]) for e in events], got)
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
    expected = {event for events, _ in timelines.values() for event in events}
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
    arrived: list[Delivery], timelines: dict[str, tuple[list[str], Exchange]], expected: set[str]
) -> None:
    counts: dict[str, int] = {}
    for delivery in arrived:
        key = event_id(delivery) or ""
        counts[key] = counts.get(key, 0) + 1
    twice = sorted(k for k, n in counts.items() if n > 1)
    missing = sorted(expected - set(counts))
    unknown = sorted(set(counts) - expected)
    some = next(iter(timelines.values()))[1]
    expect(
        not twice and not missing and not unknown,
        "webhooks.once",
        f"every event once: delivered twice {twice[:3]}, never {missing[:3]}, "
        f"not in any timeline {unknown[:3]}",
        some,
    )
    for process, (events, listed) in timelines.items():
        order = [event_id(d) for d in arrived if (d.json or {}).get("processId") == process]
        expect(
            order == events,
            "webhooks.order",
            f"process {process}: delivered in the order {order}, its timeline is {events}",
            listed,
        )
