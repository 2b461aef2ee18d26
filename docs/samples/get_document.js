// Get a document and its participants: GET /v1/documents/{documentId} (Node 20+, built-in fetch)
import { provide } from "./_sandbox.mjs"; // sandbox-only

// Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
const baseUrl = process.env.SIGNLY_BASE_URL || "http://127.0.0.1:8080";
const auth = {
  "X-Tenant-Signly": process.env.SIGNLY_TENANT_ID || "58bff266-cdad-46db-b373-1b06476146cd",
  "X-Auth-Signly": process.env.SIGNLY_API_KEY || "sk_live_partner_abc123",
};
provide("DOCUMENT_ID"); // sandbox-only
const documentId = process.env.DOCUMENT_ID; // a document id (POST /v1/documents returns one)

const response = await fetch(`${baseUrl}/v1/documents/${documentId}`, { headers: auth });
if (response.status === 404) {
  // An unknown id, or another tenant's document.
  const { meta } = await response.json();
  throw new Error(`no document ${documentId} (request ${meta.request_id})`);
}
const envelope = await response.json(); // every answer, success or error, is the envelope
if (!envelope.success) {
  const { status, code, message, meta } = envelope;
  throw new Error(`${status} ${code}: ${message} (request ${meta.request_id})`);
}
const document = envelope.data;
console.log(document.status, document.deadlineAt);
for (const participant of document.participants) {
  console.log(participant.displayName, participant.status, participant.processId);
}
