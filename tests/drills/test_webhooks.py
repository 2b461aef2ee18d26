"""Webhook drills (D37) against `signly-sandbox serve`: delivery latency from event to
receiver on loopback, no delivery lost while the receiver is down (3 s reduced, a full
minute with `nox -s drills`), and pending deliveries kept through `kill -9` and a restart."""

from __future__ import annotations

import signal
import statistics
import time
from datetime import datetime
from pathlib import Path

import httpx
import pytest
import standardwebhooks

from signly_sandbox.process import Server
from tests.drills.resources import publish_body
from tests.lib.drills import FIGURES, DrillSize, seeded_tenants
from tests.lib.servers import free_port
from tests.lib.webhooks import SECRET, Receiver

CREDITS = "1000000000"


def _prepare(url: str, receiver_url: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=url, headers=seeded_tenants()[0].partner(), timeout=30)
    configured = client.put("/_sandbox/webhook", json={"url": receiver_url, "secret": SECRET})
    assert configured.status_code == 200, configured.text
    template = client.post("/v1/templates", json={"templateName": "webhook drill"})
    return client, template.json()["data"]["templateId"]


def _publish(client: httpx.Client, template_id: str, count: int, pace: float = 0.0) -> None:
    for _ in range(count):
        response = client.post("/v1/documents", json=publish_body(template_id))
        assert response.status_code == 201, response.text
        time.sleep(pace)


def _event_ids(receiver: Receiver) -> set[str]:
    return {str(delivery.payload["eventId"]) for delivery in receiver.received}


def _wait_for_events(receiver: Receiver, count: int, timeout: float) -> float:
    began = time.monotonic()
    while len(_event_ids(receiver)) < count:
        if time.monotonic() - began > timeout:
            break
        time.sleep(0.02)
    return time.monotonic() - began


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@pytest.mark.slow
def test_latency_and_no_loss_through_a_receiver_outage(drill_size: DrillSize) -> None:
    full = drill_size.name == "full"
    # Full size: the sandbox's own schedule (0.5 s doubling up to 30 s); reduced: faster.
    schedule = [] if full else ["--webhook-backoff", "0.05", "--webhook-max-backoff", "0.5"]
    with Server(None, "--credits", CREDITS, *schedule) as server, Receiver() as receiver:
        client, template_id = _prepare(server.url, receiver.url)
        # 1. Latency: a document every 20 ms (two events each), event timestamp -> arrival.
        _publish(client, template_id, drill_size.webhook_latency_events, pace=0.02)
        expected = 2 * drill_size.webhook_latency_events
        _wait_for_events(receiver, expected, 30)
        latencies = [
            (d.at - datetime.fromisoformat(d.payload["timestamp"]).timestamp()) * 1000
            for d in receiver.received
        ]
        assert len(latencies) == expected
        # 2. Outage: the receiver goes down, events keep coming, then it is back.
        receiver.down()
        outage_began = time.monotonic()
        during = 20
        for _ in range(during):
            _publish(client, template_id, 1)
            time.sleep(drill_size.webhook_outage_seconds / during / 2)
        time.sleep(max(0.0, drill_size.webhook_outage_seconds - (time.monotonic() - outage_began)))
        outage = time.monotonic() - outage_began
        receiver.up()
        total = expected + 2 * during
        recovered = _wait_for_events(receiver, total, 120 if full else 30)
        # 3. Throughput: a burst of documents as fast as they publish, until all delivered.
        burst_began = time.monotonic()
        _publish(client, template_id, 100)
        _wait_for_events(receiver, total + 200, 60)
        burst = time.monotonic() - burst_began
        total += 200
        deliveries = client.get("/_sandbox/webhook/deliveries").json()["data"]
        client.close()
    lost = total - len(_event_ids(receiver))
    reference = standardwebhooks.Webhook(SECRET)
    for delivery in receiver.received[-5:]:
        reference.verify(delivery.body, delivery.headers)
    FIGURES.put(
        "webhooks",
        deliveries=total,
        latency_p50_ms=round(statistics.median(latencies), 2),
        latency_p99_ms=round(_percentile(latencies, 0.99), 2),
        latency_max_ms=round(max(latencies), 2),
        outage_seconds=round(outage, 1),
        events_during_outage=2 * during,
        lost_deliveries=lost,
        failed_attempts=sum(d["outcome"] != "DELIVERED" for d in deliveries),
        seconds_to_deliver_after_outage=round(recovered, 2),
        burst_deliveries_per_second=round(200 / burst),
    )
    assert lost == 0
    assert not [d for d in deliveries if d["outcome"] == "FAILED"]


@pytest.mark.slow
def test_pending_deliveries_survive_kill_9_and_a_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "state"
    port = free_port()  # the receiver is not there yet: every attempt fails
    flags = ["--credits", CREDITS, "--webhook-backoff", "0.2", "--webhook-max-backoff", "1"]
    flags += ["--webhook-timeout", "1"]
    server = Server(data_dir, *flags)
    try:
        client, template_id = _prepare(server.url, f"http://127.0.0.1:{port}/hooks/signly")
        _publish(client, template_id, 10)
        time.sleep(0.5)
        attempted = client.get("/_sandbox/webhook/deliveries").json()["data"]
        client.close()
    finally:
        server.stop(signal.SIGKILL)
    assert attempted and all(d["outcome"] == "RETRYING" for d in attempted)
    with Receiver(port=port) as receiver:
        restarted_at = time.monotonic()
        with Server(data_dir, *flags):
            _wait_for_events(receiver, 20, 30)
            seconds = time.monotonic() - restarted_at
        received = _event_ids(receiver)
    FIGURES.put(
        "webhooks_restart",
        pending_at_kill=20,
        delivered_after_restart=len(received),
        seconds_from_restart_to_all_delivered=round(seconds, 2),
    )
    assert len(received) == 20
