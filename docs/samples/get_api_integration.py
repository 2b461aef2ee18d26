"""Read the partner credential.

GET /api
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
    configuration = admin.get_api_integration().data
print(configuration.auth_method, configuration.status, configuration.key_id)
