"""Every API answer's `data`, shaped from the store's records in one place.

Why one layer: what a record holds is the state's business, what an answer shows is the
spec's, and keeping the latter here means a change to an answer's shape is one function
to read. Each view builds a new dict in the spec's property order: which properties an
answer has, the canonical version label (D03), what is omitted when empty, and the
constants an answer carries. Handlers call exactly one view per reply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from signly_sandbox.clock import format_timestamp
from signly_sandbox.state import Page, Record

# D05: a fields update answers the documented properties; GET returns every one received.
UPDATED_FIELD_KEYS = ("fieldName", "fieldType", "page")


def drop_none(data: dict[str, Any]) -> dict[str, Any]:
    """Optional, non-nullable properties are omitted rather than sent as null."""
    return {key: value for key, value in data.items() if value is not None}


def canonical_version(template_id: str, version: int) -> str:
    """D03: `<templateId>#NNNN`."""
    return f"{template_id}#{version:04d}"


def pagination(page: Page) -> dict[str, Any]:
    return {
        "limit": page.limit,
        "hasMore": page.next_cursor is not None,
        "nextCursor": page.next_cursor,
    }


def deleted() -> dict[str, Any]:
    return {"deleted": True}


# -- /api: the partner credential ------------------------------------------------------------


def integration(record: Record, partner_base_url: str) -> dict[str, Any]:
    return {
        "tenantId": record["tenantId"],
        "authMethod": record["authMethod"],
        "status": "ACTIVE",
        "keyId": record["keyId"],
        "createdAt": record["createdAt"],
        "updatedAt": record["updatedAt"],
        "partnerBaseUrl": partner_base_url,
    }


def integration_created(record: Record) -> dict[str, Any]:
    """The only answer that shows the secret: `apiKey` for KEY, `apiSecret` for HMAC."""
    secret_field = "apiKey" if record["authMethod"] == "KEY" else "apiSecret"
    return {
        "tenantId": record["tenantId"],
        "authMethod": record["authMethod"],
        "status": "ACTIVE",
        "keyId": record["keyId"],
        secret_field: record["secret"],
        "createdAt": record["createdAt"],
    }


# -- /v1/templates ---------------------------------------------------------------------------


def template_summary(record: Record) -> dict[str, Any]:
    """A list item: the template's latest version."""
    return drop_none(
        {
            "templateId": record["templateId"],
            "templateName": record["templateName"],
            "description": record["description"],
            "version": record["version"],
            "createdAt": record["createdAt"],
            "updatedAt": record["updatedAt"],
        }
    )


def template_saved(record: Record) -> dict[str, Any]:
    """The answer to creating a template or a new version of it."""
    return drop_none(
        {
            "templateId": record["templateId"],
            "templateName": record["templateName"],
            "description": record["description"],
            "templateVersion": canonical_version(record["templateId"], record["version"]),
            "version": record["version"],
        }
    )


def template_version(record: Record) -> dict[str, Any]:
    return drop_none(
        {
            "templateId": record["templateId"],
            "templateName": record["templateName"],
            "description": record["description"],
            "templateVersion": canonical_version(record["templateId"], record["version"]),
            "version": record["version"],
            "createdAt": record["createdAt"],
        }
    )


def template(record: Record) -> dict[str, Any]:
    """The template: its latest version with fields, and when the template last changed."""
    return drop_none(
        {
            "templateId": record["templateId"],
            "templateName": record["templateName"],
            "description": record["description"],
            "templateVersion": canonical_version(record["templateId"], record["version"]),
            "version": record["version"],
            "fields": record["fields"],
            "createdAt": record["createdAt"],
            "updatedAt": record["updatedAt"],
        }
    )


def template_history(records: Iterable[Record]) -> list[dict[str, Any]]:
    return [
        drop_none(
            {
                "templateVersion": canonical_version(record["templateId"], record["version"]),
                "version": record["version"],
                "templateName": record["templateName"],
                "description": record["description"],
                "createdAt": record["createdAt"],
            }
        )
        for record in records
    ]


def template_fields(record: Record) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = record["fields"]
    return fields


def template_fields_updated(fields: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{key: field[key] for key in UPDATED_FIELD_KEYS if key in field} for field in fields]


def upload_url(url: str, expires_seconds: int) -> dict[str, Any]:
    return {"method": "PUT", "uploadUrl": url, "expiresInSeconds": expires_seconds}


def download_url(url: str, expires_seconds: int) -> dict[str, Any]:
    return {"downloadUrl": url, "expiresInSeconds": expires_seconds}


# -- /v1/documents and /v1/events -----------------------------------------------------------


def _participant(record: Record) -> dict[str, Any]:
    return {
        "participantId": record["participantId"],
        "displayName": record["displayName"],
        "processId": record["processId"],
        "status": record["status"],
        "signatureMode": record["signatureMode"],
    }


def document_summary_item(record: Record) -> dict[str, Any]:
    """A list item."""
    return {
        "documentId": record["documentId"],
        "createdAt": record["createdAt"],
        "status": record["status"],
        "templateId": record["templateId"],
    }


def document_published(record: Record) -> dict[str, Any]:
    return {
        "documentId": record["documentId"],
        "status": record["status"],
        "templateId": record["templateId"],
        "templateVersion": canonical_version(record["templateId"], record["version"]),
        "createdAt": record["createdAt"],
        "participants": [_participant(p) for p in record["participants"]],
    }


def document(record: Record) -> dict[str, Any]:
    """The whole document; `metadata` only when the partner gave some."""
    data = {
        "documentId": record["documentId"],
        "status": record["status"],
        "createdAt": record["createdAt"],
        "updatedAt": record["updatedAt"],
        "templateId": record["templateId"],
        "templateVersion": canonical_version(record["templateId"], record["version"]),
        "orderMode": record["orderMode"],
        "deadlineAt": record["deadlineAt"],
        "metadata": record["metadata"],
        "flowPolicy": {"onParticipantFail": record["onParticipantFail"]},
        "participants": [_participant(p) for p in record["participants"]],
    }
    if data["metadata"] is None:
        del data["metadata"]
    return data


def document_deadline(record: Record) -> dict[str, Any]:
    return {"documentId": record["documentId"], "deadlineAt": record["deadlineAt"]}


def document_status(record: Record) -> dict[str, Any]:
    return {"documentId": record["documentId"], "status": record["status"]}


def document_counts(record: Record) -> dict[str, Any]:
    """The summary: completed means signed, pending means not yet acted."""
    counts: Mapping[str, int] = record["participantCounts"]
    return {
        "documentId": record["documentId"],
        "status": record["status"],
        "completedParticipants": counts.get("SIGNED", 0),
        "pendingParticipants": counts.get("PENDING", 0),
    }


def invitation_resent(participant: Record) -> dict[str, Any]:
    return {"documentId": participant["documentId"], "participantId": participant["participantId"]}


def participant_completed(record: Record) -> dict[str, Any]:
    participant = record["participant"]
    return {
        "documentId": record["documentId"],
        "participantId": participant["participantId"],
        "participantStatus": participant["status"],
        "documentStatus": record["status"],
    }


def event(record: Record) -> dict[str, Any]:
    return {
        "eventId": record["eventId"],
        "eventType": record["eventType"],
        "processId": record["processId"],
        "status": record["status"],
        "actor": record["actor"],
        "timestamp": record["timestamp"],
    }


def events(records: Iterable[Record]) -> list[dict[str, Any]]:
    return [event(record) for record in records]


def webhook_payload(record: Record, document_id: str, tenant_id: str) -> dict[str, Any]:
    """What a webhook delivery POSTs: the event as listed, and whose it is."""
    return {**event(record), "documentId": document_id, "tenantId": tenant_id}


# -- /_sandbox --------------------------------------------------------------------------------


def sandbox_reset(tenant_id: str) -> dict[str, Any]:
    return {"tenantId": tenant_id, "reset": True}


def credits(record: Record) -> dict[str, Any]:
    return {"tenantId": record["tenantId"], "credits": record["credits"]}


def webhook(record: Record, generated_secret: str | None = None) -> dict[str, Any]:
    """The webhook settings; a generated secret is shown here, once."""
    data = {
        "tenantId": record["tenantId"],
        "url": record["url"],
        "enabled": record["enabled"],
        "previousSecretExpiresAt": record["previousSecretExpiresAt"],
    }
    if generated_secret is not None:
        data["secret"] = generated_secret
    return data


def deliveries(records: Iterable[Record]) -> list[dict[str, Any]]:
    keys = (
        "deliveryId", "eventId", "url", "attempt", "statusCode", "outcome", "error",
        "attemptedAt", "nextAttemptAt",
    )  # fmt: skip
    return [{key: record[key] for key in keys} for record in records]


def redelivery(record: Record) -> dict[str, Any]:
    return {
        "deliveryId": record["deliveryId"],
        "eventId": record["eventId"],
        "status": record["status"],
    }


# -- /_sandbox: the partner's test bench (clock, faults, journal, scripted participants) ------


def sandbox_clock(now: str, system_now: str, offset_seconds: float) -> dict[str, Any]:
    return {"now": now, "systemNow": system_now, "offsetSeconds": round(offset_seconds, 3)}


def clock_moved(clock: dict[str, Any], expired_documents: Iterable[str]) -> dict[str, Any]:
    return {**clock, "expiredDocuments": list(expired_documents)}


def fault_rule(rule: Any) -> dict[str, Any]:
    return {
        "faultId": rule.fault_id,
        "operationId": rule.operation_id,
        "status": rule.status,
        "example": rule.example,
        "remaining": rule.remaining,
        "latencyMs": rule.latency_ms,
        "retryAfterSeconds": rule.retry_after,
        "createdAt": rule.created_at,
    }


def fault_rules(rules: Iterable[Any]) -> list[dict[str, Any]]:
    return [fault_rule(rule) for rule in rules]


def faults_cleared(tenant_id: str, cleared: int) -> dict[str, Any]:
    return {"tenantId": tenant_id, "cleared": cleared}


def journal_entries(entries: Iterable[Any]) -> list[dict[str, Any]]:
    return [
        {
            "requestId": entry.request_id,
            "method": entry.method,
            "path": entry.path,
            "query": entry.query,
            "operationId": entry.operation_id,
            "status": entry.status,
            "code": entry.code,
            "errorDetails": entry.error,
            "durationMs": entry.duration_ms,
            "receivedAt": format_timestamp(entry.received_at),
        }
        for entry in entries
    ]


def scheduled_action(
    document_id: str, participant_id: str, action: str, due: str
) -> dict[str, Any]:
    return {
        "documentId": document_id,
        "participantId": participant_id,
        "action": action,
        "dueAt": due,
    }
