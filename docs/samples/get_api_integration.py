"""Read the partner credential.

GET /api
"""

import os

import _sandbox  # sandbox-only
from signly_client import AuthenticatedClient
from signly_client.api.api_integration import get_api_integration
from signly_client.models import ApiIntegrationEnvelope

_sandbox.provide("API_INTEGRATION")  # sandbox-only
# Settings default to the local sandbox (`signly-mock serve`); set them for production.
client = AuthenticatedClient(
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
    auth_header_name="X-Auth-Signly",
    prefix="Bearer",
    token=os.environ.get("SIGNLY_ADMIN_TOKEN", "eyJhbGciOi..."),  # the Signly App session
)

with client:
    result = get_api_integration.sync(client=client)
if not isinstance(result, ApiIntegrationEnvelope):
    raise SystemExit(f"request failed: {result}")
print(result.data.auth_method, result.data.status, result.data.key_id)
