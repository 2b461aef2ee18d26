"""Create a template.

POST /v1/templates
"""

import os

from signly_client import AuthenticatedClient
from signly_client.api.templates import create_template
from signly_client.models import TemplateCreatedEnvelope, TemplateInput

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
    result = create_template.sync(
        client=client,
        body=TemplateInput(
            template_name="Acuerdo de servicio", description="Version comercial vigente"
        ),
    )
if not isinstance(result, TemplateCreatedEnvelope):
    raise SystemExit(f"request failed: {result}")
print(result.data.template_id, result.data.template_version)
