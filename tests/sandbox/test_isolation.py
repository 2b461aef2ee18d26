"""No tenant ever sees or touches another tenant's data."""

from __future__ import annotations

import httpx
import pytest

from tests.lib.sandbox import PARTNER_A, PARTNER_B, published

pytestmark = pytest.mark.anyio


async def test_tenant_b_sees_nothing_of_tenant_a(http: httpx.AsyncClient) -> None:
    document = await published(http)
    template_id = document["templateId"]
    doc_id = document["documentId"]
    person = document["participants"][0]
    for path in (
        f"/v1/templates/{template_id}",
        f"/v1/templates/{template_id}/history",
        f"/v1/templates/{template_id}/fields",
        f"/v1/templates/{template_id}/versions/1",
        f"/v1/templates/{template_id}/versions/1/download-url",
        f"/v1/documents/{doc_id}",
        f"/v1/documents/{doc_id}/summary",
        f"/v1/events/{person['processId']}",
    ):
        assert (await http.get(path, headers=PARTNER_B)).status_code == 404, path
    writes = [
        http.put(f"/v1/templates/{template_id}", json={"templateName": "x"}, headers=PARTNER_B),
        http.put(f"/v1/templates/{template_id}/fields", json=[], headers=PARTNER_B),
        http.post(f"/v1/templates/{template_id}/versions/1/upload-url", headers=PARTNER_B),
        http.delete(f"/v1/templates/{template_id}/versions/1", headers=PARTNER_B),
        http.delete(f"/v1/templates/{template_id}", headers=PARTNER_B),
        http.post(
            f"/v1/documents/{doc_id}/extend",
            json={"newDeadlineAt": "2099-01-01T00:00:00Z"},
            headers=PARTNER_B,
        ),
        http.delete(f"/v1/documents/{doc_id}/cancel", headers=PARTNER_B),
        http.post(
            f"/v1/documents/{doc_id}/participants/{person['participantId']}/resend",
            headers=PARTNER_B,
        ),
        http.post(
            f"/_sandbox/documents/{doc_id}/participants/{person['participantId']}/sign",
            headers=PARTNER_B,
        ),
        http.post(f"/_sandbox/documents/{doc_id}/expire", headers=PARTNER_B),
    ]
    for write in writes:
        assert (await write).status_code == 404
    publish_from_a = await http.post(
        "/v1/documents",
        json={
            "templateId": template_id,
            "templateVersion": "0001",
            "orderMode": "PARALLEL",
            "participants": [
                {
                    "displayName": "X",
                    "signatureMode": ["SIGNATURE_SMS"],
                    "identity": {"phone": "+573217597071"},
                }
            ],
        },
        headers=PARTNER_B,
    )
    assert publish_from_a.status_code == 404
    assert (await http.get("/v1/documents", headers=PARTNER_B)).json()["data"] == []
    assert (await http.get("/v1/templates", headers=PARTNER_B)).json()["data"] == []
    await http.post("/_sandbox/reset", headers=PARTNER_B)
    still = await http.get(f"/v1/documents/{doc_id}", headers=PARTNER_A)
    assert still.json()["data"]["status"] == "CREATED", "B's reset left A's data alone"
