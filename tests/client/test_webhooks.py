"""`signly_client.webhooks` against the Standard Webhooks reference implementation
(`standardwebhooks` 1.1.0): what the sandbox signs both accept, what either signs the other
accepts, and what the reference refuses ours refuses, each failure with its reason."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import standardwebhooks
from hypothesis import given, settings
from hypothesis import strategies as st
from signly_client import SignlyError, webhooks
from signly_client.models import ProcessEventNotification

from signly_sandbox.config import PAGE_API_KEY, PAGE_TENANT_ID
from tests.lib.webhooks import OTHER_SECRET, SECRET, Receiver

BODY = json.dumps(
    {
        "eventId": "01JC8DYNXKHPK6H4F0VYB3J9R3",
        "eventType": "PROCESS_CREATED",
        "processId": "proc-20251027-0001",
        "status": "SUCCESS",
        "actor": "backend",
        "timestamp": "2025-10-27T15:00:01.120Z",
        "documentId": "6c0b7f1e-2a4d-4f5b-9c3e-1d2f3a4b5c6d",
        "tenantId": "58bff266-cdad-46db-b373-1b06476146cd",
    },
    separators=(",", ":"),
).encode()
HOUR = 3600


def _reason(body: bytes, headers: dict[str, str], secret: str = SECRET, **options: Any) -> str:
    with pytest.raises(webhooks.WebhookVerificationError) as refused:
        webhooks.verify(body, headers, secret, **options)
    assert refused.value.code == refused.value.reason
    return refused.value.reason


def _reference_refuses(body: bytes, headers: dict[str, str], secret: str = SECRET) -> None:
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(secret).verify(body, headers)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as server:
        yield server


@pytest.mark.anyio
async def test_sandbox_deliveries_verify_with_both_and_replays_do_not(
    app: Any, receiver: Receiver
) -> None:
    headers = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://sandbox.test", headers=headers
    ) as http:
        await http.put("/_sandbox/webhook", json={"url": receiver.url, "secret": SECRET})
        created = await http.post("/v1/templates", json={"templateName": "T"})
        template_id = created.json()["data"]["templateId"]
        body = {
            "templateId": template_id,
            "templateVersion": "0001",
            "orderMode": "PARALLEL",
            "participants": [
                {
                    "displayName": "Juan",
                    "signatureMode": ["SIGNATURE_EMAIL"],
                    "identity": {"email": "juan@example.com"},
                }
            ],
        }
        assert (await http.post("/v1/documents", json=body)).status_code == 201
        await app.state.services.webhooks.drain()
    assert len(receiver.received) == 2
    for delivery in receiver.received:
        event = webhooks.verify(delivery.body, delivery.headers, SECRET)
        assert isinstance(event, ProcessEventNotification)
        assert event.event_id == delivery.payload["eventId"]
        assert standardwebhooks.Webhook(SECRET).verify(delivery.body, delivery.headers)
        # The same delivery an hour later is a replay; a changed body is not Signly's.
        later = time.time() + HOUR
        assert _reason(delivery.body, delivery.headers, now=later) == "timestamp_too_old"
        tampered = delivery.body.replace(b"SUCCESS", b"FAILURE")
        assert _reason(tampered, delivery.headers) == "no_matching_signature"
        _reference_refuses(tampered, delivery.headers)
        assert _reason(delivery.body, delivery.headers, OTHER_SECRET) == "no_matching_signature"
        _reference_refuses(delivery.body, delivery.headers, OTHER_SECRET)


def test_what_the_reference_signs_verifies_here_and_the_other_way_round() -> None:
    reference = standardwebhooks.Webhook(SECRET)
    msg_id, moment = "msg_2Lq8Y1s8h5nYkq0", datetime.now(UTC)
    headers = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": reference.sign(msg_id, moment, BODY.decode()),
    }
    assert webhooks.verify(BODY, headers, SECRET).event_type == "PROCESS_CREATED"
    ours = webhooks.sign(BODY, SECRET, msg_id=msg_id, timestamp=moment)
    assert ours == headers
    assert reference.verify(BODY, webhooks.sign(BODY, SECRET)) == json.loads(BODY)


@settings(max_examples=60, deadline=None)
@given(
    body=st.binary(max_size=300).map(lambda raw: json.dumps({"x": raw.hex()}).encode()),
    msg_id=st.from_regex(r"msg_[A-Za-z0-9]{1,30}", fullmatch=True),
    skew=st.integers(-290, 290),
    key=st.binary(min_size=24, max_size=64),
)
def test_ours_and_the_reference_agree_on_any_delivery(
    body: bytes, msg_id: str, skew: int, key: bytes
) -> None:
    secret = "whsec_" + base64.b64encode(key).decode()
    headers = webhooks.sign(body, secret, msg_id=msg_id, timestamp=time.time() + skew)
    assert standardwebhooks.Webhook(secret).verify(body, headers) == json.loads(body)
    moment = datetime.fromtimestamp(time.time() + skew, UTC)
    signed = standardwebhooks.Webhook(secret).sign(msg_id, moment, body.decode())
    assert headers["webhook-id"] == msg_id
    reference = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": signed,
    }
    with pytest.raises(webhooks.WebhookVerificationError, match="not a process event"):
        webhooks.verify(body, reference, secret)  # genuine, but not a ProcessEvent


def test_old_and_future_timestamps_are_refused_by_both_and_tolerance_is_ours() -> None:
    old = webhooks.sign(BODY, SECRET, timestamp=time.time() - HOUR)
    assert _reason(BODY, old) == "timestamp_too_old"
    _reference_refuses(BODY, old)
    future = webhooks.sign(BODY, SECRET, timestamp=time.time() + HOUR)
    assert _reason(BODY, future) == "timestamp_too_new"
    _reference_refuses(BODY, future)
    assert webhooks.verify(BODY, old, SECRET, tolerance=2 * HOUR).event_id
    assert _reason(BODY, webhooks.sign(BODY, SECRET, timestamp=time.time() - 60), tolerance=30) == (
        "timestamp_too_old"
    )


@pytest.mark.parametrize("value", ["", "soon", "nan", "inf", "1e400", "-1e20"])
def test_a_timestamp_that_is_no_time_is_refused(value: str) -> None:
    headers = {**webhooks.sign(BODY, SECRET), "webhook-timestamp": value}
    assert _reason(BODY, headers) in ("missing_headers", "invalid_timestamp", "timestamp_too_old")
    _reference_refuses(BODY, headers)


def test_missing_headers_any_case_and_str_payloads() -> None:
    headers = webhooks.sign(BODY, SECRET)
    for name in headers:
        partial = {k: v for k, v in headers.items() if k != name}
        assert _reason(BODY, partial) == "missing_headers"
        _reference_refuses(BODY, partial)
    shouted = {name.upper(): value for name, value in headers.items()}
    assert webhooks.verify(BODY.decode(), httpx.Headers(shouted), SECRET).status == "SUCCESS"


def test_any_one_of_several_signatures_is_enough_and_malformed_ones_are_skipped() -> None:
    rotating = webhooks.sign(BODY, [OTHER_SECRET, SECRET])
    assert len(rotating["webhook-signature"].split(" ")) == 2
    for secret in (SECRET, OTHER_SECRET):
        assert webhooks.verify(BODY, rotating, secret)
        assert standardwebhooks.Webhook(secret).verify(BODY, rotating)
    good = webhooks.sign(BODY, SECRET)
    noisy = {**good, "webhook-signature": f"v1 v1,!!! v2,abc {good['webhook-signature']}"}
    assert webhooks.verify(BODY, noisy, SECRET)  # the reference raises ValueError here
    only_noise = {**good, "webhook-signature": "v1 v1,!!! v1a,abc= v1,"}
    assert _reason(BODY, only_noise) == "no_matching_signature"


def test_a_secret_that_is_not_whsec_is_a_clear_error() -> None:
    headers = webhooks.sign(BODY, SECRET)
    for secret in ("sk_live_partner_abc123", "", "whsec_", "whsec_not base64!"):
        with pytest.raises(ValueError, match=r"whsec_|base64|empty"):
            webhooks.verify(BODY, headers, secret)
        with pytest.raises(ValueError):
            webhooks.sign(BODY, secret)


def test_a_genuine_body_that_is_no_event_is_refused_as_such() -> None:
    for body in (b"not json", b"[]", b'{"eventId": 1}'):
        assert _reason(body, webhooks.sign(body, SECRET)) == "invalid_payload"


def test_the_error_is_a_signly_error_with_its_reason() -> None:
    with pytest.raises(SignlyError) as refused:
        webhooks.verify(BODY, {}, SECRET)
    assert isinstance(refused.value, webhooks.WebhookVerificationError)
    assert refused.value.reason == "missing_headers" and "webhook-id" in str(refused.value)
