"""Webhook deliveries (D22, D37): signed per Standard Webhooks (checked with the reference
library), kept in the outbox until acknowledged, retried with backoff and Retry-After,
disabled by a 410, redelivered on request, signed twice while a secret rotates."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest
import standardwebhooks

from signly_sandbox.config import PAGE_TENANT_ID
from signly_sandbox.validation import SpecDocument
from tests.lib.sandbox import published
from tests.lib.webhooks import OTHER_SECRET, SECRET, Receiver, always, failing_first

pytestmark = pytest.mark.anyio


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as server:
        yield server


async def _configure(client: httpx.AsyncClient, url: str, **extra: Any) -> dict[str, Any]:
    response = await client.put("/_sandbox/webhook", json={"url": url, **extra})
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


async def _deliveries(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] = (await client.get("/_sandbox/webhook/deliveries")).json()["data"]
    return listed


async def test_events_are_delivered_signed_and_in_order(
    tenant_a: httpx.AsyncClient, app: Any, receiver: Receiver, sandbox_spec: dict[str, Any]
) -> None:
    configured = await _configure(tenant_a, receiver.url, secret=SECRET)
    assert configured == {
        "tenantId": PAGE_TENANT_ID,
        "url": receiver.url,
        "enabled": True,
        "previousSecretExpiresAt": None,
    }  # a secret the partner gave is not sent back
    document = await published(tenant_a)
    doc_id = document["documentId"]
    person = document["participants"][0]
    await tenant_a.post(f"/_sandbox/documents/{doc_id}/participants/{person['participantId']}/sign")
    await app.state.services.webhooks.drain()
    notification = SpecDocument(sandbox_spec).validator(
        ("components", "schemas", "ProcessEventNotification")
    )
    reference = standardwebhooks.Webhook(SECRET)
    payloads = []
    for delivery in receiver.received:
        assert reference.verify(delivery.body, delivery.headers) == delivery.payload
        notification.validate(delivery.payload)
        assert delivery.header("webhook-id") == f"msg_{delivery.payload['eventId']}"
        assert delivery.header("webhook-signature").startswith("v1,")
        payloads.append(delivery.payload)
    assert [p["eventType"] for p in payloads] == [
        "PROCESS_CREATED",
        "INVITATION_SENT",
        "PARTICIPANT_SIGNED",
        "PROCESS_COMPLETED",
    ]
    assert all(p["documentId"] == doc_id and p["tenantId"] == PAGE_TENANT_ID for p in payloads)
    timeline = (await tenant_a.get(f"/v1/events/{person['processId']}")).json()["data"]
    assert [{k: p[k] for k in timeline[0]} for p in payloads] == timeline
    deliveries = await _deliveries(tenant_a)
    assert [d["outcome"] for d in deliveries] == ["DELIVERED"] * 4
    assert [d["deliveryId"] for d in deliveries] == [
        r.header("webhook-id") for r in receiver.received
    ]
    assert all(d["nextAttemptAt"] is None and d["error"] is None for d in deliveries)


async def test_a_tampered_or_foreign_delivery_does_not_verify(
    tenant_a: httpx.AsyncClient, app: Any, receiver: Receiver
) -> None:
    await _configure(tenant_a, receiver.url, secret=SECRET)
    await published(tenant_a)
    await app.state.services.webhooks.drain()
    delivery = receiver.received[0]
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(SECRET).verify(delivery.body + b" ", delivery.headers)
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(OTHER_SECRET).verify(delivery.body, delivery.headers)


async def test_a_generated_secret_is_shown_once_and_signs(
    tenant_a: httpx.AsyncClient, app: Any, receiver: Receiver
) -> None:
    configured = await _configure(tenant_a, receiver.url)
    secret = configured["secret"]
    assert secret.startswith("whsec_") and len(secret) > 40
    again = await _configure(tenant_a, receiver.url, secret=secret)
    assert "secret" not in again
    await published(tenant_a)
    await app.state.services.webhooks.drain()
    for delivery in receiver.received:
        standardwebhooks.Webhook(secret).verify(delivery.body, delivery.headers)


async def test_a_rotated_secret_signs_beside_the_new_one_during_its_grace(
    tenant_a: httpx.AsyncClient, app: Any, receiver: Receiver
) -> None:
    await _configure(tenant_a, receiver.url, secret=SECRET)
    rotated = await _configure(tenant_a, receiver.url, secret=OTHER_SECRET)
    assert rotated["previousSecretExpiresAt"] is not None
    await published(tenant_a)
    await app.state.services.webhooks.drain()
    delivery = receiver.received[0]
    assert len(delivery.header("webhook-signature").split(" ")) == 2
    for secret in (SECRET, OTHER_SECRET):  # a receiver on either secret accepts it
        standardwebhooks.Webhook(secret).verify(delivery.body, delivery.headers)

    dropped = await _configure(tenant_a, receiver.url, secret=SECRET, rotationGraceSeconds=0)
    assert dropped["previousSecretExpiresAt"] is None
    await published(tenant_a)
    await app.state.services.webhooks.drain()
    last = receiver.received[-1]
    assert len(last.header("webhook-signature").split(" ")) == 1
    standardwebhooks.Webhook(SECRET).verify(last.body, last.headers)
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(OTHER_SECRET).verify(last.body, last.headers)


async def test_failed_deliveries_are_retried_then_given_up(
    tenant_a: httpx.AsyncClient, app: Any
) -> None:
    with Receiver(always(500)) as broken:
        await _configure(tenant_a, broken.url, secret=SECRET)
        await published(tenant_a)  # two events
        await app.state.services.webhooks.drain()
    deliveries = await _deliveries(tenant_a)
    for event_id in {d["eventId"] for d in deliveries}:
        attempts = [d for d in deliveries if d["eventId"] == event_id]
        # The test config allows 3 attempts; the delivery id is the same on each of them.
        assert [(d["attempt"], d["outcome"]) for d in attempts] == [
            (1, "RETRYING"),
            (2, "RETRYING"),
            (3, "FAILED"),
        ]
        assert {d["deliveryId"] for d in attempts} == {f"msg_{event_id}"}
        assert [d["nextAttemptAt"] is not None for d in attempts] == [True, True, False]
        assert all(d["statusCode"] == 500 and d["error"] == "HTTP 500" for d in attempts)
    assert len(deliveries) == 6 and len(broken.received) == 6


async def test_retry_after_sets_the_next_attempt(tenant_a: httpx.AsyncClient, app: Any) -> None:
    with Receiver(failing_first(1, 503, {"Retry-After": "1"})) as busy:
        await _configure(tenant_a, busy.url, secret=SECRET)
        await published(tenant_a)
        await app.state.services.webhooks.drain()
    retried = (await _deliveries(tenant_a))[0]
    assert retried["outcome"] == "RETRYING" and retried["statusCode"] == 503
    waited = datetime.fromisoformat(retried["nextAttemptAt"]) - datetime.fromisoformat(
        retried["attemptedAt"]
    )
    assert 0.9 <= waited.total_seconds() <= 1.5  # Retry-After, not the 0.01 s backoff
    # The other event went through meanwhile, then the retried one, with the same body.
    assert len(busy.received) == 3 and busy.received[0].body == busy.received[2].body


async def test_410_disables_the_endpoint_until_it_is_configured_again(
    tenant_a: httpx.AsyncClient, app: Any
) -> None:
    with Receiver(always(410)) as gone:
        configured = await _configure(tenant_a, gone.url, secret=SECRET)
        await published(tenant_a)
        await app.state.services.webhooks.drain()
        assert len(gone.received) == 1  # nothing more is sent once it said 410
        deliveries = await _deliveries(tenant_a)
        assert [(d["outcome"], d["statusCode"]) for d in deliveries] == [("DISABLED", 410)]
        gone.answer = always(204)
        enabled = await _configure(tenant_a, gone.url, secret=SECRET)
        assert (configured["enabled"], enabled["enabled"]) == (True, True)
        await app.state.services.webhooks.drain()
        assert len(gone.received) == 3  # the two events waited, nothing was lost
    outcomes = [d["outcome"] for d in await _deliveries(tenant_a)]
    assert outcomes == ["DISABLED", "DELIVERED", "DELIVERED"]


async def test_a_delivery_can_be_sent_again(
    tenant_a: httpx.AsyncClient, app: Any, receiver: Receiver
) -> None:
    await _configure(tenant_a, receiver.url, secret=SECRET)
    await published(tenant_a)
    await app.state.services.webhooks.drain()
    first = (await _deliveries(tenant_a))[0]
    response = await tenant_a.post(f"/_sandbox/webhook/deliveries/{first['deliveryId']}/redeliver")
    assert response.status_code == 202
    assert response.json()["data"] == {
        "deliveryId": first["deliveryId"],
        "eventId": first["eventId"],
        "status": "PENDING",
    }
    await app.state.services.webhooks.drain()
    again = receiver.received[-1]
    assert again.header("webhook-id") == first["deliveryId"]
    assert again.body == receiver.received[0].body
    standardwebhooks.Webhook(SECRET).verify(again.body, again.headers)
    log = await _deliveries(tenant_a)
    assert [(d["deliveryId"], d["attempt"]) for d in log][-1] == (first["deliveryId"], 1)
    unknown = await tenant_a.post(
        "/_sandbox/webhook/deliveries/msg_01JC8DYNXKHPK6H4F0VYB3J9R3/redeliver"
    )
    assert unknown.status_code == 404


async def test_nothing_is_dropped_when_many_events_come_at_once(
    tenant_a: httpx.AsyncClient, app: Any, receiver: Receiver
) -> None:
    await _configure(tenant_a, receiver.url, secret=SECRET)
    for _ in range(40):
        await published(tenant_a)  # 80 events
    await app.state.services.webhooks.drain(timeout=30)
    ids = [json.loads(r.body)["eventId"] for r in receiver.received]
    assert len(ids) == len(set(ids)) == 80
    assert ids == sorted(ids)  # one tenant's deliveries go out in the order of its events


async def test_unreachable_receiver_is_recorded(tenant_a: httpx.AsyncClient, app: Any) -> None:
    dead = Receiver()
    dead.close()
    await _configure(tenant_a, dead.url, secret=SECRET)
    await published(tenant_a)
    await app.state.services.webhooks.drain()
    deliveries = await _deliveries(tenant_a)
    assert deliveries and all(d["statusCode"] is None and d["error"] for d in deliveries)
    assert deliveries[-1]["outcome"] == "FAILED"


async def test_reset_forgets_the_endpoint_and_its_deliveries(
    tenant_a: httpx.AsyncClient, app: Any, receiver: Receiver
) -> None:
    await _configure(tenant_a, receiver.url, secret=SECRET)
    await published(tenant_a)
    await app.state.services.webhooks.drain()
    await tenant_a.post("/_sandbox/reset")
    assert await _deliveries(tenant_a) == []
    before = len(receiver.received)
    await published(tenant_a)
    await app.state.services.webhooks.drain()
    assert len(receiver.received) == before


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"url": "ftp://x", "secret": ""}, {"url", "secret"}),
        ({"url": "mailto:someone@example.com"}, {"url"}),
        ({"url": "http://127.0.0.1:9/", "secret": "not-a-whsec-secret"}, {"secret"}),
        ({"url": "http://127.0.0.1:9/", "secret": "whsec_" + "A" * 31 + "="}, {"secret"}),
        ({"url": "http://127.0.0.1:9/", "secret": "whsec_" + "A" * 88}, {"secret"}),
    ],
)
async def test_webhook_settings_are_validated(
    tenant_a: httpx.AsyncClient, body: dict[str, Any], fields: set[str]
) -> None:
    response = await tenant_a.put("/_sandbox/webhook", json=body)
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]["fields"]) == fields
