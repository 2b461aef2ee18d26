"""Client fixtures: the sandbox in process (no socket) behind the clients' own `httpx_args`.

httpx's ASGITransport is async only, so the blocking clients get `PortalTransport`, which
runs the same ASGI app on an event loop thread. Presigned storage URLs point at the
sandbox's moto S3 server on a loopback port, reached by the clients' storage httpx client.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import anyio.from_thread
import httpx
import pytest
from anyio.from_thread import BlockingPortal
from signly_client import AsyncSignlyAdminClient, AsyncSignlyClient, SignlyAdminClient, SignlyClient

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.config import PAGE_ADMIN_TOKEN, PAGE_API_KEY, PAGE_TENANT_ID
from signly_sandbox.routing import REPO_SPEC, load_spec

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

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.seen.append(f"{scope['method']} {scope['path']}")
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


@pytest.fixture(scope="session")
def sandbox_spec() -> dict[str, Any]:
    return load_spec(REPO_SPEC)


@pytest.fixture(scope="session")
def config() -> SandboxConfig:
    return SandboxConfig(credits=50, webhook_backoff_seconds=0.01, webhook_attempts=1)


@pytest.fixture(scope="session")
def s3(config: SandboxConfig) -> Iterator[BlobStore]:
    blobs = BlobStore.start_local(
        config.s3_bucket,
        config.s3_region,
        config.s3_access_key,
        config.s3_secret_key,
        config.url_expires_seconds,
    )
    yield blobs
    blobs.close()


@pytest.fixture(scope="session")
def portal() -> Iterator[BlockingPortal]:
    with anyio.from_thread.start_blocking_portal() as running:
        yield running


@pytest.fixture
def make_app(
    config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any]
) -> Callable[..., Any]:
    """A fresh sandbox (own store, shared S3); keyword arguments override its config."""

    def make(**overrides: Any) -> Any:
        settings = dataclasses.replace(config, **overrides)
        return create_app(settings, blobs=s3, spec=sandbox_spec)

    return make


@pytest.fixture
def app(make_app: Callable[..., Any]) -> Any:
    return make_app()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


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


@pytest.fixture
def client(app: Any, portal: BlockingPortal) -> Iterator[SignlyClient]:
    with sync_client(app, portal) as opened:
        yield opened


@pytest.fixture
async def aclient(app: Any) -> AsyncIterator[AsyncSignlyClient]:
    async with async_client(app) as opened:
        yield opened


@pytest.fixture
def admin(app: Any, portal: BlockingPortal) -> Iterator[SignlyAdminClient]:
    with SignlyAdminClient(
        token=PAGE_ADMIN_TOKEN,
        base_url=BASE_URL,
        httpx_args={"transport": PortalTransport(app, portal)},
    ) as opened:
        yield opened


@pytest.fixture
async def aadmin(app: Any) -> AsyncIterator[AsyncSignlyAdminClient]:
    async with AsyncSignlyAdminClient(
        token=f"Bearer {PAGE_ADMIN_TOKEN}",
        base_url=BASE_URL,
        httpx_args={"transport": httpx.ASGITransport(app=app)},
    ) as opened:
        yield opened
