"""`/v1/documents` and `/v1/events`: publishing (D03, D17-D19, D26) and following processes."""

from __future__ import annotations

from typing import Any

from signly_sandbox import views
from signly_sandbox.clock import format_timestamp, parse_timestamp
from signly_sandbox.errors import Validation
from signly_sandbox.handlers.base import Call, Reply, Services


def _version_number(template_id: str, label: str) -> int:
    """D03: `NNNN` or `<templateId>#NNNN` (the pattern is already checked by the spec)."""
    owner, _, number = label.rpartition("#")
    if owner and owner.lower() != template_id.lower():
        raise Validation({"templateVersion": ["Template version belongs to another template."]})
    if int(number) == 0:
        raise Validation({"templateVersion": ["Must be greater than or equal to 1."]})
    return int(number)


def _future_timestamp(services: Services, field: str, value: str) -> str:
    """D14/D26: deadlines must be in the future; stored and answered as UTC with `Z`."""
    try:
        moment = parse_timestamp(value)
    except OverflowError:  # e.g. 0001-01-01T00:00:00+01:00: before year 1 once in UTC
        raise Validation({field: ["Must be a date-time within years 1 to 9999 in UTC."]}) from None
    if moment <= services.clock.now():
        raise Validation({field: ["Must be in the future."]})
    return format_timestamp(moment)


async def list_documents(services: Services, call: Call) -> Reply:
    page = services.store.list_documents(
        call.tenant_id,
        limit=call.query["limit"],
        descending=call.query["sort"] == "-createdAt",
        cursor=call.query.get("cursor"),
        status=call.query.get("status"),
    )
    items = [views.document_summary_item(record) for record in page.items]
    return Reply(200, "documents_listed", "Documents listed.", items, views.pagination(page))


async def publish_document(services: Services, call: Call) -> Reply:
    body: dict[str, Any] = call.body
    version = _version_number(body["templateId"], body["templateVersion"])
    deadline = body.get("deadlineAt")
    record = services.store.create_document(
        call.tenant_id,
        template_id=body["templateId"].lower(),
        version=version,
        participants=body["participants"],
        order_mode=body["orderMode"],
        deadline_at=None
        if deadline is None
        else _future_timestamp(services, "deadlineAt", deadline),
        metadata=body.get("metadata"),
        flow_policy=body.get("flowPolicy"),
    )
    return Reply(201, "document_created", "Document created.", views.document_published(record))


async def get_document(services: Services, call: Call) -> Reply:
    record = services.store.get_document(call.tenant_id, call.path["documentId"])
    return Reply(200, "document_fetched", "Document fetched.", views.document(record))


async def extend_document_deadline(services: Services, call: Call) -> Reply:
    deadline = _future_timestamp(services, "newDeadlineAt", call.body["newDeadlineAt"])
    record = services.store.extend_document(call.tenant_id, call.path["documentId"], deadline)
    data = views.document_deadline(record)
    return Reply(200, "document_deadline_extended", "Deadline extended.", data)


async def cancel_document(services: Services, call: Call) -> Reply:
    record = services.store.cancel_document(call.tenant_id, call.path["documentId"])
    return Reply(200, "document_cancelled", "Document cancelled.", views.document_status(record))


async def resend_invitation(services: Services, call: Call) -> Reply:
    participant = services.store.resend_invitation(
        call.tenant_id, call.path["documentId"], call.path["participantId"]
    )
    data = views.invitation_resent(participant)
    return Reply(200, "invitation_resent", "Invitation resent.", data)


async def get_document_summary(services: Services, call: Call) -> Reply:
    record = services.store.document_summary(call.tenant_id, call.path["documentId"])
    data = views.document_counts(record)
    return Reply(200, "document_summary_fetched", "Document summary fetched.", data)


async def list_process_events(services: Services, call: Call) -> Reply:
    data = views.events(services.store.list_events(call.tenant_id, call.path["processId"]))
    return Reply(200, "events_listed", "Events listed.", data)
