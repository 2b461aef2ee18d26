"""Upload a version's PDF through a presigned URL.

POST /v1/templates/{templateId}/versions/{version}/upload-url
"""

import os

import _sandbox  # sandbox-only
from signly_client import SignlyClient, StorageError

_sandbox.provide("TEMPLATE_ID", "TEMPLATE_PDF")  # sandbox-only
template_id = os.environ["TEMPLATE_ID"]  # a template id (POST /v1/templates returns one)
version = int(os.environ.get("VERSION", "1"))
pdf_path = os.environ.get("TEMPLATE_PDF", "template.pdf")

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    # The operation: a presigned URL to PUT the PDF to (no Signly headers) before it expires.
    target = client.create_template_upload_url(template_id, version).data
    print(target.method, target.upload_url, target.expires_in_seconds)
    # Or in one call: request a URL, PUT the file to it and check storage's answer.
    try:
        client.upload_template_pdf(template_id, version, pdf_path)
    except StorageError as error:
        raise SystemExit(f"storage refused the PDF: {error.message}") from None
print("uploaded", pdf_path)
