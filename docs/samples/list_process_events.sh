#!/bin/sh
# List a process's events: GET /v1/events/{processId}
set -eu
# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
SIGNLY_BASE_URL="${SIGNLY_BASE_URL:-http://127.0.0.1:8080}"
SIGNLY_TENANT_ID="${SIGNLY_TENANT_ID:-58bff266-cdad-46db-b373-1b06476146cd}"
SIGNLY_API_KEY="${SIGNLY_API_KEY:-sk_live_partner_abc123}"
eval "$(python3 "$(dirname "$0")/_sandbox.py" PROCESS_ID)"  # sandbox-only
# PROCESS_ID: a participant's process id (its `processId`).

curl --fail-with-body -sS "$SIGNLY_BASE_URL/v1/events/$PROCESS_ID" \
  -H "X-Tenant-Signly: $SIGNLY_TENANT_ID" \
  -H "X-Auth-Signly: $SIGNLY_API_KEY"
