"""Create (or replace) the partner credential.

POST /api

Replaces any existing credential: the old key stops working at once. In the sandbox,
restart `signly-mock serve` to get the seeded key back.
"""

import os

from signly_client import AuthenticatedClient
from signly_client.api.api_integration import create_api_integration
from signly_client.models import ApiIntegrationCreatedEnvelope, CreateApiIntegrationRequest

# Settings default to the local sandbox (`signly-mock serve`); set them for production.
client = AuthenticatedClient(
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
    auth_header_name="X-Auth-Signly",
    prefix="Bearer",
    token=os.environ.get("SIGNLY_ADMIN_TOKEN", "eyJhbGciOi..."),  # the Signly App session
)

with client:
    result = create_api_integration.sync(
        client=client, body=CreateApiIntegrationRequest(auth_method="KEY")
    )
if not isinstance(result, ApiIntegrationCreatedEnvelope):
    raise SystemExit(f"request failed: {result}")
# Shown once: store it in your secret manager.
print(result.data.key_id, result.data.api_key)
