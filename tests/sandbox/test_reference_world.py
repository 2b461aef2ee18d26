"""`--fixtures reference`: the reference page's own world, derived from the spec's embedded
page examples, in which each of the page's 23 curl commands answers what the page prints."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from signly_contract.server import serve
from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import ManualClock, format_timestamp
from signly_sandbox.config import PAGE_ADMIN_TOKEN, PAGE_API_KEY, PAGE_TENANT_ID
from signly_sandbox.fixtures import page_examples, reference_world
from tests.lib.sandbox import BASE_URL
from tests.lib.spec import page_curls

PARTNER = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}
ADMIN = {"X-Auth-Signly": f"Bearer {PAGE_ADMIN_TOKEN}"}
TEMPLATE = "3f34581a-5b4a-4068-ab72-5f2b36611fa1"
DOCUMENT = "0e51e6ee-4643-4381-97e0-5164c00a0142"
PARTICIPANT = "a244be1a-98c5-4faa-bcb7-55218983a731"
PROCESS = "91b5d467-ee84-4c78-8f37-048387797ab3-d0a31523-3d9c-4613-936a-9bf510ad05d4"


@pytest.fixture(scope="module")
def served(config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any]) -> Iterator[str]:
    """`signly-sandbox serve --fixtures reference`, in process on a loopback port."""
    app = create_app(dataclasses.replace(config, fixtures="reference"), blobs=s3, spec=sandbox_spec)
    with serve(app) as base_url:
        yield base_url


def restore(base_url: str) -> None:
    """Back to the page's world: the reset of its tenant gives it back (after the page's
    `DELETE /api`, creating the credential again gives the page's key back first)."""
    if httpx.get(f"{base_url}/api", headers=ADMIN).status_code == 404:
        created = httpx.post(f"{base_url}/api", headers=ADMIN, json={"auth_method": "KEY"})
        assert created.json()["data"]["apiKey"] == PAGE_API_KEY
    response = httpx.post(f"{base_url}/_sandbox/reset", headers=PARTNER)
    assert response.status_code == 200, response.text


def test_the_page_has_23_curl_commands() -> None:
    curls = page_curls()
    assert len(curls) == 23
    assert len({curl.operation for curl in curls}) == 23


@pytest.mark.parametrize("curl", page_curls(), ids=lambda curl: curl.operation)
def test_every_curl_command_of_the_page_answers_as_printed(served: str, curl: Any) -> None:
    """Each command as printed, only the host changed, in the page's world. Creating the
    credential is shown for a tenant that has none, so its world first revokes it (the
    rotation the guide describes: revoke, then create)."""
    restore(served)
    if curl.operation == "POST /api":
        assert httpx.delete(f"{served}/api", headers=ADMIN).status_code == 200
    method, url, headers, body = curl.request_for(served)
    response = httpx.request(method, url, headers=headers, content=body)
    assert (response.status_code, response.json()["code"]) == (curl.status, curl.code), (
        curl.operation,
        response.text,
    )
    if curl.operation == "POST /api":  # the page's own key again: the page keeps working
        assert response.json()["data"]["apiKey"] == PAGE_API_KEY
        assert httpx.get(f"{served}/v1/templates", headers=PARTNER).status_code == 200


def test_the_world_is_the_pages(served: str) -> None:
    restore(served)

    def get(path: str) -> Any:
        return httpx.get(served + path, headers=PARTNER).json()["data"]

    template = get(f"/v1/templates/{TEMPLATE}")
    assert (template["templateName"], template["version"]) == ("Acuerdo de servicio", 2)
    assert template["fields"][0]["fieldName"] == "FIRMA_CLIENTE"
    assert [v["version"] for v in get(f"/v1/templates/{TEMPLATE}/history")] == [1, 2]
    document = get(f"/v1/documents/{DOCUMENT}")
    assert (document["status"], document["templateVersion"]) == ("IN_PROGRESS", f"{TEMPLATE}#0002")
    assert document["deadlineAt"] == "2026-05-21T23:59:00.000000Z"
    assert document["participants"][0]["participantId"] == PARTICIPANT
    assert document["participants"][0]["processId"] == PROCESS
    summary = get(f"/v1/documents/{DOCUMENT}/summary")
    assert (summary["completedParticipants"], summary["pendingParticipants"]) == (0, 1)
    events = get(f"/v1/events/{PROCESS}")
    assert [(e["eventId"], e["eventType"]) for e in events] == [
        ("01JC8DYNXKHPK6H4F0VYB3J9R3", "PROCESS_CREATED"),
        ("01JC8E0XYAHTYV26J7W72RBQWQ", "OTP_SENT"),
    ]
    integration = httpx.get(f"{served}/api", headers=ADMIN).json()["data"]
    assert integration["keyId"] == "pk_01J8XQ8B0P8XSH6M3B2P0N5W9K"
    assert integration["createdAt"] == "2026-04-23T14:55:00.000000Z"
    clock = httpx.get(f"{served}/_sandbox/clock", headers=PARTNER).json()["data"]
    assert "2026-04-23T15:01:02" <= clock["now"] < "2026-05-21"  # the page's moment, flowing
    url = get(f"/v1/templates/{TEMPLATE}/versions/2/download-url")["downloadUrl"]
    assert httpx.get(url).content.startswith(b"%PDF-1.4")


def test_a_reset_gives_the_world_back(served: str) -> None:
    restore(served)
    assert httpx.delete(f"{served}/v1/templates/{TEMPLATE}", headers=PARTNER).status_code == 200
    assert httpx.delete(f"{served}/v1/documents/{DOCUMENT}/cancel", headers=PARTNER).json()[
        "data"
    ] == {"documentId": DOCUMENT, "status": "CANCELLED"}
    restore(served)
    assert httpx.get(f"{served}/v1/templates/{TEMPLATE}", headers=PARTNER).status_code == 200
    document = httpx.get(f"{served}/v1/documents/{DOCUMENT}", headers=PARTNER).json()["data"]
    assert document["status"] == "IN_PROGRESS"


@pytest.mark.anyio
async def test_past_the_pages_deadline_the_document_expires(
    config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any]
) -> None:
    world = reference_world(sandbox_spec)
    clock = ManualClock(world.moment)
    app = create_app(
        dataclasses.replace(config, fixtures="reference"), clock=clock, blobs=s3, spec=sandbox_spec
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=PARTNER
    ) as client:
        deadline = datetime(2026, 5, 21, 23, 59, tzinfo=UTC)
        moved = await client.put(
            "/_sandbox/clock", json={"now": format_timestamp(deadline + timedelta(seconds=1))}
        )
        assert moved.json()["data"]["expiredDocuments"] == [DOCUMENT]
        events = (await client.get(f"/v1/events/{PROCESS}")).json()["data"]
        assert events[-1]["eventType"] == "PROCESS_EXPIRED"
        extend = await client.post(
            f"/v1/documents/{DOCUMENT}/extend", json={"newDeadlineAt": "2026-06-15T23:59:00Z"}
        )
        assert extend.status_code == 409


def test_the_world_is_derived_from_the_examples_not_copied(sandbox_spec: dict[str, Any]) -> None:
    changed = copy.deepcopy(sandbox_spec)
    listed = changed["components"]["examples"]["TemplatesListed"]["value"]["data"][0]
    listed["templateName"] = "Otro nombre"
    changed["components"]["examples"]["DocumentFetched"]["value"]["data"]["status"] = "CREATED"
    world = reference_world(changed).world
    assert world.templates[0].versions[-1].name == "Otro nombre"
    assert world.documents[0].status == "CREATED"
    assert len(page_examples(sandbox_spec)) >= 30
    assert reference_world(sandbox_spec).moment == datetime(2026, 4, 23, 15, 1, 2, tzinfo=UTC)
