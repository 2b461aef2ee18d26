"""Get a document's progress summary.

GET /v1/documents/{documentId}/summary
"""

import os

import _sandbox  # sandbox-only
from signly_client import SignlyClient

_sandbox.provide("DOCUMENT_ID")  # sandbox-only
document_id = os.environ["DOCUMENT_ID"]  # a document id (POST /v1/documents returns one)

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    summary = client.get_document_summary(document_id).data
print(summary.status, summary.completed_participants, summary.pending_participants)
