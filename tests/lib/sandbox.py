"""Helpers of the in-process sandbox tests: the seeded tenants' headers and request builders.

The fixtures that create the app and its clients are in tests/sandbox/conftest.py.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from signly_sandbox.config import (
    PAGE_ADMIN_TOKEN,
    PAGE_API_KEY,
    PAGE_TENANT_ID,
    SECOND_ADMIN_TOKEN,
    SECOND_API_KEY,
    SECOND_TENANT_ID,
)
from signly_sandbox.routing import REPO_SPEC, load_spec
from tests.lib import REPO_ROOT

BASE_URL = "http://sandbox.test"
PARTNER_A = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}
PARTNER_B = {"X-Tenant-Signly": SECOND_TENANT_ID, "X-Auth-Signly": SECOND_API_KEY}
ADMIN_A = {"X-Auth-Signly": f"Bearer {PAGE_ADMIN_TOKEN}"}
ADMIN_B = {"X-Auth-Signly": f"Bearer {SECOND_ADMIN_TOKEN}"}


def build_sandbox_spec() -> dict[str, Any]:
    """The generated sandbox variant; built from spec/ and overlays/ if not generated yet."""
    if REPO_SPEC.is_file():
        return load_spec(REPO_SPEC)
    from scripts.pipeline.overlay import apply_overlay
    from scripts.pipeline.validate_spec import validate_all
    from scripts.pipeline.yamlio import load_yaml

    bundled = validate_all(REPO_ROOT / "spec" / "openapi.yaml")
    variant = apply_overlay(bundled, load_yaml(REPO_ROOT / "overlays" / "sandbox.yaml"))
    plain: dict[str, Any] = json.loads(json.dumps(variant))
    return plain


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
