"""Real resources to aim requests at, so a refusal is about the request, not a missing id."""

from __future__ import annotations

from typing import Any

import httpx

from tests.lib.drills import Tenant

PARTICIPANT = {
    "displayName": "Juan David Otero",
    "signatureMode": ["SIGNATURE_EMAIL"],
    "identity": {"email": "juanoterot@outlook.com"},
    "policy": {"attemptsMax": 3, "cooldownSeconds": 60},
}
FUTURE = "2099-01-01T00:00:00Z"

# A valid body for every operation that takes one, so only what a drill breaks is wrong.
BODIES: dict[str, Any] = {
    "create_api_integration": {"auth_method": "KEY"},
    "create_template": {"templateName": "Drill template", "description": "drill"},
    "update_template": {"templateName": "Drill template v2"},
    "set_template_fields": [
        {"fieldName": "signature", "fieldType": "SIGNATURE", "page": 1, "x": 1, "y": 2}
    ],
    "extend_document_deadline": {"newDeadlineAt": FUTURE},
}


def publish_body(template_id: str) -> dict[str, Any]:
    return {
        "templateId": template_id,
        "templateVersion": "0001",
        "participants": [PARTICIPANT],
        "orderMode": "PARALLEL",
        "metadata": {"drill": True},
    }


def body_for(operation_id: str, ids: dict[str, str]) -> Any:
    if operation_id == "publish_document":
        return publish_body(ids["templateId"])
    return BODIES.get(operation_id)


def make_ids(client: httpx.Client, tenant: Tenant) -> dict[str, str]:
    """A template (with fields) and a document of `tenant`: values for every path parameter."""
    created = client.post("/v1/templates", json=BODIES["create_template"], headers=tenant.partner())
    assert created.status_code == 201, created.text
    template_id = created.json()["data"]["templateId"]
    published = client.post(
        "/v1/documents", json=publish_body(template_id), headers=tenant.partner()
    )
    assert published.status_code == 201, published.text
    document = published.json()["data"]
    participant = document["participants"][0]
    return {
        "templateId": template_id,
        "version": "1",
        "documentId": document["documentId"],
        "participantId": participant["participantId"],
        "processId": participant["processId"],
    }


def fill(path: str, ids: dict[str, str]) -> str:
    for name, value in ids.items():
        path = path.replace("{" + name + "}", value)
    return path


def snapshot(client: httpx.Client, tenant: Tenant) -> dict[str, Any]:
    """Everything a refused write could have touched, as the tenant's own reads show it."""
    headers = tenant.partner()
    state: dict[str, Any] = {}
    templates = client.get("/v1/templates", params={"limit": 100}, headers=headers).json()["data"]
    state["templates"] = templates
    for item in templates:
        template_id = item["templateId"]
        state[template_id] = [
            client.get(f"/v1/templates/{template_id}/history", headers=headers).json()["data"],
            client.get(f"/v1/templates/{template_id}/fields", headers=headers).json()["data"],
        ]
    documents = client.get("/v1/documents", params={"limit": 100}, headers=headers).json()["data"]
    state["documents"] = [
        client.get(f"/v1/documents/{item['documentId']}", headers=headers).json()["data"]
        for item in documents
    ]
    api = client.get("/api", headers=tenant.admin()).json()
    state["api"] = api["data"]
    return state
