// List a process's events: GET /v1/events/{processId} (Node 20+, built-in fetch)
import { provide } from "./_sandbox.mjs"; // sandbox-only

// Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
const baseUrl = process.env.SIGNLY_BASE_URL || "http://127.0.0.1:8080";
const auth = {
  "X-Tenant-Signly": process.env.SIGNLY_TENANT_ID || "58bff266-cdad-46db-b373-1b06476146cd",
  "X-Auth-Signly": process.env.SIGNLY_API_KEY || "sk_live_partner_abc123",
};
provide("PROCESS_ID"); // sandbox-only
const processId = process.env.PROCESS_ID; // a participant's process id (its `processId`)

const response = await fetch(`${baseUrl}/v1/events/${processId}`, { headers: auth });
const envelope = await response.json(); // every answer, success or error, is the envelope
if (!envelope.success) {
  const { status, code, message, meta } = envelope;
  throw new Error(`${status} ${code}: ${message} (request ${meta.request_id})`);
}
for (const event of envelope.data) {
  console.log(event.timestamp, event.eventType, event.status, event.actor);
}
