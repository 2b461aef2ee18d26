"""The request journal (`GET /_sandbox/requests`) and CORS for browser apps."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.config import PAGE_TENANT_ID
from tests.lib.sandbox import BASE_URL, PARTNER_A, PARTNER_B
from tests.lib.workbench import AnswerCheck

pytestmark = pytest.mark.anyio
ORIGIN = "http://localhost:5173"
SIGNLY_HEADERS = "content-type, x-tenant-signly, x-auth-signly, prefer"


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=PARTNER_A
    ) as opened:
        yield opened


async def journal(client: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    response = await client.get("/_sandbox/requests", params=params)
    assert response.status_code == 200, response.text
    entries: list[dict[str, Any]] = response.json()["data"]
    return entries


async def test_the_journal_shows_the_last_request_first(
    client: httpx.AsyncClient, sandbox_spec: dict[str, Any]
) -> None:
    created = await client.post("/v1/templates", json={"templateName": "Journaled"})
    listed = await client.get("/v1/templates", params={"limit": 5})
    entries = await journal(client)
    assert [e["requestId"] for e in entries[:2]] == [
        listed.headers["x-request-id"],
        created.headers["x-request-id"],
    ]
    newest = entries[0]
    assert newest["method"] == "GET" and newest["path"] == "/v1/templates"
    assert (newest["operationId"], newest["status"], newest["query"]) == (
        "list_templates",
        200,
        "limit=5",
    )
    assert newest["code"] is None and newest["errorDetails"] is None
    assert newest["durationMs"] >= 0
    again = await client.get("/_sandbox/requests")
    AnswerCheck(sandbox_spec).check(again)
    assert again.json()["data"][0]["operationId"] == "sandbox_list_requests"


async def test_refused_requests_carry_their_validation_errors(client: httpx.AsyncClient) -> None:
    await client.post("/v1/templates", json={"templateName": ""})
    await client.get("/v1/documents", params={"sort": "creationDate"})
    await client.get("/v1/templates", headers={"X-Auth-Signly": "sk_wrong"})
    await client.get("/v2/nothing")
    entries = await journal(client, limit=4)
    assert [(e["status"], e["code"]) for e in entries] == [
        (404, "not_found"),
        (401, "unauthorized"),
        (400, "bad_request"),
        (400, "validation_error"),
    ]
    assert entries[0]["operationId"] is None
    assert entries[2]["errorDetails"] == {"code": "INVALID_SORT_FIELD", "field": "creationDate"}
    assert "templateName" in entries[3]["errorDetails"]["fields"]


async def test_the_journal_is_per_tenant_filtered_and_bounded(
    config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any]
) -> None:
    app = create_app(dataclasses.replace(config, journal_size=5), blobs=s3, spec=sandbox_spec)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=PARTNER_A
    ) as client:
        for _ in range(4):
            await client.get("/v1/templates")
        await client.get("/v1/documents", headers=PARTNER_B)
        await client.get("/v1/documents")
        assert len(await journal(client, limit=100)) == 5
        only = await journal(client, operationId="list_documents")
        assert len(only) == 1
        other = (await client.get("/_sandbox/requests", headers=PARTNER_B)).json()["data"]
        assert [e["operationId"] for e in other] == ["list_documents"]
        bad = await client.get("/_sandbox/requests", params={"limit": 0})
        assert bad.status_code == 400 and bad.json()["error"]["details"]["field"] == "limit"
        unknown = httpx.Headers({"X-Tenant-Signly": "11111111-1111-4111-8111-111111111111"})
        await client.get("/v1/templates", headers=unknown)  # no such tenant: not journaled
        assert all(e["status"] != 401 for e in await journal(client))


async def test_journal_off_keeps_nothing(
    config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any]
) -> None:
    app = create_app(dataclasses.replace(config, journal=False), blobs=s3, spec=sandbox_spec)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=PARTNER_A
    ) as client:
        await client.get("/v1/templates")
        assert await journal(client) == []


async def test_a_cross_origin_preflight_for_the_signly_headers_is_allowed(
    client: httpx.AsyncClient,
) -> None:
    preflight = await client.options(
        "/v1/templates",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": SIGNLY_HEADERS,
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    allowed = preflight.headers["access-control-allow-headers"].lower()
    for name in ("x-tenant-signly", "x-auth-signly", "content-type", "prefer"):
        assert name in allowed
    simple = await client.get("/v1/templates", headers={"Origin": ORIGIN})
    assert simple.headers["access-control-allow-origin"] == "*"
    assert "X-Request-Id" in simple.headers["access-control-expose-headers"]
    assert simple.json()["meta"]["tenant_id"] == PAGE_TENANT_ID
    plain = await client.get("/v1/templates")
    assert "access-control-allow-origin" not in plain.headers


async def test_cors_origins_can_be_narrowed_or_turned_off(
    config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any]
) -> None:
    narrow = create_app(
        dataclasses.replace(config, cors_origins=(ORIGIN,)), blobs=s3, spec=sandbox_spec
    )
    off = create_app(dataclasses.replace(config, cors_origins=None), blobs=s3, spec=sandbox_spec)
    preflight = {"Access-Control-Request-Method": "GET"}
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=narrow), base_url=BASE_URL, headers=PARTNER_A
    ) as client:
        ok = await client.options("/v1/templates", headers={"Origin": ORIGIN, **preflight})
        assert ok.status_code == 204 and ok.headers["access-control-allow-origin"] == ORIGIN
        other = await client.options(
            "/v1/templates", headers={"Origin": "https://evil.example", **preflight}
        )
        assert other.status_code == 405 and "access-control-allow-origin" not in other.headers
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=off), base_url=BASE_URL, headers=PARTNER_A
    ) as client:
        refused = await client.options("/v1/templates", headers={"Origin": ORIGIN, **preflight})
        assert refused.status_code == 405
        get = await client.get("/v1/templates", headers={"Origin": ORIGIN})
        assert "access-control-allow-origin" not in get.headers
