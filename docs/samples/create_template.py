"""Create a template.

POST /v1/templates
"""

import os

from signly_client import SignlyClient
from signly_client.models import TemplateInput

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    template = client.create_template(
        body=TemplateInput(
            template_name="Acuerdo de servicio", description="Version comercial vigente"
        )
    ).data
print(template.template_id, template.template_version)
