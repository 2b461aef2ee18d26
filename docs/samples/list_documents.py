"""List documents, filtered by status.

GET /v1/documents
"""

import os

from signly_client import SignlyClient

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    print("documents in progress:")
    # Every page, fetched lazily (20 per request) by following pagination.nextCursor.
    for document in client.iter_documents(status="IN_PROGRESS", limit=20):
        print(document.document_id, document.status, document.created_at)
