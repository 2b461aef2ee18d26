"""Revoke the partner credential.

DELETE /api

Every /v1 call with the revoked credential answers 401 from now on. In the sandbox,
restart `signly-sandbox serve` to get the seeded key back.
"""

import os

import _sandbox  # sandbox-only
from signly_client import SignlyAdminClient

_sandbox.provide("API_INTEGRATION")  # sandbox-only
# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyAdminClient(
    token=os.environ.get("SIGNLY_ADMIN_TOKEN", "eyJhbGciOi..."),  # the Signly App session
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as admin:
    result = admin.delete_api_integration().data
print("deleted:", result.deleted)
