#!/bin/sh
# Create a template: POST /v1/templates
set -eu
# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
SIGNLY_BASE_URL="${SIGNLY_BASE_URL:-http://127.0.0.1:8080}"
SIGNLY_TENANT_ID="${SIGNLY_TENANT_ID:-58bff266-cdad-46db-b373-1b06476146cd}"
SIGNLY_API_KEY="${SIGNLY_API_KEY:-sk_live_partner_abc123}"

curl --fail-with-body -sS -X POST "$SIGNLY_BASE_URL/v1/templates" \
  -H "X-Tenant-Signly: $SIGNLY_TENANT_ID" \
  -H "X-Auth-Signly: $SIGNLY_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"templateName": "Acuerdo de servicio", "description": "Version comercial vigente"}'
