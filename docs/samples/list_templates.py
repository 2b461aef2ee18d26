"""List templates, newest first.

GET /v1/templates
"""

import os

from signly_client import SignlyClient

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    page = client.list_templates(limit=10, sort="-createdAt")
    # client.iter_templates(sort="-createdAt") would yield every template, page after page.
print(len(page.data), "templates")
for template in page.data:
    print(template.template_id, template.template_name, template.version)
if page.pagination and page.pagination.has_more:
    print("next page: cursor =", page.pagination.next_cursor)
