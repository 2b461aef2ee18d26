"""Load drill: N concurrent clients over two tenants send a fixed number of requests spread
over all 23 operations. Zero 5xx; zero cross-tenant reads (another tenant's ids are 404, a
listing shows only the caller's own resources, `meta.tenant_id` is always the caller); every
resource created is readable afterwards; the template versions handed out are unique and
gapless (D15).

Every outcome is predictable despite the concurrency: resources a client deletes or cancels
are set aside for that one client (nobody else reads them meanwhile), and rotating a tenant's
credential (POST/DELETE /api) waits for that tenant's requests in flight and holds new ones.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from signly_sandbox.process import Server
from tests.drills.resources import BODIES, FUTURE, publish_body
from tests.lib.drills import FIGURES, DrillSize, Tenant

pytestmark = pytest.mark.slow


class Gate:
    """Readers-writer lock: partner requests share it, a credential rotation has it alone."""

    def __init__(self) -> None:
        self._readers = 0
        self._writer = False
        self._changed = asyncio.Condition()

    @asynccontextmanager
    async def shared(self) -> AsyncIterator[None]:
        async with self._changed:
            await self._changed.wait_for(lambda: not self._writer)
            self._readers += 1
        try:
            yield
        finally:
            async with self._changed:
                self._readers -= 1
                self._changed.notify_all()

    @asynccontextmanager
    async def alone(self) -> AsyncIterator[None]:
        async with self._changed:
            await self._changed.wait_for(lambda: not self._writer and not self._readers)
            self._writer = True
        try:
            yield
        finally:
            async with self._changed:
                self._writer = False
                self._changed.notify_all()


@dataclass
class TemplateState:
    versions: list[int] = field(default_factory=lambda: [1])
    deleted_versions: set[int] = field(default_factory=set)
    fields: Any = None


@dataclass
class World:
    """One tenant as the drill knows it: what it created and what it set aside."""

    tenant: Tenant
    gate: Gate = field(default_factory=Gate)
    templates: dict[str, TemplateState] = field(default_factory=dict)
    doomed: list[str] = field(default_factory=list)
    deleted_templates: set[str] = field(default_factory=set)
    documents: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    open_documents: list[str] = field(default_factory=list)
    to_cancel: list[str] = field(default_factory=list)
    cancelled: set[str] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)
    existing: set[str] = field(default_factory=set)


@dataclass
class Tally:
    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    operations: Counter[str] = field(default_factory=Counter)
    cross_tenant_probes: int = 0
    problems: list[str] = field(default_factory=list)


class Drill:
    def __init__(self, client: httpx.AsyncClient, worlds: list[World], budget: int) -> None:
        self.client = client
        self.worlds = worlds
        self.budget = budget
        self.tally = Tally()

    async def call(
        self,
        world: World,
        label: str,
        method: str,
        url: str,
        expected: int,
        *,
        body: Any = None,
        headers: dict[str, str] | None = None,
        admin: bool = False,
        gated: bool = True,
    ) -> Any:
        """One request; returns `data` when the status is the expected one."""
        self.tally.sent += 1
        self.tally.operations[label] += 1
        if gated:
            async with world.gate.shared():
                default = world.tenant.admin() if admin else world.tenant.partner()
                response = await self.client.request(
                    method, url, json=body, headers=headers or default
                )
        else:
            response = await self.client.request(
                method, url, json=body, headers=headers or world.tenant.admin()
            )
        self.tally.statuses[response.status_code] += 1
        payload = response.json()
        if response.status_code != expected:
            self.tally.problems.append(
                f"{label} {url}: HTTP {response.status_code}, expected {expected}: "
                f"{response.text[:200]}"
            )
            return None
        meta_tenant = payload["meta"]["tenant_id"]
        if response.status_code < 400 and meta_tenant != world.tenant.tenant_id:
            self.tally.problems.append(f"{label}: meta.tenant_id {meta_tenant}")
        return payload["data"]

    # -- operations: each picks its target in the caller's world ----------------------

    async def create_template(self, world: World, rng: random.Random) -> None:
        data = await self.call(
            world, "create_template", "POST", "/v1/templates", 201, body=BODIES["create_template"]
        )
        if data is not None:
            template_id = data["templateId"]
            if rng.random() < 0.2:
                world.doomed.append(template_id)
            else:
                world.templates[template_id] = TemplateState()

    async def template_lifecycle(self, world: World, rng: random.Random) -> None:
        """A doomed template: new version, delete version 1, delete template, then 404."""
        if not world.doomed:
            return await self.create_template(world, rng)
        template_id = world.doomed.pop()
        base = f"/v1/templates/{template_id}"
        data = await self.call(
            world, "update_template", "PUT", base, 200, body=BODIES["update_template"]
        )
        if data is None or data["version"] != 2:
            self.tally.problems.append(f"doomed template {template_id}: version {data}")
        await self.call(world, "delete_template_version", "DELETE", f"{base}/versions/1", 200)
        await self.call(world, "delete_template", "DELETE", base, 200)
        await self.call(world, "get_template", "GET", base, 404)
        world.deleted_templates.add(template_id)
        return None

    def _template(self, world: World, rng: random.Random) -> tuple[str, TemplateState] | None:
        if not world.templates:
            return None
        template_id = rng.choice(list(world.templates))
        return template_id, world.templates[template_id]

    async def update_template(self, world: World, rng: random.Random) -> None:
        picked = self._template(world, rng)
        if picked is None:
            return await self.create_template(world, rng)
        template_id, state = picked
        data = await self.call(
            world,
            "update_template",
            "PUT",
            f"/v1/templates/{template_id}",
            200,
            body=BODIES["update_template"],
        )
        if data is not None:
            state.versions.append(data["version"])
        return None

    async def template_reads(self, world: World, rng: random.Random) -> None:
        picked = self._template(world, rng)
        if picked is None:
            return await self.create_template(world, rng)
        template_id, state = picked
        base = f"/v1/templates/{template_id}"
        version = rng.choice(state.versions)
        label, method, url, expected = rng.choice(
            [
                ("get_template", "GET", base, 200),
                ("list_template_history", "GET", f"{base}/history", 200),
                ("get_template_version", "GET", f"{base}/versions/{version}", 200),
                ("list_template_fields", "GET", f"{base}/fields", 200),
                ("create_template_upload_url", "POST", f"{base}/versions/1/upload-url", 200),
                ("get_template_download_url", "GET", f"{base}/versions/1/download-url", 200),
            ]
        )
        data = await self.call(world, label, method, url, expected)
        single = label in ("get_template", "get_template_version") and data is not None
        if single and data["templateId"] != template_id:
            self.tally.problems.append(f"{label} {template_id} answered {data['templateId']}")
        return None

    async def set_fields(self, world: World, rng: random.Random) -> None:
        picked = self._template(world, rng)
        if picked is None:
            return await self.create_template(world, rng)
        template_id, _ = picked
        await self.call(
            world,
            "set_template_fields",
            "PUT",
            f"/v1/templates/{template_id}/fields",
            200,
            body=BODIES["set_template_fields"],
        )
        return None

    async def list_templates(self, world: World, rng: random.Random) -> None:
        data = await self.call(
            world, "list_templates", "GET", "/v1/templates?limit=100&sort=-createdAt", 200
        )
        world.listed.update(item["templateId"] for item in data or [])

    async def publish(self, world: World, rng: random.Random) -> None:
        picked = self._template(world, rng)
        if picked is None:
            return await self.create_template(world, rng)
        data = await self.call(
            world, "publish_document", "POST", "/v1/documents", 201, body=publish_body(picked[0])
        )
        if data is not None:
            document_id = data["documentId"]
            if rng.random() < 0.2:
                world.to_cancel.append(document_id)
            else:
                world.open_documents.append(document_id)
            world.documents[document_id] = [
                {"participantId": p["participantId"], "processId": p["processId"]}
                for p in data["participants"]
            ]
        return None

    def _document(self, world: World, rng: random.Random) -> str | None:
        return rng.choice(world.open_documents) if world.open_documents else None

    async def document_ops(self, world: World, rng: random.Random) -> None:
        document_id = self._document(world, rng)
        if document_id is None:
            return await self.publish(world, rng)
        base = f"/v1/documents/{document_id}"
        participant = world.documents[document_id][0]
        label, method, url, expected, body = rng.choice(
            [
                ("get_document", "GET", base, 200, None),
                ("get_document_summary", "GET", f"{base}/summary", 200, None),
                ("list_process_events", "GET", f"/v1/events/{participant['processId']}", 200, None),
                (
                    "extend_document_deadline",
                    "POST",
                    f"{base}/extend",
                    200,
                    {"newDeadlineAt": FUTURE},
                ),
                (
                    "resend_invitation",
                    "POST",
                    f"{base}/participants/{participant['participantId']}/resend",
                    200,
                    None,
                ),
            ]
        )
        data = await self.call(world, label, method, url, expected, body=body)
        if label == "get_document" and data is not None and data["documentId"] != document_id:
            self.tally.problems.append(f"get_document {document_id} answered {data['documentId']}")
        return None

    async def cancel(self, world: World, rng: random.Random) -> None:
        if not world.to_cancel:
            return await self.publish(world, rng)
        document_id = world.to_cancel.pop()
        data = await self.call(
            world, "cancel_document", "DELETE", f"/v1/documents/{document_id}/cancel", 200
        )
        if data is not None:
            world.cancelled.add(document_id)
        return None

    async def list_documents(self, world: World, rng: random.Random) -> None:
        query = rng.choice(["?limit=100", "?limit=50&status=CREATED", "?sort=createdAt&limit=20"])
        data = await self.call(world, "list_documents", "GET", f"/v1/documents{query}", 200)
        world.listed.update(item["documentId"] for item in data or [])

    async def cross_tenant(self, world: World, rng: random.Random) -> None:
        """Another tenant's resource with the caller's own credential: 404, never its data."""
        other = next(w for w in self.worlds if w is not world)
        targets = [f"/v1/templates/{t}" for t in list(other.templates)[:50]]
        for document_id, participants in list(other.documents.items())[:50]:
            targets += [
                f"/v1/documents/{document_id}",
                f"/v1/documents/{document_id}/summary",
                f"/v1/events/{participants[0]['processId']}",
            ]
        if not targets:
            return
        self.tally.cross_tenant_probes += 1
        await self.call(world, "cross_tenant_read", "GET", rng.choice(targets), 404)

    async def integration(self, world: World, rng: random.Random) -> None:
        """GET /api; now and then, with the tenant's partner traffic held: DELETE /api (the
        key stops working, GET /api is 404), then POST /api (a new key)."""
        if rng.random() < 0.8:
            await self.call(world, "get_api_integration", "GET", "/api", 200, admin=True)
            return
        async with world.gate.alone():
            await self.call(
                world, "delete_api_integration", "DELETE", "/api", 200, admin=True, gated=False
            )
            await self.call(
                world, "get_api_integration", "GET", "/api", 404, admin=True, gated=False
            )
            data = await self.call(
                world,
                "create_api_integration",
                "POST",
                "/api",
                201,
                body={"auth_method": "KEY"},
                admin=True,
                gated=False,
            )
            if data is not None:
                world.tenant.api_key = data["apiKey"]

    async def client_loop(self, world: World, seed: int) -> None:
        rng = random.Random(seed)
        mix: list[tuple[Callable[[World, random.Random], Awaitable[None]], int]] = [
            (self.create_template, 6),
            (self.template_lifecycle, 3),
            (self.update_template, 8),
            (self.template_reads, 20),
            (self.set_fields, 4),
            (self.list_templates, 6),
            (self.publish, 10),
            (self.document_ops, 22),
            (self.cancel, 3),
            (self.list_documents, 8),
            (self.cross_tenant, 6),
            (self.integration, 2),
        ]
        operations = [op for op, _ in mix]
        weights = [w for _, w in mix]
        while self.tally.sent < self.budget:
            await rng.choices(operations, weights)[0](world, rng)


async def verify(drill: Drill, world: World) -> None:
    """After the load: everything created is there, versions are unique and gapless, and
    the listings showed only this tenant's own resources."""
    problems = drill.tally.problems
    client, headers = drill.client, world.tenant.partner()
    for template_id, state in world.templates.items():
        allocated = sorted(state.versions)
        if allocated != list(range(1, len(allocated) + 1)):
            problems.append(f"template {template_id}: versions {allocated} not unique/gapless")
        response = await client.get(f"/v1/templates/{template_id}/history", headers=headers)
        history = [item["version"] for item in response.json()["data"] or []]
        if history != allocated:
            problems.append(f"template {template_id}: history {history} != {allocated}")
    for template_id in world.deleted_templates:
        response = await client.get(f"/v1/templates/{template_id}", headers=headers)
        if response.status_code != 404:
            problems.append(f"deleted template {template_id}: HTTP {response.status_code}")
    for document_id in world.documents:
        response = await client.get(f"/v1/documents/{document_id}", headers=headers)
        status = response.json()["data"]["status"] if response.status_code == 200 else None
        expected = "CANCELLED" if document_id in world.cancelled else "CREATED"
        if status != expected:
            problems.append(f"document {document_id}: HTTP {response.status_code} {status}")
    own = set(world.templates) | set(world.documents) | world.deleted_templates
    own |= set(world.doomed) | world.existing
    foreign = world.listed - own
    if foreign:
        problems.append(f"tenant {world.tenant.label} listed {len(foreign)} ids it never made")


async def existing_ids(client: httpx.AsyncClient, tenant: Tenant) -> set[str]:
    """Templates and documents the tenant had before the drill (other drills made them)."""
    found: set[str] = set()
    for path, key in (("/v1/templates", "templateId"), ("/v1/documents", "documentId")):
        cursor = None
        while True:
            params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
            page = (await client.get(path, params=params, headers=tenant.partner())).json()
            found.update(item[key] for item in page["data"])
            cursor = page["pagination"]["nextCursor"]
            if cursor is None:
                break
    return found


async def run_drill(url: str, tenants: tuple[Tenant, Tenant], size: DrillSize) -> Drill:
    limits = httpx.Limits(
        max_connections=size.load_clients, max_keepalive_connections=size.load_clients
    )
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        worlds = [World(tenant) for tenant in tenants]
        for world in worlds:
            world.existing = await existing_ids(client, world.tenant)
        drill = Drill(client, worlds, size.load_requests)
        await asyncio.gather(
            *(
                drill.client_loop(worlds[index % 2], seed=index)
                for index in range(size.load_clients)
            )
        )
        for world in worlds:
            await verify(drill, world)
        return drill


def test_load_drill(live: Server, tenants: tuple[Tenant, Tenant], drill_size: DrillSize) -> None:
    started = time.monotonic()
    drill = asyncio.run(run_drill(live.url, tenants, drill_size))
    elapsed = time.monotonic() - started
    tally = drill.tally
    server_errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    worlds = drill.worlds
    FIGURES.put(
        "load",
        clients=drill_size.load_clients,
        requests=tally.sent,
        operations_covered=len(tally.operations) - 1,  # cross_tenant_read is not one
        seconds=round(elapsed, 2),
        requests_per_second=round(tally.sent / elapsed),
        statuses=dict(sorted(tally.statuses.items())),
        server_errors=server_errors,
        cross_tenant_probes=tally.cross_tenant_probes,
        cross_tenant_reads=sum("cross_tenant_read" in p for p in tally.problems),
        templates_created=sum(len(w.templates) + len(w.deleted_templates) for w in worlds),
        versions_allocated=sum(len(s.versions) for w in worlds for s in w.templates.values()),
        documents_created=sum(len(w.documents) for w in worlds),
        key_rotations=tally.operations["create_api_integration"],
        problems=len(tally.problems),
    )
    assert server_errors == 0
    assert not tally.problems, "\n".join(
        sorted({p.split()[0]: p[:300] for p in tally.problems}.values())
    )
    assert len(tally.operations) - 1 == 23, sorted(tally.operations)
