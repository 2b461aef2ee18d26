"""Webhook deliveries of process events (D22, D37): signed per Standard Webhooks, sent from
the store's outbox, retried with backoff until acknowledged.

Signing (standardwebhooks.com): `webhook-id` is the delivery's id (`msg_<eventId>`, the same
on every attempt), `webhook-timestamp` the attempt's Unix seconds, `webhook-signature` one
`v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per valid secret (two during a rotation),
keyed with the bytes a `whsec_` secret encodes in base64.

Sending: deliveries are rows of the outbox (state/outbox.py), written with their events, so
this worker only has to be woken (after a commit, or when the next retry is due). It is one
asyncio task of the app (started by the lifespan, or by the first commit that needs it),
with up to `concurrency` attempts in flight but one per tenant, so a tenant's deliveries go
out in the order of their events. An attempt that is not a 2xx is retried after the
backoff (or the receiver's `Retry-After` on 429 or 503), up to `attempts` times; a 410
disables the endpoint.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import email.utils
import hashlib
import hmac
import json
import logging
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from signly_sandbox import views
from signly_sandbox.state import Store, StoredEvent
from signly_sandbox.state.outbox import Delivery

log = logging.getLogger("signly_sandbox.webhooks")

SECRET_PREFIX = "whsec_"
SECRET_BYTES = (24, 64)  # the Standard Webhooks bounds
USER_AGENT = "signly-sandbox-webhooks"


def new_secret() -> str:
    """A fresh `whsec_` secret (32 random bytes)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def secret_key(secret: str) -> bytes:
    """The HMAC key a `whsec_` secret encodes; ValueError saying why when it is not one."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("must start with whsec_")
    encoded = secret.removeprefix(SECRET_PREFIX).rstrip("=")
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("must be whsec_ and base64") from None
    low, high = SECRET_BYTES
    if not low <= len(key) <= high:
        raise ValueError(f"must encode {low} to {high} bytes, not {len(key)}")
    return key


def signature(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """`v1,<base64 HMAC-SHA256 of "msg_id.timestamp.body">`."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(
    secrets_: Sequence[str], msg_id: str, timestamp: int, body: bytes
) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(signature(s, msg_id, timestamp, body) for s in secrets_),
    }


def payload_bytes(delivery: Delivery) -> bytes:
    """The body of a delivery: the same bytes on every attempt."""
    payload = views.webhook_payload(delivery.event, delivery.document_id, delivery.tenant_id)
    return json.dumps(payload, separators=(",", ":")).encode()


def retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` as seconds: delay-seconds or an HTTP date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


@dataclass(frozen=True)
class DeliveryPolicy:
    """Attempts per delivery, the backoff between them and each attempt's timeout (D37)."""

    attempts: int = 12
    backoff_seconds: float = 0.5
    max_backoff_seconds: float = 30.0
    max_retry_after_seconds: float = 3600.0
    timeout_seconds: float = 15.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds before the attempt after the `attempt`-th one failed."""
        if retry_after is not None:
            return min(retry_after, self.max_retry_after_seconds)
        return float(min(self.backoff_seconds * 2 ** (attempt - 1), self.max_backoff_seconds))


class WebhookDispatcher:
    def __init__(
        self,
        store: Store,
        policy: DeliveryPolicy | None = None,
        *,
        concurrency: int = 16,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._outbox = store.outbox
        self.policy = policy or DeliveryPolicy()
        self._concurrency = concurrency
        self._wall = wall
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._worker: asyncio.Task[None] | None = None
        self._in_flight: dict[asyncio.Task[None], Delivery] = {}
        store.add_commit_listener(self._committed)

    # -- waking the worker ----------------------------------------------------------------

    def _committed(self, events: Sequence[StoredEvent]) -> None:
        """After a commit, on whatever thread committed: wake the worker if a delivery was
        written (the tenant has an endpoint)."""
        if any(self._outbox.endpoint(event.tenant_id) for event in events):
            self.wake()

    def wake(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            if self._loop is not None and not self._loop.is_closed():
                self._loop.call_soon_threadsafe(self._poke)
            return
        self._ensure_started(loop)
        self._poke()

    def _poke(self) -> None:
        if self._wake is not None:
            self._wake.set()

    def _ensure_started(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._worker is None or self._worker.done() or self._loop is not loop:
            self._loop = loop
            self._wake = asyncio.Event()
            self._in_flight = {}
            self._worker = loop.create_task(self._run(), name="webhook deliveries")

    async def start(self) -> None:
        """Start the worker now (the app's lifespan): deliveries left pending by a previous
        run are sent without waiting for a new event."""
        self._ensure_started(asyncio.get_running_loop())

    # -- the worker -----------------------------------------------------------------------

    async def _run(self) -> None:
        assert self._wake is not None
        wake = self._wake
        lease = self.policy.timeout_seconds + 1  # past the attempt's own timeout
        async with httpx.AsyncClient(timeout=self.policy.timeout_seconds) as client:
            while True:
                wake.clear()
                room = self._concurrency - len(self._in_flight)
                if room > 0:
                    busy = {delivery.tenant_id for delivery in self._in_flight.values()}
                    try:
                        claimed = self._outbox.claim(room, lease, busy)
                    except Exception:
                        log.exception("could not read the webhook outbox")
                        claimed = []
                    for delivery in claimed:
                        task = asyncio.create_task(self._attempt(client, delivery))
                        self._in_flight[task] = delivery
                        task.add_done_callback(self._finished)
                due = self._outbox.next_due()
                wait = None if due is None else due - self._wall()
                if wait is not None and wait <= 0:
                    wait = 1.0  # due but its tenant is busy or no room: a finished attempt wakes us
                # Not `asyncio.wait_for`: on Python 3.11 it can swallow a cancellation that
                # arrives as the event is set, and shutdown would then wait forever.
                waiter = asyncio.ensure_future(wake.wait())
                try:
                    await asyncio.wait([waiter], timeout=wait)
                finally:
                    waiter.cancel()

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._in_flight.pop(task, None)
        if not task.cancelled() and task.exception() is not None:
            log.error("webhook attempt crashed", exc_info=task.exception())
        self._poke()

    async def _attempt(self, client: httpx.AsyncClient, delivery: Delivery) -> None:
        endpoint = self._outbox.endpoint(delivery.tenant_id)
        if endpoint is None or not endpoint.enabled:
            self._outbox.release(delivery)
            return
        settled = False
        try:
            body = payload_bytes(delivery)
            timestamp = int(self._wall())
            headers = signed_headers(
                endpoint.secrets(timestamp), delivery.delivery_id, timestamp, body
            )
            status: int | None = None
            error: str | None = None
            retry_after: float | None = None
            try:
                response = await client.post(endpoint.url, content=body, headers=headers)
                status = response.status_code
                if status in (429, 503):
                    retry_after = retry_after_seconds(response.headers.get("Retry-After"))
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"[:500]
            next_due: float | None = None
            if status is not None and 200 <= status < 300:
                outcome = "DELIVERED"
            elif status == 410:
                outcome, error = "DISABLED", "HTTP 410: the endpoint is disabled"
            elif delivery.attempt >= self.policy.attempts:
                outcome = "FAILED"
            else:
                outcome = "RETRYING"
                next_due = self._wall() + self.policy.delay(delivery.attempt, retry_after)
            if error is None and outcome != "DELIVERED":
                error = f"HTTP {status}"
            self._outbox.settle(delivery, endpoint.url, status, outcome, error, next_due)
            settled = True
        finally:
            if not settled:  # cancelled (shutdown) or crashed: sent again, now or next run
                with contextlib.suppress(Exception):
                    self._outbox.release(delivery)

    # -- tests and shutdown ---------------------------------------------------------------

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until no delivery to an enabled endpoint is pending (tests, benchmarks)."""
        self.wake()
        deadline = time.monotonic() + timeout
        while self._in_flight or self._outbox.pending():
            if time.monotonic() > deadline:
                raise TimeoutError(f"webhook deliveries still pending after {timeout} s")
            await asyncio.sleep(0.005)

    async def close(self) -> None:
        tasks = [task for task in (self._worker, *self._in_flight) if task is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, RuntimeError, Exception):
                await task
        self._worker = None
        self._in_flight = {}
