"""Download a version's PDF through a presigned URL.

GET /v1/templates/{templateId}/versions/{version}/download-url
"""

import os
from uuid import UUID

import _sandbox  # sandbox-only
from signly_client import AuthenticatedClient
from signly_client.api.templates import get_template_download_url
from signly_client.models import DownloadUrlEnvelope

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
version = int(os.environ.get("VERSION", "1"))

with client:
    result = get_template_download_url.sync(template_id, version, client=client)
if not isinstance(result, DownloadUrlEnvelope):
    raise SystemExit(f"request failed: {result}")
# A GET of this URL (no Signly headers) returns the PDF until it expires.
print(result.data.download_url, result.data.expires_in_seconds)
