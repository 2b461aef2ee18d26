"""The envelope on every response, and the router-level and body-level errors."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.lib.sandbox import ADMIN_A, PARTNER_A

pytestmark = pytest.mark.anyio


async def test_page_curl_examples_work_verbatim(http: httpx.AsyncClient) -> None:
    response = await http.get("/api", headers={"X-Auth-Signly": "Bearer eyJhbGciOi..."})
    assert response.status_code == 200
    body = response.json()
    assert body["data"]["tenantId"] == "58bff266-cdad-46db-b373-1b06476146cd"
    headers = {
        "X-Tenant-Signly": "58bff266-cdad-46db-b373-1b06476146cd",
        "X-Auth-Signly": "sk_live_partner_abc123",
    }
    listed = await http.get("/v1/documents?limit=10&sort=-createdAt", headers=headers)
    assert listed.status_code == 200
    assert listed.json()["code"] == "documents_listed"


async def test_envelope_and_unique_request_ids(http: httpx.AsyncClient) -> None:
    ids = set()
    for _ in range(5):
        response = await http.get("/v1/templates", headers=PARTNER_A)
        body = response.json()
        assert set(body) == {
            "success",
            "status",
            "code",
            "message",
            "data",
            "pagination",
            "meta",
            "error",
        }
        assert body["meta"]["api_version"] == "v1"
        assert body["meta"]["tenant_id"] == PARTNER_A["X-Tenant-Signly"]
        assert response.headers["X-Request-Id"] == body["meta"]["request_id"]
        ids.add(body["meta"]["request_id"])
    assert len(ids) == 5


async def test_unknown_route_is_404_envelope(http: httpx.AsyncClient) -> None:
    response = await http.get("/v2/nothing")
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "not_found"
    assert response.json()["meta"]["tenant_id"] is None


async def test_wrong_method_is_405_with_complete_allow(http: httpx.AsyncClient) -> None:
    response = await http.patch("/api", headers=ADMIN_A)
    assert response.status_code == 405
    allowed = {m.strip() for m in response.headers["Allow"].split(",")}
    assert {"GET", "POST", "DELETE"} <= allowed
    assert response.json()["code"] == "method_not_allowed"


async def test_wrong_content_type_is_415(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/v1/templates",
        content=b"templateName=x",
        headers={**PARTNER_A, "Content-Type": "text/plain"},
    )
    assert response.status_code == 415
    assert response.json()["error"]["details"] == {"contentType": "text/plain"}


async def test_malformed_json_is_400(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/v1/templates",
        content=b'{"templateName": ',
        headers={**PARTNER_A, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error"
    assert "_schema" in response.json()["error"]["details"]["fields"]


async def test_body_over_one_mib_is_413(http: httpx.AsyncClient) -> None:
    big = b'{"templateName": "' + b"x" * (1024 * 1024) + b'"}'
    response = await http.post(
        "/v1/templates", content=big, headers={**PARTNER_A, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


async def test_chunked_body_over_one_mib_is_413(http: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"templateName": "'
        for _ in range(17):
            yield b"x" * 65536
        yield b'"}'

    response = await http.post(
        "/v1/templates", content=chunks(), headers={**PARTNER_A, "Content-Type": "application/json"}
    )
    assert response.status_code == 413


async def test_missing_required_field_names_it(http: httpx.AsyncClient) -> None:
    response = await http.post("/v1/templates", json={"description": "x"}, headers=PARTNER_A)
    assert response.status_code == 400
    assert response.json()["error"]["details"] == {
        "fields": {"templateName": ["Missing data for required field."]}
    }


@pytest.mark.parametrize("raw", [b'{"templateName": NaN}', b'{"templateName": "x", "n": 1e999}'])
async def test_json_the_envelope_could_not_write_back_is_refused(
    http: httpx.AsyncClient, raw: bytes
) -> None:
    response = await http.post(
        "/v1/templates", content=raw, headers={**PARTNER_A, "Content-Type": "application/json"}
    )
    assert response.status_code == 400


async def test_huge_integer_in_metadata_never_breaks_a_later_read(http: httpx.AsyncClient) -> None:
    template = (
        await http.post("/v1/templates", json={"templateName": "T"}, headers=PARTNER_A)
    ).json()["data"]
    body = (
        f'{{"templateId": "{template["templateId"]}", "templateVersion": "0001", '
        '"orderMode": "PARALLEL", "participants": [{"displayName": "A", '
        '"signatureMode": ["SIGNATURE_SMS"], "identity": {"phone": "+573217597071"}}], '
        f'"metadata": {{"n": {2**70}}}}}'
    )
    response = await http.post(
        "/v1/documents",
        content=body.encode(),
        headers={**PARTNER_A, "Content-Type": "application/json"},
    )
    assert response.status_code == 201
    fetched = await http.get(
        f"/v1/documents/{response.json()['data']['documentId']}", headers=PARTNER_A
    )
    assert fetched.status_code == 200
    assert fetched.json()["data"]["metadata"]["n"] == float(2**70)
