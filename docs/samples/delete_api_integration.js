// Revoke the partner credential: DELETE /api (Node 20+, built-in fetch)
// Every /v1 call with the revoked credential answers 401 from now on. In the sandbox, restart
// `signly-sandbox serve` to get the seeded key back.
import { provide } from "./_sandbox.mjs"; // sandbox-only

provide("API_INTEGRATION"); // sandbox-only
// Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
const baseUrl = process.env.SIGNLY_BASE_URL || "http://127.0.0.1:8080";
const token = process.env.SIGNLY_ADMIN_TOKEN || "eyJhbGciOi..."; // the Signly App session
const auth = { "X-Auth-Signly": `Bearer ${token}` };

const response = await fetch(`${baseUrl}/api`, { method: "DELETE", headers: auth });
const envelope = await response.json(); // every answer, success or error, is the envelope
if (!envelope.success) {
  const { status, code, message, meta } = envelope;
  throw new Error(`${status} ${code}: ${message} (request ${meta.request_id})`);
}
console.log("deleted:", envelope.data.deleted);
