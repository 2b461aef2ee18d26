#!/bin/sh
# Set the fields of a template's latest version: PUT /v1/templates/{templateId}/fields
set -eu
# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
SIGNLY_BASE_URL="${SIGNLY_BASE_URL:-http://127.0.0.1:8080}"
SIGNLY_TENANT_ID="${SIGNLY_TENANT_ID:-58bff266-cdad-46db-b373-1b06476146cd}"
SIGNLY_API_KEY="${SIGNLY_API_KEY:-sk_live_partner_abc123}"
eval "$(python3 "$(dirname "$0")/_sandbox.py" TEMPLATE_ID)"  # sandbox-only
# TEMPLATE_ID: a template id (POST /v1/templates returns one).

curl --fail-with-body -sS -X PUT "$SIGNLY_BASE_URL/v1/templates/$TEMPLATE_ID/fields" \
  -H "X-Tenant-Signly: $SIGNLY_TENANT_ID" \
  -H "X-Auth-Signly: $SIGNLY_API_KEY" \
  -H "Content-Type: application/json" \
  -d '[{"fieldName": "FIRMA_CLIENTE", "fieldType": "SIGNATURE", "page": 1, "x": 124, "y": 566}]'
