// Publish a document for signature: POST /v1/documents (Node 20+, built-in fetch)
import { provide } from "./_sandbox.mjs"; // sandbox-only

// Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
const baseUrl = process.env.SIGNLY_BASE_URL || "http://127.0.0.1:8080";
const auth = {
  "X-Tenant-Signly": process.env.SIGNLY_TENANT_ID || "58bff266-cdad-46db-b373-1b06476146cd",
  "X-Auth-Signly": process.env.SIGNLY_API_KEY || "sk_live_partner_abc123",
};
provide("TEMPLATE_ID"); // sandbox-only
const templateId = process.env.TEMPLATE_ID; // a template id (POST /v1/templates returns one)

// Not idempotent (each call publishes one more document and costs one credit): no blind retry.
const response = await fetch(`${baseUrl}/v1/documents`, {
  method: "POST",
  headers: { ...auth, "Content-Type": "application/json" },
  body: JSON.stringify({
    templateId,
    templateVersion: "0001",
    participants: [
      {
        displayName: "Juan David Otero",
        signatureMode: ["SIGNATURE_EMAIL"],
        identity: { email: "juanoterot@outlook.com" },
        policy: { attemptsMax: 3, cooldownSeconds: 60 },
      },
    ],
    orderMode: "PARALLEL",
    deadlineAt: "2030-05-21T23:59:00Z",
  }),
});
if (response.status === 402) {
  throw new Error("no credits left: top up the tenant's balance");
}
const envelope = await response.json(); // every answer, success or error, is the envelope
if (!envelope.success) {
  const { status, code, message, meta } = envelope;
  throw new Error(`${status} ${code}: ${message} (request ${meta.request_id})`);
}
const document = envelope.data;
console.log(document.documentId, document.status);
for (const participant of document.participants) {
  console.log(participant.participantId, participant.processId);
}
