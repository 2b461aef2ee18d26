"""How the app is assembled: routes and handlers from the spec, replaceable parts, and list
latency that stays flat as a tenant's documents grow (keyset pagination on an index)."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import ManualClock, format_timestamp
from signly_sandbox.errors import Conflict
from signly_sandbox.handlers import HANDLERS, Call, Reply, Services
from signly_sandbox.routing import MissingHandlers
from signly_sandbox.store import Store
from tests.lib.sandbox import BASE_URL, PARTNER_A

pytestmark = pytest.mark.anyio


def test_every_spec_operation_has_a_handler(sandbox_spec: dict[str, Any]) -> None:
    operation_ids = {
        op["operationId"]
        for item in sandbox_spec["paths"].values()
        for method, op in item.items()
        if method in ("get", "put", "post", "delete")
    }
    assert len(operation_ids) == 39
    assert operation_ids == set(HANDLERS)


def test_startup_fails_without_a_handler(
    config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any]
) -> None:
    handlers = {k: v for k, v in HANDLERS.items() if k != "get_document_summary"}
    with pytest.raises(MissingHandlers, match="get_document_summary"):
        create_app(config, blobs=s3, spec=sandbox_spec, handlers=handlers)


async def test_variants_swap_a_handler_or_the_store_class(
    config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any]
) -> None:
    async def wrong_code(services: Services, call: Call) -> Reply:
        return Reply(200, "templates_listed", "Templates listed.", [], None)

    class FrozenTemplates(Store):
        def create_template(
            self, tenant_id: str, name: str, description: str | None
        ) -> dict[str, Any]:
            raise Conflict("Templates are frozen.", code="frozen")

    app = create_app(
        config,
        blobs=s3,
        spec=sandbox_spec,
        store_class=FrozenTemplates,
        handlers={**HANDLERS, "list_documents": wrong_code},
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL
    ) as client:
        listed = await client.get("/v1/documents", headers=PARTNER_A)
        assert listed.json()["code"] == "templates_listed"
        frozen = await client.post("/v1/templates", json={"templateName": "x"}, headers=PARTNER_A)
        assert frozen.status_code == 409 and frozen.json()["code"] == "frozen"


async def test_unexpected_exception_is_a_logged_500_envelope(
    config: SandboxConfig,
    s3: BlobStore,
    sandbox_spec: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(services: Services, call: Call) -> Reply:
        raise RuntimeError("boom")

    app = create_app(
        config, blobs=s3, spec=sandbox_spec, handlers={**HANDLERS, "list_templates": broken}
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL
    ) as client:
        response = await client.get("/v1/templates", headers=PARTNER_A)
    assert response.status_code == 500
    assert response.json()["code"] == "internal_error"
    assert "boom" not in response.text
    assert "boom" in caplog.text


def _fill(store: Store, tenant_id: str, count: int) -> None:
    """Bulk rows straight into the table: 100k documents through the API would take minutes."""
    base = time.time()
    statuses = ("CREATED", "IN_PROGRESS", "COMPLETED")
    rows = []
    for i in range(count):
        created = format_timestamp(datetime.fromtimestamp(base + i, UTC))
        row = (str(uuid.uuid4()), tenant_id, str(uuid.uuid4()), 1, statuses[i % 3], "PARALLEL")
        rows.append((*row, None, None, None, created, created))
    with store._write() as db:
        db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _median_list_time(store: Store, tenant_id: str, **query: Any) -> float:
    timings = []
    cursor = None
    for _ in range(30):
        began = time.perf_counter()
        page = store.list_documents(tenant_id, limit=20, descending=True, cursor=cursor, **query)
        timings.append(time.perf_counter() - began)
        cursor = page.next_cursor
    return sorted(timings)[len(timings) // 2]


def test_list_latency_is_flat_from_1k_to_100k_documents() -> None:
    clock = ManualClock()
    small, large = Store(clock), Store(clock)
    tenant = "58bff266-cdad-46db-b373-1b06476146cd"
    _fill(small, tenant, 1_000)
    _fill(large, tenant, 100_000)
    _fill(large, "7c1d4a52-2f6e-4b8a-9d3c-5e7f8a9b0c1d", 1_000)
    for query in ({"status": None}, {"status": "COMPLETED"}):
        fast = _median_list_time(small, tenant, **query)
        slow = _median_list_time(large, tenant, **query)
        assert slow < max(5 * fast, 0.002), (query, fast, slow)
    plan = " ".join(
        str(row[3])
        for row in large._db.execute(
            "EXPLAIN QUERY PLAN SELECT document_id FROM documents INDEXED BY documents_by_tenant "
            "WHERE tenant_id = ? AND (created_at, document_id) < (?, ?) "
            "ORDER BY created_at DESC, document_id DESC LIMIT 21",
            (tenant, "z", "z"),
        )
    )
    assert "INDEX documents_by_tenant (tenant_id=? AND (created_at" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
