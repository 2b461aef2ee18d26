"""Publish a document for signature.

POST /v1/documents
"""

import os
from datetime import UTC, datetime
from uuid import UUID

import _sandbox  # sandbox-only
from signly_client import InsufficientCreditsError, SignlyClient
from signly_client.models import (
    Participant,
    ParticipantIdentity,
    ParticipantPolicy,
    PublishDocumentRequest,
)

_sandbox.provide("TEMPLATE_ID")  # sandbox-only
template_id = UUID(os.environ["TEMPLATE_ID"])  # a template id (POST /v1/templates returns one)
request = PublishDocumentRequest(
    template_id=template_id,
    template_version="0001",
    participants=[
        Participant(
            display_name="Juan David Otero",
            signature_mode=["SIGNATURE_EMAIL"],
            identity=ParticipantIdentity(email="juanoterot@outlook.com"),
            policy=ParticipantPolicy(attempts_max=3, cooldown_seconds=60),
        )
    ],
    order_mode="PARALLEL",
    deadline_at=datetime(2030, 5, 21, 23, 59, tzinfo=UTC),
)

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    try:
        # Retried safely: the client sends an Idempotency-Key, the same on each retry.
        document = client.publish_document(body=request).data
    except InsufficientCreditsError:  # publishing costs one credit
        raise SystemExit("no credits left: top up the tenant's balance") from None
print(document.document_id, document.status)
for participant in document.participants:
    print(participant.participant_id, participant.process_id)
