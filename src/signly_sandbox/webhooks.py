"""Background delivery of process events to each tenant's webhook (D22).

The store calls `enqueue` after each commit; one worker task POSTs the events in order,
signed with `X-Signly-Signature: sha256=<hex HMAC of the body>`, retrying with exponential
backoff a bounded number of times. The queue is bounded too: when full, events are dropped
and logged rather than letting memory grow. Every attempt is recorded for
`GET /_sandbox/webhook/deliveries`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
from collections.abc import Sequence

import httpx

from signly_sandbox import views
from signly_sandbox.state import Store, StoredEvent

log = logging.getLogger("signly_sandbox.webhooks")


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookDispatcher:
    def __init__(
        self,
        store: Store,
        attempts: int = 4,
        backoff_seconds: float = 0.2,
        queue_size: int = 10_000,
        timeout_seconds: float = 5.0,
    ) -> None:
        self._store = store
        self._attempts = attempts
        self._backoff = backoff_seconds
        self._queue_size = queue_size
        self._timeout = timeout_seconds
        self._queue: asyncio.Queue[StoredEvent] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._worker: asyncio.Task[None] | None = None
        store.add_commit_listener(self.enqueue)

    def enqueue(self, events: Sequence[StoredEvent]) -> None:
        """Called after a commit, on whatever thread committed."""
        wanted = [event for event in events if self._store.webhook_for(event.tenant_id)]
        if not wanted:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            if self._loop is None or self._loop.is_closed():
                log.warning("no event loop to deliver %d webhook events", len(wanted))
                return
            self._loop.call_soon_threadsafe(self._put, wanted)
            return
        self._start(loop)
        self._put(wanted)

    def _start(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._worker is None or self._worker.done() or self._loop is not loop:
            self._loop = loop
            self._queue = asyncio.Queue(self._queue_size)
            self._worker = loop.create_task(self._run())

    def _put(self, events: Sequence[StoredEvent]) -> None:
        assert self._queue is not None
        for event in events:
            try:
                self._queue.put_nowait(event)
            except asyncio.QueueFull:
                log.warning("webhook queue full; dropped event %s", event.event_id)

    async def _run(self) -> None:
        assert self._queue is not None
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            while True:
                event = await self._queue.get()
                try:
                    await self._deliver(client, event)
                except Exception:
                    log.exception("webhook delivery crashed for %s", event.event_id)
                finally:
                    self._queue.task_done()

    async def _deliver(self, client: httpx.AsyncClient, event: StoredEvent) -> None:
        target = self._store.webhook_for(event.tenant_id)
        if target is None:
            return
        url, secret = target
        payload = views.webhook_payload(event.record, event.document_id, event.tenant_id)
        body = json.dumps(payload, separators=(",", ":")).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Signly-Signature": signature(secret, body),
        }
        for attempt in range(1, self._attempts + 1):
            status: int | None = None
            error: str | None = None
            try:
                response = await client.post(url, content=body, headers=headers)
                status = response.status_code
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            delivered = status is not None and 200 <= status < 300
            last = attempt == self._attempts
            outcome = "DELIVERED" if delivered else ("FAILED" if last else "RETRYING")
            if error is None and not delivered:
                error = f"HTTP {status}"
            self._store.record_delivery(
                event.tenant_id, event.event_id, url, attempt, status, outcome, error
            )
            if delivered or last:
                return
            await asyncio.sleep(self._backoff * 2 ** (attempt - 1))

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until every queued event was delivered or given up (tests, shutdown)."""
        if self._queue is not None:
            await asyncio.wait_for(self._queue.join(), timeout)

    async def close(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError, RuntimeError):
                await self._worker
            self._worker = None
