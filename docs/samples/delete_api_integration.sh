#!/bin/sh
# Revoke the partner credential: DELETE /api
set -eu
# Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
SIGNLY_BASE_URL="${SIGNLY_BASE_URL:-http://127.0.0.1:8080}"
SIGNLY_ADMIN_TOKEN="${SIGNLY_ADMIN_TOKEN:-eyJhbGciOi...}"  # the Signly App session
# Every /v1 call with the revoked credential answers 401 from now on. In the sandbox,
# restart `signly-sandbox serve` to get the seeded key back.
eval "$(python3 "$(dirname "$0")/_sandbox.py" API_INTEGRATION)"  # sandbox-only

curl --fail-with-body -sS -X DELETE "$SIGNLY_BASE_URL/api" \
  -H "X-Auth-Signly: Bearer $SIGNLY_ADMIN_TOKEN"
