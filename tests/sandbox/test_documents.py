"""Documents: publish (D03, D17-D19, D26), read, list, extend/cancel/resend (D14), events."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from signly_sandbox.clock import ManualClock
from tests.lib.sandbox import create_template, participant, publish, published

pytestmark = pytest.mark.anyio

FUTURE = "2099-05-21T23:59:00Z"


async def events(client: httpx.AsyncClient, process_id: str) -> list[str]:
    response = await client.get(f"/v1/events/{process_id}")
    assert response.status_code == 200
    data: list[dict[str, Any]] = response.json()["data"]
    assert [e["eventId"] for e in data] == sorted(e["eventId"] for e in data), "ULIDs in order"
    return [e["eventType"] for e in data]


async def test_publish_page_example(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    await tenant_a.put(f"/v1/templates/{template_id}", json={"templateName": "v2"})
    response = await publish(
        tenant_a,
        template_id,
        templateVersion="0002",
        deadlineAt=FUTURE,
        metadata={"source": "crm", "contractId": "CNT-4482"},
    )
    assert response.status_code == 201
    data = response.json()["data"]
    assert data["status"] == "CREATED"
    assert data["templateVersion"] == f"{template_id}#0002"
    (person,) = data["participants"]
    assert person["processId"] == f"{data['documentId']}-{person['participantId']}"
    fetched = (await tenant_a.get(f"/v1/documents/{data['documentId']}")).json()["data"]
    assert fetched["deadlineAt"] == "2099-05-21T23:59:00.000000Z"
    assert fetched["orderMode"] == "PARALLEL"
    assert fetched["metadata"] == {"source": "crm", "contractId": "CNT-4482"}
    assert fetched["participants"][0]["status"] == "PENDING"
    assert await events(tenant_a, person["processId"]) == ["PROCESS_CREATED", "INVITATION_SENT"]


async def test_publish_accepts_canonical_version(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    ok = await publish(tenant_a, template_id, templateVersion=f"{template_id}#0001")
    assert ok.status_code == 201
    other = "3f34581a-5b4a-4068-ab72-5f2b36611fa1"
    bad = await publish(tenant_a, template_id, templateVersion=f"{other}#0001")
    assert bad.status_code == 400
    assert "templateVersion" in bad.json()["error"]["details"]["fields"]


async def test_biometric_without_document_number_is_page_error(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    signer = {"displayName": "Juan", "signatureMode": ["SIGNATURE_BIOMETRIC"]}
    for candidate in (signer, {**signer, "identity": {"email": "a@b.co"}}):
        response = await publish(tenant_a, template_id, participants=[candidate])
        assert response.status_code == 400
        assert response.json()["code"] == "validation_error"
        assert response.json()["error"] == {
            "type": "validation",
            "details": {
                "fields": {
                    "participants": {
                        "0": {"_schema": ["Document number is required for biometric signature."]}
                    }
                }
            },
        }
    fine = {**signer, "identity": {"documentNumber": "1109661121"}}
    assert (await publish(tenant_a, template_id, participants=[fine])).status_code == 201


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"templateVersion": "2"}, "templateVersion"),
        ({"templateVersion": "0000"}, "templateVersion"),
        ({"orderMode": "RANDOM"}, "orderMode"),
        ({"participants": []}, "participants"),
        ({"deadlineAt": "2001-01-01T00:00:00Z"}, "deadlineAt"),
        ({"deadlineAt": "tomorrow"}, "deadlineAt"),
        ({"flowPolicy": {"onParticipantFail": "IGNORE"}}, "flowPolicy"),
        ({"unknown": True}, "unknown"),
    ],
)
async def test_publish_validation(
    tenant_a: httpx.AsyncClient, change: dict[str, Any], field: str
) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    response = await publish(tenant_a, template_id, **change)
    assert response.status_code == 400, response.text
    assert field in response.json()["error"]["details"]["fields"]


async def test_publish_unknown_version_is_404_naming_it(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    response = await publish(tenant_a, template_id, templateVersion="0009")
    assert response.status_code == 404
    assert response.json()["error"] == {
        "type": "not_found",
        "details": {"templateId": template_id, "version": 9},
    }


async def test_publish_unknown_template_is_404(tenant_a: httpx.AsyncClient) -> None:
    response = await publish(tenant_a, "3f34581a-5b4a-4068-ab72-5f2b36611fa1")
    assert response.status_code == 404
    assert response.json()["message"] == "Template not found."


async def test_credits_run_out_with_402_and_nothing_created(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    assert (await tenant_a.put("/_sandbox/credits", json={"credits": 1})).status_code == 200
    assert (await publish(tenant_a, template_id)).status_code == 201
    refused = await publish(tenant_a, template_id)
    assert refused.status_code == 402
    assert refused.json()["code"] == "insufficient_credits"
    assert refused.json()["error"] == {"type": "credits", "details": {}}
    listed = (await tenant_a.get("/v1/documents")).json()["data"]
    assert len(listed) == 1


async def test_get_unknown_or_malformed_document(tenant_a: httpx.AsyncClient) -> None:
    missing = "0e51e6ee-4643-4381-97e0-5164c00a0142"
    response = await tenant_a.get(f"/v1/documents/{missing}")
    assert response.status_code == 404
    assert response.json()["error"]["details"] == {"documentId": missing}
    assert (await tenant_a.get("/v1/documents/42")).status_code == 404
    assert (await tenant_a.get("/v1/events/proc-20251027-0001")).status_code == 404
    assert (await tenant_a.get("/v1/events/bad%20id")).status_code == 404


async def test_list_documents_sort_filter_cursor(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    ids = []
    for _ in range(5):
        ids.append((await publish(tenant_a, template_id)).json()["data"]["documentId"])
    await tenant_a.delete(f"/v1/documents/{ids[1]}/cancel")
    newest = (await tenant_a.get("/v1/documents", params={"limit": 2})).json()
    assert [d["documentId"] for d in newest["data"]] == [ids[4], ids[3]]
    collected = [d["documentId"] for d in newest["data"]]
    cursor = newest["pagination"]["nextCursor"]
    while cursor:
        page = (await tenant_a.get("/v1/documents", params={"limit": 2, "cursor": cursor})).json()
        collected += [d["documentId"] for d in page["data"]]
        cursor = page["pagination"]["nextCursor"]
    assert collected == ids[::-1]
    cancelled = (await tenant_a.get("/v1/documents", params={"status": "CANCELLED"})).json()
    assert [d["documentId"] for d in cancelled["data"]] == [ids[1]]
    bad = await tenant_a.get("/v1/documents", params={"status": "DONE"})
    assert bad.json()["error"]["details"] == {"code": "INVALID_STATUS", "field": "status"}
    wrong_scope = await tenant_a.get(
        "/v1/documents",
        params={"limit": 2, "sort": "createdAt", "cursor": newest["pagination"]["nextCursor"]},
    )
    assert wrong_scope.json()["error"]["details"] == {"code": "INVALID_CURSOR", "field": "cursor"}
    sort = await tenant_a.get("/v1/documents", params={"sort": "creationDate"})
    assert sort.json()["message"] == "Invalid sort field."
    assert sort.json()["error"]["details"] == {
        "code": "INVALID_SORT_FIELD",
        "field": "creationDate",
    }


async def test_extend_only_future_and_active(
    tenant_a: httpx.AsyncClient, clock: ManualClock
) -> None:
    document = await published(tenant_a)
    doc_id = document["documentId"]
    past = await tenant_a.post(
        f"/v1/documents/{doc_id}/extend", json={"newDeadlineAt": "2020-01-01T00:00:00Z"}
    )
    assert past.status_code == 400
    assert past.json()["error"]["details"]["fields"] == {
        "newDeadlineAt": ["Must be in the future."]
    }
    ok = await tenant_a.post(
        f"/v1/documents/{doc_id}/extend", json={"newDeadlineAt": "2099-06-15T23:59:00Z"}
    )
    assert ok.status_code == 200
    assert ok.json()["data"] == {"documentId": doc_id, "deadlineAt": "2099-06-15T23:59:00.000000Z"}
    await tenant_a.delete(f"/v1/documents/{doc_id}/cancel")
    closed = await tenant_a.post(f"/v1/documents/{doc_id}/extend", json={"newDeadlineAt": FUTURE})
    assert closed.status_code == 409
    assert closed.json()["code"] == "document_not_active"
    assert closed.json()["error"]["details"] == {"documentId": doc_id, "status": "CANCELLED"}


@pytest.mark.parametrize("edge", ["0001-01-01T00:01:10+01:00", "9999-12-31T23:59:59-01:00"])
async def test_deadline_outside_utc_years_is_400(tenant_a: httpx.AsyncClient, edge: str) -> None:
    """Found by the contract suite's fuzzing: a date-time valid as written but outside years
    1..9999 once in UTC was a 500 (OverflowError), on publish and on extend."""
    document = await published(tenant_a)
    extended = await tenant_a.post(
        f"/v1/documents/{document['documentId']}/extend", json={"newDeadlineAt": edge}
    )
    assert extended.status_code == 400
    assert "newDeadlineAt" in extended.json()["error"]["details"]["fields"]
    template_id = (await create_template(tenant_a))["templateId"]
    refused = await publish(tenant_a, template_id, deadlineAt=edge)
    assert refused.status_code == 400
    assert "deadlineAt" in refused.json()["error"]["details"]["fields"]


async def test_cancel_and_events(tenant_a: httpx.AsyncClient) -> None:
    document = await published(tenant_a)
    doc_id = document["documentId"]
    cancelled = await tenant_a.delete(f"/v1/documents/{doc_id}/cancel")
    assert cancelled.json()["data"]["documentId"] == doc_id
    fetched = (await tenant_a.get(f"/v1/documents/{doc_id}")).json()["data"]
    assert fetched["status"] == "CANCELLED"
    again = await tenant_a.delete(f"/v1/documents/{doc_id}/cancel")
    assert again.status_code == 409
    process = document["participants"][0]["processId"]
    assert await events(tenant_a, process) == [
        "PROCESS_CREATED",
        "INVITATION_SENT",
        "PROCESS_CANCELLED",
    ]


async def test_resend_pending_only(tenant_a: httpx.AsyncClient) -> None:
    document = await published(tenant_a, participants=[participant("A"), participant("B")])
    doc_id = document["documentId"]
    first = document["participants"][0]
    resent = await tenant_a.post(
        f"/v1/documents/{doc_id}/participants/{first['participantId']}/resend"
    )
    assert resent.json()["data"] == {"documentId": doc_id, "participantId": first["participantId"]}
    assert (await events(tenant_a, first["processId"]))[-1] == "INVITATION_RESENT"
    await tenant_a.post(f"/_sandbox/documents/{doc_id}/participants/{first['participantId']}/sign")
    done = await tenant_a.post(
        f"/v1/documents/{doc_id}/participants/{first['participantId']}/resend"
    )
    assert done.status_code == 409 and done.json()["code"] == "participant_not_pending"
    unknown = "a244be1a-98c5-4faa-bcb7-55218983a731"
    missing = await tenant_a.post(f"/v1/documents/{doc_id}/participants/{unknown}/resend")
    assert missing.status_code == 404
    assert missing.json()["error"]["details"] == {"participantId": unknown}
    summary = (await tenant_a.get(f"/v1/documents/{doc_id}/summary")).json()["data"]
    assert summary == {
        "documentId": doc_id,
        "status": "IN_PROGRESS",
        "completedParticipants": 1,
        "pendingParticipants": 1,
    }


async def test_sign_all_completes(tenant_a: httpx.AsyncClient) -> None:
    document = await published(tenant_a, participants=[participant("A"), participant("B")])
    doc_id = document["documentId"]
    for person in document["participants"]:
        signed = await tenant_a.post(
            f"/_sandbox/documents/{doc_id}/participants/{person['participantId']}/sign"
        )
        assert signed.status_code == 200
    assert signed.json()["data"]["documentStatus"] == "COMPLETED"
    assert await events(tenant_a, document["participants"][1]["processId"]) == [
        "PROCESS_CREATED",
        "INVITATION_SENT",
        "PARTICIPANT_SIGNED",
        "PROCESS_COMPLETED",
    ]
    summary = (await tenant_a.get(f"/v1/documents/{doc_id}/summary")).json()["data"]
    assert summary["completedParticipants"] == 2 and summary["pendingParticipants"] == 0


async def test_sequential_order_and_reject_cancels_flow(tenant_a: httpx.AsyncClient) -> None:
    document = await published(
        tenant_a, participants=[participant("A"), participant("B")], orderMode="SEQUENTIAL"
    )
    doc_id = document["documentId"]
    first, second = document["participants"]
    assert await events(tenant_a, second["processId"]) == ["PROCESS_CREATED"]
    early = await tenant_a.post(
        f"/_sandbox/documents/{doc_id}/participants/{second['participantId']}/sign"
    )
    assert early.status_code == 409 and early.json()["code"] == "participant_out_of_turn"
    await tenant_a.post(f"/_sandbox/documents/{doc_id}/participants/{first['participantId']}/sign")
    assert (await events(tenant_a, second["processId"]))[-1] == "INVITATION_SENT"
    rejected = await tenant_a.post(
        f"/_sandbox/documents/{doc_id}/participants/{second['participantId']}/reject"
    )
    assert rejected.json()["data"]["documentStatus"] == "REJECTED"
    assert (await events(tenant_a, second["processId"]))[-2:] == [
        "PARTICIPANT_REJECTED",
        "PROCESS_REJECTED",
    ]


async def test_continue_flow_and_expire(tenant_a: httpx.AsyncClient) -> None:
    document = await published(
        tenant_a,
        participants=[participant("A"), participant("B")],
        flowPolicy={"onParticipantFail": "CONTINUE_FLOW"},
    )
    doc_id = document["documentId"]
    first = document["participants"][0]
    rejected = await tenant_a.post(
        f"/_sandbox/documents/{doc_id}/participants/{first['participantId']}/reject"
    )
    assert rejected.json()["data"]["documentStatus"] == "IN_PROGRESS"
    expired = await tenant_a.post(f"/_sandbox/documents/{doc_id}/expire")
    assert expired.json()["data"] == {"documentId": doc_id, "status": "EXPIRED"}
    fetched = (await tenant_a.get(f"/v1/documents/{doc_id}")).json()["data"]
    assert [p["status"] for p in fetched["participants"]] == ["REJECTED", "EXPIRED"]
    assert (await tenant_a.post(f"/_sandbox/documents/{doc_id}/expire")).status_code == 409


async def test_reset_forgets_tenant_data(tenant_a: httpx.AsyncClient) -> None:
    await published(tenant_a)
    reset = await tenant_a.post("/_sandbox/reset")
    assert reset.json()["data"]["reset"] is True
    assert (await tenant_a.get("/v1/documents")).json()["data"] == []
    assert (await tenant_a.get("/v1/templates")).json()["data"] == []
