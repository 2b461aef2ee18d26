"""List documents, filtered by status.

GET /v1/documents
"""

import os

from signly_client import AuthenticatedClient
from signly_client.api.documents import list_documents
from signly_client.models import DocumentListEnvelope

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

with client:
    result = list_documents.sync(client=client, status="IN_PROGRESS", limit=20)
if not isinstance(result, DocumentListEnvelope):
    raise SystemExit(f"request failed: {result}")
print(len(result.data), "documents")
for document in result.data:
    print(document.document_id, document.status, document.created_at)
