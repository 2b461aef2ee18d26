"""List templates, newest first.

GET /v1/templates
"""

import os

from signly_client import AuthenticatedClient
from signly_client.api.templates import list_templates
from signly_client.models import TemplateListEnvelope

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
    result = list_templates.sync(client=client, limit=10, sort="-createdAt")
if not isinstance(result, TemplateListEnvelope):
    raise SystemExit(f"request failed: {result}")
print(len(result.data), "templates")
for template in result.data:
    print(template.template_id, template.template_name, template.version)
if result.pagination and result.pagination.has_more:
    print("next page: cursor =", result.pagination.next_cursor)
