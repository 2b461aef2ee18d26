"""Webhook delivery of process events: signed, in order, retried with backoff, bounded."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from signly_sandbox.config import PAGE_TENANT_ID
from signly_sandbox.validation import SpecDocument
from tests.lib.sandbox import published

pytestmark = pytest.mark.anyio
SECRET = "whsec_test"


class Receiver:
    """A loopback HTTP server that records deliveries and fails the first `failures`."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                status = 500 if receiver.failures > 0 else 204
                receiver.failures -= 1
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/signly"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.close()


async def test_events_are_delivered_signed_and_in_order(
    tenant_a: httpx.AsyncClient, app: Any, receiver: Receiver, sandbox_spec: dict[str, Any]
) -> None:
    configured = await tenant_a.put(
        "/_sandbox/webhook", json={"url": receiver.url, "secret": SECRET}
    )
    assert configured.json()["data"] == {"tenantId": PAGE_TENANT_ID, "url": receiver.url}
    document = await published(tenant_a)
    doc_id = document["documentId"]
    person = document["participants"][0]
    await tenant_a.post(f"/_sandbox/documents/{doc_id}/participants/{person['participantId']}/sign")
    await app.state.services.webhooks.drain()
    notification = SpecDocument(sandbox_spec).validator(
        ("components", "schemas", "ProcessEventNotification")
    )
    payloads = []
    for headers, body in receiver.received:
        notification.validate(json.loads(body))
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert headers["X-Signly-Signature"] == expected
        payloads.append(json.loads(body))
    assert [p["eventType"] for p in payloads] == [
        "PROCESS_CREATED",
        "INVITATION_SENT",
        "PARTICIPANT_SIGNED",
        "PROCESS_COMPLETED",
    ]
    assert all(p["documentId"] == doc_id and p["tenantId"] == PAGE_TENANT_ID for p in payloads)
    timeline = (await tenant_a.get(f"/v1/events/{person['processId']}")).json()["data"]
    assert [{k: p[k] for k in timeline[0]} for p in payloads] == timeline
    deliveries = (await tenant_a.get("/_sandbox/webhook/deliveries")).json()["data"]
    assert [d["outcome"] for d in deliveries] == ["DELIVERED"] * 4


async def test_failed_deliveries_are_retried_then_given_up(
    tenant_a: httpx.AsyncClient, app: Any
) -> None:
    flaky = Receiver(failures=4)
    try:
        await tenant_a.put("/_sandbox/webhook", json={"url": flaky.url, "secret": SECRET})
        await published(tenant_a)
        await app.state.services.webhooks.drain()
    finally:
        flaky.close()
    deliveries = (await tenant_a.get("/_sandbox/webhook/deliveries")).json()["data"]
    first = [d for d in deliveries if d["eventId"] == deliveries[0]["eventId"]]
    assert [(d["attempt"], d["outcome"], d["statusCode"]) for d in first] == [
        (1, "RETRYING", 500),
        (2, "RETRYING", 500),
        (3, "FAILED", 500),
    ]
    second = [d for d in deliveries if d["eventId"] != deliveries[0]["eventId"]]
    assert [(d["attempt"], d["outcome"]) for d in second] == [(1, "RETRYING"), (2, "DELIVERED")]


async def test_unreachable_receiver_is_recorded(tenant_a: httpx.AsyncClient, app: Any) -> None:
    dead = Receiver()
    dead.close()
    await tenant_a.put("/_sandbox/webhook", json={"url": dead.url, "secret": SECRET})
    await published(tenant_a)
    await app.state.services.webhooks.drain()
    deliveries = (await tenant_a.get("/_sandbox/webhook/deliveries")).json()["data"]
    assert deliveries and all(d["statusCode"] is None and d["error"] for d in deliveries)
    assert deliveries[-1]["outcome"] == "FAILED"


async def test_webhook_body_is_validated(tenant_a: httpx.AsyncClient) -> None:
    response = await tenant_a.put("/_sandbox/webhook", json={"url": "ftp://x", "secret": ""})
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]["fields"]) == {"url", "secret"}
