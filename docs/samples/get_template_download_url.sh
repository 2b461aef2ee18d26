#!/bin/sh
# Download a version's PDF through a presigned URL: GET /v1/templates/{templateId}/versions/{version}/download-url
set -eu
# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
SIGNLY_BASE_URL="${SIGNLY_BASE_URL:-http://127.0.0.1:8080}"
SIGNLY_TENANT_ID="${SIGNLY_TENANT_ID:-58bff266-cdad-46db-b373-1b06476146cd}"
SIGNLY_API_KEY="${SIGNLY_API_KEY:-sk_live_partner_abc123}"
eval "$(python3 "$(dirname "$0")/_sandbox.py" TEMPLATE_ID)"  # sandbox-only
# TEMPLATE_ID: a template id (POST /v1/templates returns one).
# VERSION: the version number (default 1).

curl --fail-with-body -sS "$SIGNLY_BASE_URL/v1/templates/$TEMPLATE_ID/versions/${VERSION:-1}/download-url" \
  -H "X-Tenant-Signly: $SIGNLY_TENANT_ID" \
  -H "X-Auth-Signly: $SIGNLY_API_KEY"
