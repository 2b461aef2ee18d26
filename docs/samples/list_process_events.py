"""List a process's events.

GET /v1/events/{processId}
"""

import os

import _sandbox  # sandbox-only
from signly_client import SignlyClient

_sandbox.provide("PROCESS_ID")  # sandbox-only
process_id = os.environ["PROCESS_ID"]  # a participant's process id (its `processId`)

# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
with SignlyClient(
    tenant_id=os.environ.get("SIGNLY_TENANT_ID", "58bff266-cdad-46db-b373-1b06476146cd"),
    api_key=os.environ.get("SIGNLY_API_KEY", "sk_live_partner_abc123"),
    base_url=os.environ.get("SIGNLY_BASE_URL", "http://127.0.0.1:8080"),
) as client:
    events = client.list_process_events(process_id).data
for event in events:
    print(event.timestamp, event.event_type, event.status, event.actor)
