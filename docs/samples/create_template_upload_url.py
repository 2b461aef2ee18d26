"""Upload a version's PDF through a presigned URL.

POST /v1/templates/{templateId}/versions/{version}/upload-url
"""

import os
from uuid import UUID

import _sandbox  # sandbox-only
import httpx
from signly_client import AuthenticatedClient
from signly_client.api.templates import create_template_upload_url
from signly_client.models import UploadUrlEnvelope

_sandbox.provide("TEMPLATE_ID", "TEMPLATE_PDF")  # sandbox-only
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
pdf_path = os.environ.get("TEMPLATE_PDF", "template.pdf")

with client:
    result = create_template_upload_url.sync(template_id, version, client=client)
if not isinstance(result, UploadUrlEnvelope):
    raise SystemExit(f"request failed: {result}")
# Then PUT the PDF itself to storage, with no Signly headers, before the URL expires.
with open(pdf_path, "rb") as pdf:
    upload = httpx.put(
        result.data.upload_url, content=pdf.read(), headers={"Content-Type": "application/pdf"}
    )
upload.raise_for_status()
print("uploaded", pdf_path)
