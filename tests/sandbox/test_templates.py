"""Templates, versions (D15, D16, D25), fields (D05) and list pagination (D01)."""

from __future__ import annotations

import httpx
import pytest

from tests.lib.sandbox import PARTNER_A, create_template

pytestmark = pytest.mark.anyio


async def test_create_then_get_latest(tenant_a: httpx.AsyncClient) -> None:
    created = await create_template(tenant_a)
    assert created["version"] == 1
    template_id = created["templateId"]
    fetched = await tenant_a.get(f"/v1/templates/{template_id}")
    data = fetched.json()["data"]
    assert data["templateVersion"] == f"{template_id}#0001"
    assert data["fields"] == []
    assert data["description"] == "Version comercial vigente"


async def test_put_creates_next_version_with_copied_fields(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    fields = [
        {"fieldName": "FIRMA_CLIENTE", "fieldType": "SIGNATURE", "page": 1, "x": 124, "y": 566}
    ]
    put_fields = await tenant_a.put(f"/v1/templates/{template_id}/fields", json=fields)
    # The PUT answer is the documented one; the coordinates come back from GET.
    assert put_fields.json()["data"] == [
        {"fieldName": "FIRMA_CLIENTE", "fieldType": "SIGNATURE", "page": 1}
    ]
    updated = await tenant_a.put(
        f"/v1/templates/{template_id}", json={"templateName": "Acuerdo", "description": "v2"}
    )
    assert updated.status_code == 200
    assert updated.json()["data"]["version"] == 2
    assert updated.json()["data"]["templateVersion"] == f"{template_id}#0002"
    got_fields = await tenant_a.get(f"/v1/templates/{template_id}/fields")
    assert got_fields.json()["data"] == fields
    history = await tenant_a.get(f"/v1/templates/{template_id}/history")
    assert [v["version"] for v in history.json()["data"]] == [1, 2]
    v1 = await tenant_a.get(f"/v1/templates/{template_id}/versions/1")
    assert v1.json()["data"]["templateName"] == "Acuerdo de servicio"


async def test_delete_version_rules(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    only = await tenant_a.delete(f"/v1/templates/{template_id}/versions/1")
    assert only.status_code == 409 and only.json()["code"] == "last_version"
    await tenant_a.put(f"/v1/templates/{template_id}", json={"templateName": "v2"})
    deleted = await tenant_a.delete(f"/v1/templates/{template_id}/versions/2")
    assert deleted.json()["data"] == {"deleted": True}
    assert (await tenant_a.get(f"/v1/templates/{template_id}")).json()["data"]["version"] == 1
    gone = await tenant_a.get(f"/v1/templates/{template_id}/versions/2")
    assert gone.status_code == 404
    assert gone.json()["error"]["details"] == {"templateId": template_id, "version": 2}
    again = await tenant_a.put(f"/v1/templates/{template_id}", json={"templateName": "v3"})
    assert again.json()["data"]["version"] == 3, "version numbers are never reused"


async def test_delete_template(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    deleted = await tenant_a.delete(f"/v1/templates/{template_id}")
    assert deleted.status_code == 200 and deleted.json()["data"] is None
    missing = await tenant_a.get(f"/v1/templates/{template_id}")
    assert missing.status_code == 404
    assert missing.json()["error"]["details"] == {"templateId": template_id}


@pytest.mark.parametrize(
    "path",
    [
        "/v1/templates/not-a-uuid",
        "/v1/templates/3f34581a-5b4a-4068-ab72-5f2b36611fa1",
        "/v1/templates/3f34581a-5b4a-4068-ab72-5f2b36611fa1/history",
        "/v1/templates/3f34581a-5b4a-4068-ab72-5f2b36611fa1/fields",
        "/v1/templates/3f34581a-5b4a-4068-ab72-5f2b36611fa1/versions/1",
    ],
)
async def test_unknown_or_malformed_template_is_404(tenant_a: httpx.AsyncClient, path: str) -> None:
    response = await tenant_a.get(path)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("version", ["0", "10000", "abc", "1.5"])
async def test_a_malformed_version_in_the_path_is_404(
    tenant_a: httpx.AsyncClient, version: str
) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    response = await tenant_a.get(f"/v1/templates/{template_id}/versions/{version}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert {k: str(v) for k, v in response.json()["error"]["details"].items()} == {
        "version": version
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"templateName": ""}, "templateName"),
        ({"templateName": "   "}, "templateName"),
        ({"templateName": "x" * 201}, "templateName"),
        ({"templateName": "ok", "description": "d" * 2001}, "description"),
        ({"templateName": "ok", "other": 1}, "other"),
        ({"templateName": 5}, "templateName"),
    ],
)
async def test_template_body_validation(
    tenant_a: httpx.AsyncClient, body: dict[str, object], field: str
) -> None:
    response = await tenant_a.post("/v1/templates", json=body)
    assert response.status_code == 400
    assert field in response.json()["error"]["details"]["fields"]


async def test_fields_validation_nests_item_index(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    response = await tenant_a.put(
        f"/v1/templates/{template_id}/fields",
        json=[{"fieldName": "A", "fieldType": "TEXT"}, {"fieldName": "B", "page": 0}],
    )
    assert response.json()["error"]["details"]["fields"] == {
        "1": {
            "fieldType": ["Missing data for required field."],
            "page": ["Must be greater than or equal to 1."],
        }
    }


async def test_list_templates_paginates_with_cursor(tenant_a: httpx.AsyncClient) -> None:
    ids = [(await create_template(tenant_a, f"T{i}"))["templateId"] for i in range(5)]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": "2", "sort": "createdAt", **({"cursor": cursor} if cursor else {})}
        page = (await tenant_a.get("/v1/templates", params=params)).json()
        seen += [t["templateId"] for t in page["data"]]
        assert page["pagination"]["limit"] == 2
        cursor = page["pagination"]["nextCursor"]
        assert page["pagination"]["hasMore"] is (cursor is not None)
        if cursor is None:
            break
    assert seen == ids
    newest = (await tenant_a.get("/v1/templates", params={"limit": 1})).json()
    assert newest["data"][0]["templateId"] == ids[-1], "default sort is -createdAt"
    assert newest["data"][0]["templateName"] == "T4"


@pytest.mark.parametrize(
    ("query", "code", "field"),
    [
        ("sort=creationDate", "INVALID_SORT_FIELD", "creationDate"),
        ("limit=0", "INVALID_LIMIT", "limit"),
        ("limit=101", "INVALID_LIMIT", "limit"),
        ("limit=ten", "INVALID_LIMIT", "limit"),
        ("cursor=%21%21%21", "INVALID_CURSOR", "cursor"),
    ],
)
async def test_list_templates_query_errors(
    tenant_a: httpx.AsyncClient, query: str, code: str, field: str
) -> None:
    response = await tenant_a.get(f"/v1/templates?{query}")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    assert response.json()["error"] == {
        "type": "validation",
        "details": {"code": code, "field": field},
    }


async def test_page_examples_headers_on_template_create(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/v1/templates",
        headers={**PARTNER_A, "Content-Type": "application/json"},
        content=(
            b'{ "templateName": "Acuerdo de servicio", "description": "Version comercial vigente" }'
        ),
    )
    assert response.status_code == 201
    assert response.json()["code"] == "template_created"


async def test_concurrent_puts_over_http_create_each_version_once(
    tenant_a: httpx.AsyncClient,
) -> None:
    import asyncio

    template_id = (await create_template(tenant_a))["templateId"]
    responses = await asyncio.gather(
        *[
            tenant_a.put(f"/v1/templates/{template_id}", json={"templateName": f"v{i}"})
            for i in range(20)
        ]
    )
    assert sorted(r.json()["data"]["version"] for r in responses) == list(range(2, 22))
    history = (await tenant_a.get(f"/v1/templates/{template_id}/history")).json()["data"]
    assert [v["version"] for v in history] == list(range(1, 22))
