"""List a template's versions.

GET /v1/templates/{templateId}/history
"""

import os

import _sandbox  # sandbox-only
from signly_client import SignlyClient

_sandbox.provide("TEMPLATE_ID")  # sandbox-only
template_id = os.environ["TEMPLATE_ID"]  # a template id (POST /v1/templates returns one)

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    versions = client.list_template_history(template_id).data
for version in versions:
    print(version.template_version, version.created_at)
