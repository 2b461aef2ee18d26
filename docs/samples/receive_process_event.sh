#!/bin/sh
# Send your webhook endpoint a signed test delivery, as Signly does: POST <your webhook URL>
set -eu
WEBHOOK_URL="${WEBHOOK_URL:-http://127.0.0.1:9000/}"  # your receiver
SIGNLY_WEBHOOK_SECRET="${SIGNLY_WEBHOOK_SECRET:-whsec_test_secret}"

BODY='{"eventId":"01JC8DYNXKHPK6H4F0VYB3J9R3","eventType":"PROCESS_CREATED","processId":"proc-20251027-0001","status":"SUCCESS","actor":"backend","timestamp":"2025-10-27T15:00:01.120Z","documentId":"6c0b7f1e-2a4d-4f5b-9c3e-1d2f3a4b5c6d","tenantId":"58bff266-cdad-46db-b373-1b06476146cd"}'
# X-Signly-Signature: sha256= and the hex HMAC-SHA256 of the exact body bytes.
SIGNATURE=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SIGNLY_WEBHOOK_SECRET" -r | cut -d' ' -f1)

curl --fail-with-body -sS -X POST "$WEBHOOK_URL" \
  -H "Content-Type: application/json" \
  -H "X-Signly-Signature: sha256=$SIGNATURE" \
  --data-binary "$BODY"
echo "delivered (HTTP 2xx)"
