"""Sandbox fixtures: one S3 (moto behind the presign gate) per session, a fresh in-memory
app per test, and clients whose every response is checked against the spec. Headers and
request helpers are in tests/lib/sandbox.py."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import ManualClock
from tests.lib.sandbox import BASE_URL, PARTNER_A, build_sandbox_spec
from tests.sandbox.conformance import ResponseConformance


@pytest.fixture(scope="session")
def sandbox_spec() -> dict[str, Any]:
    return build_sandbox_spec()


@pytest.fixture(scope="session")
def conformance(sandbox_spec: dict[str, Any]) -> ResponseConformance:
    return ResponseConformance(sandbox_spec)


@pytest.fixture(scope="session")
def config() -> SandboxConfig:
    return SandboxConfig(credits=50, webhook_backoff_seconds=0.01, webhook_attempts=3)


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


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def app(
    config: SandboxConfig, clock: ManualClock, s3: BlobStore, sandbox_spec: dict[str, Any]
) -> Any:
    return create_app(config, clock=clock, blobs=s3, spec=sandbox_spec)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def http(app: Any, conformance: ResponseConformance) -> AsyncIterator[httpx.AsyncClient]:
    """A client with no default credentials; every response is checked against the spec."""

    async def check(response: httpx.Response) -> None:
        await response.aread()
        conformance.check(response)

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=BASE_URL, event_hooks={"response": [check]}
    ) as client:
        yield client


@pytest.fixture
async def tenant_a(http: httpx.AsyncClient) -> httpx.AsyncClient:
    http.headers.update(PARTNER_A)
    return http
