"""Sandbox fixtures: one S3 (moto behind the presign gate) per session, a fresh in-memory
app per test, and clients whose every response is checked against the spec."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import ManualClock
from signly_sandbox.config import (
    PAGE_ADMIN_TOKEN,
    PAGE_API_KEY,
    PAGE_TENANT_ID,
    SECOND_ADMIN_TOKEN,
    SECOND_API_KEY,
    SECOND_TENANT_ID,
)
from signly_sandbox.routing import REPO_SPEC, load_spec
from tests.sandbox.conformance import ResponseConformance

ROOT = Path(__file__).resolve().parents[2]
BASE_URL = "http://sandbox.test"
PARTNER_A = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}
PARTNER_B = {"X-Tenant-Signly": SECOND_TENANT_ID, "X-Auth-Signly": SECOND_API_KEY}
ADMIN_A = {"X-Auth-Signly": f"Bearer {PAGE_ADMIN_TOKEN}"}
ADMIN_B = {"X-Auth-Signly": f"Bearer {SECOND_ADMIN_TOKEN}"}


def _build_sandbox_spec() -> dict[str, Any]:
    """The generated sandbox variant; built from spec/ and overlays/ if not generated yet."""
    if REPO_SPEC.is_file():
        return load_spec(REPO_SPEC)
    from scripts.pipeline.overlay import apply_overlay
    from scripts.pipeline.validate_spec import validate_all
    from scripts.pipeline.yamlio import load_yaml

    bundled = validate_all(ROOT / "spec" / "openapi.yaml")
    variant = apply_overlay(bundled, load_yaml(ROOT / "overlays" / "sandbox.yaml"))
    plain: dict[str, Any] = json.loads(json.dumps(variant))
    return plain


@pytest.fixture(scope="session")
def sandbox_spec() -> dict[str, Any]:
    return _build_sandbox_spec()


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


async def create_template(
    client: httpx.AsyncClient,
    name: str = "Acuerdo de servicio",
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    response = await client.post(
        "/v1/templates",
        json={"templateName": name, "description": "Version comercial vigente"},
        headers=headers or PARTNER_A,
    )
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def participant(name: str = "Juan David Otero", **identity: str) -> dict[str, Any]:
    return {
        "displayName": name,
        "signatureMode": ["SIGNATURE_EMAIL"],
        "identity": {"email": "juanoterot@outlook.com", **identity},
        "policy": {"attemptsMax": 3, "cooldownSeconds": 60},
    }


async def publish(
    client: httpx.AsyncClient,
    template_id: str,
    *,
    participants: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> httpx.Response:
    body = {
        "templateId": template_id,
        "templateVersion": "0001",
        "participants": [participant()] if participants is None else participants,
        "orderMode": "PARALLEL",
        **extra,
    }
    return await client.post("/v1/documents", json=body, headers=headers or PARTNER_A)


async def published(client: httpx.AsyncClient, **extra: Any) -> dict[str, Any]:
    """A new template and a document published from it."""
    template = await create_template(client)
    response = await publish(client, template["templateId"], **extra)
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data
