#!/bin/sh
# Create (or replace) the partner credential: POST /api
set -eu
# Settings default to the local sandbox (`signly-mock serve`); set them for production.
SIGNLY_BASE_URL="${SIGNLY_BASE_URL:-http://127.0.0.1:8080}"
SIGNLY_ADMIN_TOKEN="${SIGNLY_ADMIN_TOKEN:-eyJhbGciOi...}"  # the Signly App session
# Replaces any existing credential: the old key stops working at once. In the sandbox,
# restart `signly-mock serve` to get the seeded key back.

curl --fail-with-body -sS -X POST "$SIGNLY_BASE_URL/api" \
  -H "X-Auth-Signly: Bearer $SIGNLY_ADMIN_TOKEN" \
  -H "Content-Type: application/json" \
  -d '{"auth_method": "KEY"}'
