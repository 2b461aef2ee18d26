"""Revoke the partner credential.

DELETE /api

Every /v1 call with the revoked credential answers 401 from now on. In the sandbox,
restart `signly-mock serve` to get the seeded key back.
"""

import os

import _sandbox  # sandbox-only
from signly_client import AuthenticatedClient
from signly_client.api.api_integration import delete_api_integration
from signly_client.models import DeletedEnvelope

_sandbox.provide("API_INTEGRATION")  # sandbox-only
# Settings default to the local sandbox (`signly-mock serve`); set them for production.
client = AuthenticatedClient(
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
    auth_header_name="X-Auth-Signly",
    prefix="Bearer",
    token=os.environ.get("SIGNLY_ADMIN_TOKEN", "eyJhbGciOi..."),  # the Signly App session
)

with client:
    result = delete_api_integration.sync(client=client)
if not isinstance(result, DeletedEnvelope):
    raise SystemExit(f"request failed: {result}")
print("deleted:", result.data.deleted)
