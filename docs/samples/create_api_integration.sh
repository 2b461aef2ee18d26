#!/bin/sh
# Create the partner credential: POST /api
set -eu
# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
SIGNLY_BASE_URL="${SIGNLY_BASE_URL:-http://127.0.0.1:8080}"
SIGNLY_ADMIN_TOKEN="${SIGNLY_ADMIN_TOKEN:-eyJhbGciOi...}"  # the Signly App session
# A tenant has one credential: while it exists this answers 409 api_integration_exists.
# To rotate, revoke it first (DELETE /api). In the sandbox, restart `signly-sandbox serve` to
# get the seeded key back.
eval "$(python3 "$(dirname "$0")/_sandbox.py" NO_API_INTEGRATION)"  # sandbox-only

curl --fail-with-body -sS -X POST "$SIGNLY_BASE_URL/api" \
  -H "X-Auth-Signly: Bearer $SIGNLY_ADMIN_TOKEN" \
  -H "Content-Type: application/json" \
  -d '{"auth_method": "KEY"}'
