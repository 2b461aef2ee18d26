"""List a process's events.

GET /v1/events/{processId}
"""

import os

import _sandbox  # sandbox-only
from signly_client import AuthenticatedClient
from signly_client.api.events import list_process_events
from signly_client.models import ProcessEventListEnvelope

_sandbox.provide("PROCESS_ID")  # sandbox-only
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
process_id = os.environ["PROCESS_ID"]  # a participant's process id (its `processId`)

with client:
    result = list_process_events.sync(process_id, client=client)
if not isinstance(result, ProcessEventListEnvelope):
    raise SystemExit(f"request failed: {result}")
for event in result.data:
    print(event.timestamp, event.event_type, event.status, event.actor)
