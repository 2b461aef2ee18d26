"""Get a document's progress summary.

GET /v1/documents/{documentId}/summary
"""

import os
from uuid import UUID

import _sandbox  # sandbox-only
from signly_client import AuthenticatedClient
from signly_client.api.documents import get_document_summary
from signly_client.models import DocumentSummaryEnvelope

_sandbox.provide("DOCUMENT_ID")  # sandbox-only
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

with client:
    result = get_document_summary.sync(document_id, client=client)
if not isinstance(result, DocumentSummaryEnvelope):
    raise SystemExit(f"request failed: {result}")
summary = result.data
print(summary.status, summary.completed_participants, summary.pending_participants)
