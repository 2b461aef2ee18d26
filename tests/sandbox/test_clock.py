"""The sandbox clock: read, set and advanced (never back); deadlines, presigned URLs,
timestamps and scripted participants follow it, without any other call."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import standardwebhooks

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import ClockBackwards, ManualClock, SandboxClock, format_timestamp
from tests.lib.client import PDF
from tests.lib.sandbox import BASE_URL, PARTNER_A, participant, published
from tests.lib.webhooks import SECRET, Receiver
from tests.lib.workbench import AnswerCheck

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client(app: Any, sandbox_spec: dict[str, Any]) -> AsyncIterator[httpx.AsyncClient]:
    check = AnswerCheck(sandbox_spec)

    async def conforms(response: httpx.Response) -> None:
        await response.aread()
        check.check(response)

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url=BASE_URL,
        headers=PARTNER_A,
        event_hooks={"response": [conforms]},
    ) as opened:
        yield opened


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.close()


def in_days(clock: ManualClock, days: float) -> str:
    return format_timestamp(clock.now() + timedelta(days=days))


async def events(client: httpx.AsyncClient, process_id: str) -> list[str]:
    return [e["eventType"] for e in (await client.get(f"/v1/events/{process_id}")).json()["data"]]


async def test_read_set_and_advance(client: httpx.AsyncClient, clock: ManualClock) -> None:
    read = (await client.get("/_sandbox/clock")).json()["data"]
    assert read["now"] == format_timestamp(clock.now())
    later = clock.now() + timedelta(hours=2)
    moved = await client.put("/_sandbox/clock", json={"now": format_timestamp(later)})
    assert moved.json()["data"]["now"] == format_timestamp(later)
    assert moved.json()["data"]["expiredDocuments"] == []
    advanced = await client.post("/_sandbox/clock/advance", json={"seconds": 90})
    assert advanced.json()["data"]["now"] == format_timestamp(later + timedelta(seconds=90))
    assert (await client.get("/v1/templates")).json()["meta"]["timestamp"] == format_timestamp(
        clock.now()
    )


async def test_bad_moves_are_400s_naming_the_field(
    client: httpx.AsyncClient, clock: ManualClock
) -> None:
    before = format_timestamp(clock.now() - timedelta(seconds=1))
    backwards = await client.put("/_sandbox/clock", json={"now": before})
    assert backwards.status_code == 400
    assert "only moves forward" in backwards.json()["error"]["details"]["fields"]["now"][0]
    negative = await client.post("/_sandbox/clock/advance", json={"seconds": -5})
    assert negative.status_code == 400
    assert "seconds" in negative.json()["error"]["details"]["fields"]
    garbage = await client.put("/_sandbox/clock", json={"now": "yesterday"})
    assert garbage.status_code == 400 and "now" in garbage.json()["error"]["details"]["fields"]


async def test_advancing_past_a_deadline_expires_the_document_with_its_event(
    client: httpx.AsyncClient, clock: ManualClock
) -> None:
    document = await published(
        client,
        participants=[participant("A"), participant("B")],
        deadlineAt=in_days(clock, 2),
    )
    doc_id = document["documentId"]
    other = await published(client, deadlineAt=in_days(clock, 30))
    moved = await client.post("/_sandbox/clock/advance", json={"seconds": 3 * 86400})
    assert moved.json()["data"]["expiredDocuments"] == [doc_id]
    got = (await client.get(f"/v1/documents/{doc_id}")).json()["data"]
    assert got["status"] == "EXPIRED"
    assert {p["status"] for p in got["participants"]} == {"EXPIRED"}
    summary = (await client.get(f"/v1/documents/{doc_id}/summary")).json()["data"]
    assert (summary["status"], summary["pendingParticipants"]) == ("EXPIRED", 0)
    listed = (await client.get("/v1/documents", params={"status": "EXPIRED"})).json()["data"]
    assert [d["documentId"] for d in listed] == [doc_id]
    for person in document["participants"]:
        assert (await events(client, person["processId"]))[-1] == "PROCESS_EXPIRED"
    assert (await client.get(f"/v1/documents/{other['documentId']}")).json()["data"][
        "status"
    ] == "CREATED"


async def test_a_deadline_passing_on_its_own_expires_on_the_next_read(
    client: httpx.AsyncClient, clock: ManualClock
) -> None:
    document = await published(client, deadlineAt=in_days(clock, 1))
    clock.advance(86400 + 1)  # time passes; nobody calls the clock controls
    got = (await client.get(f"/v1/documents/{document['documentId']}")).json()["data"]
    assert got["status"] == "EXPIRED"
    extend = await client.post(
        f"/v1/documents/{document['documentId']}/extend", json={"newDeadlineAt": in_days(clock, 9)}
    )
    assert extend.status_code == 409


async def test_the_expiry_webhook_arrives_without_any_other_call(
    client: httpx.AsyncClient, clock: ManualClock, receiver: Receiver
) -> None:
    configured = await client.put(
        "/_sandbox/webhook",
        json={"url": receiver.url, "secret": SECRET},
    )
    assert configured.status_code == 200, configured.text
    document = await published(client, deadlineAt=in_days(clock, 1))
    clock.advance(86400 + 1)
    for _ in range(100):  # the background task looks at least once a second
        if any(b'"PROCESS_EXPIRED"' in r.body for r in receiver.received):
            break
        await asyncio.sleep(0.1)
    delivered = [r.payload for r in receiver.received]
    expired = [e for e in delivered if e["eventType"] == "PROCESS_EXPIRED"]
    assert len(expired) == 1, [e["eventType"] for e in delivered]
    assert expired[0]["documentId"] == document["documentId"]
    # A day later on the sandbox clock, the delivery is still fresh on the receiver's clock.
    (delivery,) = [r for r in receiver.received if r.payload["eventType"] == "PROCESS_EXPIRED"]
    assert abs(int(delivery.header("webhook-timestamp")) - time.time()) < 60
    standardwebhooks.Webhook(SECRET).verify(delivery.body, delivery.headers)


async def test_a_scripted_participant_signs_when_its_moment_comes(
    client: httpx.AsyncClient, clock: ManualClock
) -> None:
    document = await published(client, participants=[participant("A"), participant("B")])
    doc_id = document["documentId"]
    first, second = (p["participantId"] for p in document["participants"])
    base = f"/_sandbox/documents/{doc_id}/participants"
    scheduled = await client.post(
        f"{base}/{first}/schedule", json={"action": "SIGN", "afterSeconds": 60}
    )
    assert scheduled.status_code == 202
    assert scheduled.json()["data"]["dueAt"] == format_timestamp(
        clock.now() + timedelta(seconds=60)
    )
    await client.post(f"{base}/{second}/schedule", json={"action": "REJECT", "afterSeconds": 120})
    await client.post("/_sandbox/clock/advance", json={"seconds": 61})
    got = (await client.get(f"/v1/documents/{doc_id}")).json()["data"]
    assert [p["status"] for p in got["participants"]] == ["SIGNED", "PENDING"]
    clock.advance(60)
    got = (await client.get(f"/v1/documents/{doc_id}")).json()["data"]
    assert got["status"] == "REJECTED"  # a rejection under the default CANCEL_FLOW
    assert [p["status"] for p in got["participants"]] == ["SIGNED", "REJECTED"]


async def test_scheduling_needs_a_pending_participant(client: httpx.AsyncClient) -> None:
    document = await published(client)
    doc_id = document["documentId"]
    person = document["participants"][0]["participantId"]
    base = f"/_sandbox/documents/{doc_id}/participants"
    unknown = await client.post(
        f"{base}/{doc_id}/schedule", json={"action": "SIGN", "afterSeconds": 1}
    )
    assert unknown.status_code == 404
    await client.post(f"{base}/{person}/sign")
    done = await client.post(
        f"{base}/{person}/schedule", json={"action": "SIGN", "afterSeconds": 1}
    )
    assert done.status_code == 409 and done.json()["code"] == "document_not_active"
    bad = await client.post(
        f"{base}/{person}/schedule", json={"action": "DANCE", "afterSeconds": 1}
    )
    assert bad.status_code == 400 and "action" in bad.json()["error"]["details"]["fields"]


async def test_presigned_urls_age_with_the_sandbox_clock(
    config: SandboxConfig, sandbox_spec: dict[str, Any]
) -> None:
    """The in-process store signs at the sandbox clock's time and checks expiry against it."""
    clock = SandboxClock(datetime(2026, 4, 23, 15, 0, tzinfo=UTC))
    app = create_app(
        dataclasses.replace(config, url_expires_seconds=900), clock=clock, spec=sandbox_spec
    )
    blobs: BlobStore = app.state.services.blobs
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=PARTNER_A
        ) as client:
            template = (await client.post("/v1/templates", json={"templateName": "T"})).json()[
                "data"
            ]
            base = f"/v1/templates/{template['templateId']}/versions/1"
            upload = (await client.post(f"{base}/upload-url")).json()["data"]["uploadUrl"]
            assert "X-Amz-Date=20260423T15" in upload
            assert httpx.put(upload, content=PDF).status_code == 200
            download = (await client.get(f"{base}/download-url")).json()["data"]["downloadUrl"]
            assert httpx.get(download).content == PDF
            await client.post("/_sandbox/clock/advance", json={"seconds": 901})
            expired = httpx.get(download)
            assert expired.status_code == 403 and b"expired" in expired.content
            fresh = (await client.get(f"{base}/download-url")).json()["data"]["downloadUrl"]
            assert httpx.get(fresh).content == PDF
    finally:
        blobs.close()
        app.state.services.store.close()


def test_sandbox_clock_flows_and_never_goes_back() -> None:
    start = datetime(2026, 4, 23, 15, 0, tzinfo=UTC)
    clock = SandboxClock(start)
    assert start <= clock.now() < start + timedelta(seconds=5)
    clock.advance(3600)
    assert clock.now() >= start + timedelta(hours=1)
    with pytest.raises(ClockBackwards):
        clock.set(start)
    with pytest.raises(ClockBackwards):
        clock.advance(-1)
    clock.set(start + timedelta(days=2))
    assert clock.now() >= start + timedelta(days=2)
    assert SandboxClock().offset_seconds == pytest.approx(0, abs=1)
