"""`/api` credential bootstrap (D08, D23) and partner authentication (D10)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.config import PAGE_TENANT_ID, SECOND_TENANT_ID
from tests.lib.sandbox import ADMIN_A, ADMIN_B, BASE_URL, PARTNER_A, PARTNER_B

pytestmark = pytest.mark.anyio


async def test_get_configuration_never_shows_secret(http: httpx.AsyncClient) -> None:
    response = await http.get("/api", headers=ADMIN_A)
    data = response.json()["data"]
    assert response.status_code == 200
    assert data["authMethod"] == "KEY" and data["status"] == "ACTIVE"
    assert "apiKey" not in data and "apiSecret" not in data


async def test_a_second_credential_is_refused_until_the_first_is_revoked(
    http: httpx.AsyncClient,
) -> None:
    refused = await http.post("/api", json={"auth_method": "KEY"}, headers=ADMIN_A)
    assert refused.status_code == 409
    assert refused.json()["code"] == "api_integration_exists"
    assert refused.json()["error"]["type"] == "conflict"
    assert (await http.get("/v1/templates", headers=PARTNER_A)).status_code == 200
    assert (await http.delete("/api", headers=ADMIN_A)).status_code == 200
    created = await http.post("/api", json={"auth_method": "KEY"}, headers=ADMIN_A)
    assert created.status_code == 201
    new_key = created.json()["data"]["apiKey"]
    assert "apiSecret" not in created.json()["data"]
    old = await http.get("/v1/templates", headers=PARTNER_A)
    assert old.status_code == 401
    new = await http.get("/v1/templates", headers={**PARTNER_A, "X-Auth-Signly": new_key})
    assert new.status_code == 200
    fetched = await http.get("/api", headers=ADMIN_A)
    assert "apiKey" not in fetched.json()["data"]


async def test_hmac_credential_accepts_prefixed_and_raw_secret(http: httpx.AsyncClient) -> None:
    assert (await http.delete("/api", headers=ADMIN_A)).status_code == 200
    created = await http.post("/api", json={"auth_method": "HMAC"}, headers=ADMIN_A)
    secret = created.json()["data"]["apiSecret"]
    assert "apiKey" not in created.json()["data"]
    for value in (f"HMAC {secret}", secret):
        response = await http.get("/v1/templates", headers={**PARTNER_A, "X-Auth-Signly": value})
        assert response.status_code == 200
    assert (await http.get("/api", headers=ADMIN_A)).json()["data"]["authMethod"] == "HMAC"


async def test_key_credential_refuses_hmac_prefix(http: httpx.AsyncClient) -> None:
    response = await http.get(
        "/v1/templates", headers={**PARTNER_A, "X-Auth-Signly": "HMAC sk_live_partner_abc123"}
    )
    assert response.status_code == 401


@pytest.mark.parametrize("method", ["JWT", "key", "", 5])
async def test_invalid_auth_method(http: httpx.AsyncClient, method: object) -> None:
    response = await http.post("/api", json={"auth_method": method}, headers=ADMIN_A)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_auth_method"
    assert response.json()["error"] == {
        "type": "validation",
        "details": {"field": "auth_method", "allowed": ["KEY", "HMAC"]},
    }


async def test_missing_auth_method_is_validation_error(http: httpx.AsyncClient) -> None:
    response = await http.post("/api", json={}, headers=ADMIN_A)
    assert response.status_code == 400
    assert response.json()["error"]["details"]["fields"] == {
        "auth_method": ["Missing data for required field."]
    }


async def test_delete_revokes_at_once_then_404(http: httpx.AsyncClient) -> None:
    deleted = await http.delete("/api", headers=ADMIN_A)
    assert deleted.status_code == 200 and deleted.json()["data"] == {"deleted": True}
    assert (await http.get("/v1/templates", headers=PARTNER_A)).status_code == 401
    missing = await http.get("/api", headers=ADMIN_A)
    assert missing.status_code == 404
    assert missing.json()["code"] == "api_integration_not_found"
    assert missing.json()["error"]["details"] == {"resource": "api_integration"}
    assert (await http.delete("/api", headers=ADMIN_A)).status_code == 404


async def test_admin_session_identifies_its_tenant(http: httpx.AsyncClient) -> None:
    response = await http.get("/api", headers=ADMIN_B)
    assert response.json()["data"]["tenantId"] == SECOND_TENANT_ID
    assert response.json()["meta"]["tenant_id"] == SECOND_TENANT_ID


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"X-Auth-Signly": "Bearer unknown-token"}, 401),
        ({"X-Auth-Signly": "eyJhbGciOi..."}, 401),
        ({"X-Auth-Signly": "sk_live_partner_abc123"}, 403),
        (PARTNER_A, 403),
    ],
)
async def test_admin_auth_errors(
    http: httpx.AsyncClient, headers: dict[str, str], status: int
) -> None:
    response = await http.get("/api", headers=headers)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == ("unauthorized" if status == 401 else "forbidden")
    assert body["error"]["type"] == ("authentication" if status == 401 else "authorization")
    assert body["meta"]["tenant_id"] is None


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"X-Tenant-Signly": PAGE_TENANT_ID}, 401),
        ({"X-Auth-Signly": "sk_live_partner_abc123"}, 401),
        ({"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": "wrong"}, 401),
        ({"X-Tenant-Signly": "not-a-uuid", "X-Auth-Signly": "sk_live_partner_abc123"}, 401),
        ({"X-Tenant-Signly": SECOND_TENANT_ID, "X-Auth-Signly": "sk_live_partner_abc123"}, 403),
        ({"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PARTNER_B["X-Auth-Signly"]}, 403),
        ({"X-Tenant-Signly": PAGE_TENANT_ID, **ADMIN_A}, 403),
    ],
)
async def test_partner_auth_errors(
    http: httpx.AsyncClient, headers: dict[str, str], status: int
) -> None:
    response = await http.get("/v1/documents", headers=headers)
    assert response.status_code == status
    assert response.json()["meta"]["tenant_id"] is None


async def test_first_tenant_is_seeded_from_the_environment(
    s3: BlobStore, sandbox_spec: dict[str, Any]
) -> None:
    tenant = "11111111-2222-4333-8444-555555555555"
    config = SandboxConfig.from_env(
        {
            "SIGNLY_TENANT_ID": tenant,
            "SIGNLY_API_KEY": "sk_env_key_0123456789",
            "SIGNLY_ADMIN_TOKEN": "adm",
        }
    )
    app = create_app(config, blobs=s3, spec=sandbox_spec)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL
    ) as client:
        partner = {"X-Tenant-Signly": tenant, "X-Auth-Signly": "sk_env_key_0123456789"}
        assert (await client.get("/v1/templates", headers=partner)).status_code == 200
        admin = await client.get("/api", headers={"X-Auth-Signly": "Bearer adm"})
        assert admin.json()["data"]["tenantId"] == tenant
        assert (await client.get("/v1/templates", headers=PARTNER_A)).status_code == 401
        assert (await client.get("/v1/templates", headers=PARTNER_B)).status_code == 200
