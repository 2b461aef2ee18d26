"""Client fixtures: a fresh in-process sandbox per test (own store, one moto S3 per session on
a loopback port, reached by the clients' storage httpx client), a portal for the blocking
clients, and clients of the seeded tenant and its administrator. Helpers are in
tests/lib/client.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import anyio.from_thread
import httpx
import pytest
from anyio.from_thread import BlockingPortal
from signly_client import AsyncSignlyAdminClient, AsyncSignlyClient, SignlyAdminClient, SignlyClient

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.config import PAGE_ADMIN_TOKEN
from signly_sandbox.routing import REPO_SPEC, load_spec
from tests.lib.client import BASE_URL, PortalTransport, async_client, sync_client


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
