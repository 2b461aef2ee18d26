"""Resend a participant's invitation.

POST /v1/documents/{documentId}/participants/{participantId}/resend
"""

import os
from uuid import UUID

import _sandbox  # sandbox-only
from signly_client import AuthenticatedClient
from signly_client.api.documents import resend_invitation
from signly_client.models import ResentInvitationEnvelope

_sandbox.provide("DOCUMENT_ID", "PARTICIPANT_ID")  # sandbox-only
# Settings default to the local sandbox (`signly-mock serve`); set them for production.
client = AuthenticatedClient(
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
    auth_header_name="X-Auth-Signly",
    prefix="",
    token=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    headers={
        "X-Tenant-Signly": os.environ.get(
            "SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"
        )
    },
)
document_id = UUID(os.environ["DOCUMENT_ID"])  # a document id (POST /v1/documents returns one)
participant_id = UUID(
    os.environ["PARTICIPANT_ID"]
)  # a participant of that document (in its `participants`)

with client:
    result = resend_invitation.sync(document_id, participant_id, client=client)
if not isinstance(result, ResentInvitationEnvelope):
    raise SystemExit(f"request failed: {result}")
print("invitation resent to", result.data.participant_id)
