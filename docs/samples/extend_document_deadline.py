"""Extend a document's deadline.

POST /v1/documents/{documentId}/extend
"""

import os
from datetime import UTC, datetime

import _sandbox  # sandbox-only
from signly_client import SignlyClient
from signly_client.models import ExtendDeadlineRequest

_sandbox.provide("DOCUMENT_ID")  # sandbox-only
document_id = os.environ["DOCUMENT_ID"]  # a document id (POST /v1/documents returns one)
new_deadline = datetime(2030, 6, 15, 23, 59, tzinfo=UTC)

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    document = client.extend_document_deadline(
        document_id, body=ExtendDeadlineRequest(new_deadline_at=new_deadline)
    ).data
print(document.document_id, document.deadline_at)
