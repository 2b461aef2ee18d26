"""Delete one version of a template.

DELETE /v1/templates/{templateId}/versions/{version}
"""

import os

import _sandbox  # sandbox-only
from signly_client import SignlyClient

_sandbox.provide("TEMPLATE_ID", "VERSION")  # sandbox-only
template_id = os.environ["TEMPLATE_ID"]  # a template id (POST /v1/templates returns one)
# A version number of that template (PUT /v1/templates/{templateId} adds one).
version = int(os.environ["VERSION"])

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    result = client.delete_template_version(template_id, version).data
print("deleted:", result.deleted)
