"""Helpers of the client tests: the sandbox in process (no socket) behind the clients' own
`httpx_args`, a fault-injecting middleware and request builders.

httpx's ASGITransport is async only, so the blocking clients get `PortalTransport`, which
runs the same ASGI app on an event loop thread. The fixtures (the app, a portal, clients)
are in tests/client/conftest.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
from anyio.from_thread import BlockingPortal
from signly_client import AsyncSignlyClient, SignlyClient
from signly_client.models import (
    Participant,
    ParticipantIdentity,
    ParticipantPolicy,
    PublishDocumentRequest,
)

from signly_sandbox.config import PAGE_API_KEY, PAGE_TENANT_ID

BASE_URL = "http://sandbox.test"
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 16 + b"\n%%EOF\n"
ASGIApp = Callable[..., Any]


class PortalTransport(httpx.BaseTransport):
    """A blocking httpx transport that runs an ASGI app in process on a portal's loop."""

    def __init__(self, app: ASGIApp, portal: BlockingPortal) -> None:
        self._transport = httpx.ASGITransport(app=app)
        self._portal = portal

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        forwarded = httpx.Request(
            request.method, request.url, headers=request.headers, content=request.read()
        )

        async def call() -> tuple[int, httpx.Headers, bytes]:
            response = await self._transport.handle_async_request(forwarded)
            return response.status_code, response.headers, await response.aread()

        status, headers, content = self._portal.call(call)
        return httpx.Response(status, headers=headers, content=content, request=request)


class FailFirst:
    """ASGI middleware: the first `failures` requests whose method is in `methods` get
    `status` with a Retry-After header and an error envelope; it counts every request."""

    def __init__(
        self,
        app: ASGIApp,
        failures: int,
        *,
        status: int = 503,
        retry_after: str | None = "1",
        methods: tuple[str, ...] = ("GET", "POST", "PUT", "DELETE"),
    ) -> None:
        self.app = app
        self.remaining = failures
        self.status = status
        self.retry_after = retry_after
        self.methods = methods
        self.seen: list[str] = []
        self.keys: list[str | None] = []  # the Idempotency-Key of each request

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.seen.append(f"{scope['method']} {scope['path']}")
        key = dict(scope["headers"]).get(b"idempotency-key")
        self.keys.append(None if key is None else key.decode())
        if self.remaining <= 0 or scope["method"] not in self.methods:
            await self.app(scope, receive, send)
            return
        self.remaining -= 1
        code, kind = (
            ("rate_limited", "rate_limit") if self.status == 429 else ("unavailable", "server")
        )
        body = json.dumps(
            {
                "success": False,
                "status": self.status,
                "code": code,
                "message": "Try again later.",
                "data": None,
                "pagination": None,
                "meta": {
                    "request_id": f"req_fault_{len(self.seen)}",
                    "timestamp": "2026-04-23T15:00:00Z",
                    "api_version": "v1",
                    "tenant_id": None,
                },
                "error": {"type": kind, "details": {}},
            }
        ).encode()
        headers = [(b"content-type", b"application/json")]
        if self.retry_after is not None:
            headers.append((b"retry-after", self.retry_after.encode()))
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class LoseFirstAnswer:
    """ASGI middleware: the first `count` requests whose method is in `methods` reach the app
    (and do what they do), but their answer is lost on the way back and replaced by a 503,
    as when a proxy or the network fails after the server acted."""

    def __init__(self, app: ASGIApp, count: int = 1, methods: tuple[str, ...] = ("POST",)) -> None:
        self.app = app
        self.remaining = count
        self.methods = methods
        self.lost: list[int] = []  # the statuses the app answered and nobody saw

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or self.remaining <= 0 or scope["method"] not in self.methods:
            await self.app(scope, receive, send)
            return
        self.remaining -= 1

        async def swallow(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                self.lost.append(message["status"])

        await self.app(scope, receive, swallow)
        body = b'{"success": false, "status": 503, "code": "unavailable", "message": "Lost."}'
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def sync_client(app: ASGIApp, portal: BlockingPortal, **options: Any) -> SignlyClient:
    """The seeded tenant's client on `app`; keyword arguments override the defaults."""
    settings: dict[str, Any] = {
        "tenant_id": PAGE_TENANT_ID,
        "api_key": PAGE_API_KEY,
        "base_url": BASE_URL,
        "httpx_args": {"transport": PortalTransport(app, portal)},
    }
    return SignlyClient(**{**settings, **options})


def async_client(app: ASGIApp, **options: Any) -> AsyncSignlyClient:
    settings: dict[str, Any] = {
        "tenant_id": PAGE_TENANT_ID,
        "api_key": PAGE_API_KEY,
        "base_url": BASE_URL,
        "httpx_args": {"transport": httpx.ASGITransport(app=app)},
    }
    return AsyncSignlyClient(**{**settings, **options})


def publish_request(template_id: UUID, version: str = "0001") -> PublishDocumentRequest:
    signer = Participant(
        display_name="Juan David Otero",
        signature_mode=["SIGNATURE_EMAIL"],
        identity=ParticipantIdentity(email="juanoterot@outlook.com"),
        policy=ParticipantPolicy(attempts_max=3, cooldown_seconds=60),
    )
    return PublishDocumentRequest(
        template_id=template_id,
        template_version=version,
        participants=[signer],
        order_mode="PARALLEL",
    )
