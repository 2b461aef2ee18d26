"""Create the partner credential.

POST /api

A tenant has one credential: while it exists this answers 409 `api_integration_exists`.
To rotate, revoke it first (DELETE /api). In the sandbox, restart `signly-sandbox serve` to
get the seeded key back.
"""

import os

import _sandbox  # sandbox-only
from signly_client import SignlyAdminClient
from signly_client.models import CreateApiIntegrationRequest

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
_sandbox.provide("NO_API_INTEGRATION")  # sandbox-only
with SignlyAdminClient(
    token=os.environ.get("SIGNLY_ADMIN_TOKEN", "eyJhbGciOi..."),  # the Signly App session
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as admin:
    credential = admin.create_api_integration(
        body=CreateApiIntegrationRequest(auth_method="KEY")
    ).data
# Shown once: store it in your secret manager.
print(credential.key_id, credential.api_key)
