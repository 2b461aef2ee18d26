"""Idempotency-Key (D36): a retried write answers its first success, a reused key with another
request is a 422 before credits and validation, concurrent requests with one key do it once."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from signly_sandbox.clock import ManualClock
from tests.lib.sandbox import PARTNER_A, PARTNER_B, create_template, participant

pytestmark = pytest.mark.anyio
KEY = "5c3a4f1e-9b2d-4e8f-a7c6-0d1e2f3a4b5c"


def _body(template_id: str, name: str = "Juan David Otero") -> dict[str, Any]:
    return {
        "templateId": template_id,
        "templateVersion": "0001",
        "participants": [participant(name)],
        "orderMode": "PARALLEL",
    }


async def _publish(
    client: httpx.AsyncClient, body: Any, key: str | None = KEY, headers: dict[str, str] = PARTNER_A
) -> httpx.Response:
    extra = {} if key is None else {"Idempotency-Key": key}
    return await client.post("/v1/documents", json=body, headers={**headers, **extra})


async def _credits(client: httpx.AsyncClient, credits: int) -> None:
    assert (await client.put("/_sandbox/credits", json={"credits": credits})).status_code == 200


async def _documents(client: httpx.AsyncClient) -> list[str]:
    listed = (await client.get("/v1/documents?limit=100")).json()["data"]
    return [d["documentId"] for d in listed]


async def test_one_credit_two_publishes_with_one_key_one_document(
    tenant_a: httpx.AsyncClient,
) -> None:
    template = await create_template(tenant_a)
    body = _body(template["templateId"])
    await _credits(tenant_a, 1)
    first = await _publish(tenant_a, body)
    again = await _publish(tenant_a, body)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["data"] == first.json()["data"]
    assert (first.json()["code"], first.json()["message"]) == (
        again.json()["code"],
        again.json()["message"],
    )
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert again.json()["meta"]["request_id"] != first.json()["meta"]["request_id"]
    assert await _documents(tenant_a) == [first.json()["data"]["documentId"]]

    new = await _publish(tenant_a, body, key="another-key")
    assert new.status_code == 402  # the replay spent no credit, the first one did

    reused = await _publish(tenant_a, _body(template["templateId"], "Someone Else"))
    assert reused.status_code == 422, reused.text
    assert reused.json()["code"] == "idempotency_key_reused"
    assert reused.json()["error"] == {
        "type": "unprocessable",
        "details": {"header": "Idempotency-Key"},
    }
    assert len(await _documents(tenant_a)) == 1


async def test_the_key_is_checked_before_validation(tenant_a: httpx.AsyncClient) -> None:
    template = await create_template(tenant_a)
    assert (await _publish(tenant_a, _body(template["templateId"]))).status_code == 201
    invalid = await _publish(tenant_a, {"templateId": "not a uuid"})
    assert invalid.status_code == 422
    other_operation = await tenant_a.post(
        "/v1/templates", json={"templateName": "T"}, headers={"Idempotency-Key": KEY}
    )
    assert other_operation.status_code == 422


async def test_the_same_body_written_differently_is_the_same_request(
    tenant_a: httpx.AsyncClient,
) -> None:
    template = await create_template(tenant_a)
    body = _body(template["templateId"])
    first = await _publish(tenant_a, body)
    reordered = json.dumps(dict(reversed(list(body.items()))), indent=2)
    again = await tenant_a.post(
        "/v1/documents",
        content=reordered,
        headers={"Idempotency-Key": KEY, "Content-Type": "application/json"},
    )
    assert again.status_code == 201
    assert again.json()["data"]["documentId"] == first.json()["data"]["documentId"]


async def test_concurrent_requests_with_one_key_publish_once(tenant_a: httpx.AsyncClient) -> None:
    template = await create_template(tenant_a)
    body = _body(template["templateId"])
    answers = await asyncio.gather(*(_publish(tenant_a, body) for _ in range(8)))
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["data"]["documentId"] for a in answers}) == 1
    assert len(await _documents(tenant_a)) == 1


async def test_a_retried_cancel_answers_its_first_success(tenant_a: httpx.AsyncClient) -> None:
    template = await create_template(tenant_a)
    document = (await _publish(tenant_a, _body(template["templateId"]), key=None)).json()["data"]
    path = f"/v1/documents/{document['documentId']}/cancel"
    first = await tenant_a.delete(path, headers={"Idempotency-Key": "cancel-1"})
    again = await tenant_a.delete(path, headers={"Idempotency-Key": "cancel-1"})
    assert (first.status_code, again.status_code) == (200, 200)
    assert (
        again.json()["data"]
        == first.json()["data"]
        == {
            "documentId": document["documentId"],
            "status": "CANCELLED",
        }
    )
    without_key = await tenant_a.delete(path)
    assert without_key.status_code == 409


async def test_errors_are_not_kept(tenant_a: httpx.AsyncClient) -> None:
    template = await create_template(tenant_a)
    body = _body(template["templateId"])
    await _credits(tenant_a, 0)
    assert (await _publish(tenant_a, body)).status_code == 402
    await _credits(tenant_a, 1)
    retried = await _publish(tenant_a, body)
    assert retried.status_code == 201 and "Idempotent-Replayed" not in retried.headers


@pytest.mark.parametrize("key", ["", "k" * 256])
async def test_a_malformed_key_is_a_400_naming_the_header(
    tenant_a: httpx.AsyncClient, key: str
) -> None:
    template = await create_template(tenant_a)
    response = await _publish(tenant_a, _body(template["templateId"]), key=key)
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error"
    assert list(response.json()["error"]["details"]["fields"]) == ["Idempotency-Key"]
    cancel = await tenant_a.delete(
        "/v1/documents/0e51e6ee-4643-4381-97e0-5164c00a0142/cancel",
        headers={"Idempotency-Key": key},
    )
    assert cancel.status_code == 400  # before the 404: the key is checked first


async def test_keys_belong_to_a_tenant_and_last_24_hours(
    tenant_a: httpx.AsyncClient, clock: ManualClock
) -> None:
    template = await create_template(tenant_a)
    first = await _publish(tenant_a, _body(template["templateId"]))
    other = await create_template(tenant_a, headers=PARTNER_B)
    theirs = await _publish(tenant_a, _body(other["templateId"]), headers=PARTNER_B)
    assert theirs.status_code == 201  # the same key is another tenant's own
    assert theirs.json()["data"]["documentId"] != first.json()["data"]["documentId"]
    clock.advance(24 * 3600 + 1)
    later = await _publish(tenant_a, _body(template["templateId"], "Someone Else"))
    assert later.status_code == 201  # forgotten after 24 hours: a new request


async def test_a_255_character_key_is_accepted_and_reset_forgets_keys(
    tenant_a: httpx.AsyncClient,
) -> None:
    template = await create_template(tenant_a)
    key = "k" * 255
    assert (await _publish(tenant_a, _body(template["templateId"]), key=key)).status_code == 201
    await tenant_a.post("/_sandbox/reset")
    template = await create_template(tenant_a)
    assert (await _publish(tenant_a, _body(template["templateId"]), key=key)).status_code == 201
