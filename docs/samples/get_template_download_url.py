"""Download a version's PDF through a presigned URL.

GET /v1/templates/{templateId}/versions/{version}/download-url
"""

import os

import _sandbox  # sandbox-only
from signly_client import SignlyClient

_sandbox.provide("TEMPLATE_ID")  # sandbox-only
template_id = os.environ["TEMPLATE_ID"]  # a template id (POST /v1/templates returns one)
version = int(os.environ.get("VERSION", "1"))

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    target = client.get_template_download_url(template_id, version).data
# A GET of this URL (no Signly headers) returns the PDF until it expires;
# client.download_template_pdf(template_id, version) does both steps and returns the bytes.
print(target.download_url, target.expires_in_seconds)
