#!/bin/sh
# Send your webhook endpoint a signed test delivery, as Signly does: POST <your webhook URL>
set -eu
WEBHOOK_URL="${WEBHOOK_URL:-http://127.0.0.1:9000/}"  # your receiver
SIGNLY_WEBHOOK_SECRET="${SIGNLY_WEBHOOK_SECRET:-whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}"

BODY='{"eventId":"01JC8DYNXKHPK6H4F0VYB3J9R3","eventType":"PROCESS_CREATED","processId":"proc-20251027-0001","status":"SUCCESS","actor":"backend","timestamp":"2025-10-27T15:00:01.120Z","documentId":"6c0b7f1e-2a4d-4f5b-9c3e-1d2f3a4b5c6d","tenantId":"58bff266-cdad-46db-b373-1b06476146cd"}'
ID="msg_01JC8DYNXKHPK6H4F0VYB3J9R3"
TIMESTAMP=$(date +%s)
# Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body", keyed with the secret's bytes.
KEY=$(printf '%s' "${SIGNLY_WEBHOOK_SECRET#whsec_}" | base64 -d | od -An -vtx1 | tr -d ' \n')
SIGNATURE=$(printf '%s.%s.%s' "$ID" "$TIMESTAMP" "$BODY" \
  | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$KEY" -binary | base64)

curl --fail-with-body -sS -X POST "$WEBHOOK_URL" \
  -H "Content-Type: application/json" \
  -H "webhook-id: $ID" \
  -H "webhook-timestamp: $TIMESTAMP" \
  -H "webhook-signature: v1,$SIGNATURE" \
  --data-binary "$BODY"
echo "delivered (HTTP 2xx)"
