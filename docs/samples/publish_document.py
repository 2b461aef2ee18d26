"""Publish a document for signature.

POST /v1/documents
"""

import os
from uuid import UUID

import _sandbox  # sandbox-only
from signly_client import AuthenticatedClient
from signly_client.api.documents import publish_document
from signly_client.models import PublishDocumentRequest, PublishedDocumentEnvelope

_sandbox.provide("TEMPLATE_ID")  # sandbox-only
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
template_id = UUID(os.environ["TEMPLATE_ID"])  # a template id (POST /v1/templates returns one)

with client:
    result = publish_document.sync(
        client=client,
        body=PublishDocumentRequest.from_dict(
            {
                "templateId": str(template_id),
                "templateVersion": "0001",
                "participants": [
                    {
                        "displayName": "Juan David Otero",
                        "signatureMode": ["SIGNATURE_EMAIL"],
                        "identity": {"email": "juanoterot@outlook.com"},
                        "policy": {"attemptsMax": 3, "cooldownSeconds": 60},
                    }
                ],
                "orderMode": "PARALLEL",
                "deadlineAt": "2030-05-21T23:59:00Z",
            }
        ),
    )
if not isinstance(result, PublishedDocumentEnvelope):
    raise SystemExit(f"request failed: {result}")
print(result.data.document_id, result.data.status)
for participant in result.data.participants:
    print(participant.participant_id, participant.process_id)
