"""Delete a template.

DELETE /v1/templates/{templateId}
"""

import os
from uuid import UUID

import _sandbox  # sandbox-only
from signly_client import AuthenticatedClient
from signly_client.api.templates import delete_template
from signly_client.models import EmptyEnvelope

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
    result = delete_template.sync(template_id, client=client)
if not isinstance(result, EmptyEnvelope):
    raise SystemExit(f"request failed: {result}")
print(result.code)
