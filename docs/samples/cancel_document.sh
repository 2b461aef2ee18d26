#!/bin/sh
# Cancel a document: DELETE /v1/documents/{documentId}/cancel
set -eu
# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
SIGNLY_BASE_URL="${SIGNLY_BASE_URL:-http://127.0.0.1:8080}"
SIGNLY_TENANT_ID="${SIGNLY_TENANT_ID:-58bff266-cdad-46db-b373-1b06476146cd}"
SIGNLY_API_KEY="${SIGNLY_API_KEY:-sk_live_partner_abc123}"
eval "$(python3 "$(dirname "$0")/_sandbox.py" DOCUMENT_ID)"  # sandbox-only
# DOCUMENT_ID: a document id (POST /v1/documents returns one).

curl --fail-with-body -sS -X DELETE "$SIGNLY_BASE_URL/v1/documents/$DOCUMENT_ID/cancel" \
  -H "X-Tenant-Signly: $SIGNLY_TENANT_ID" \
  -H "X-Auth-Signly: $SIGNLY_API_KEY"
