// Create the partner credential: POST /api (Node 20+, built-in fetch)
// A tenant has one credential: while it exists this answers 409 `api_integration_exists`.
// To rotate, revoke it first (DELETE /api). In the sandbox, restart `signly-sandbox serve` to
// get the seeded key back.
import { provide } from "./_sandbox.mjs"; // sandbox-only

provide("NO_API_INTEGRATION"); // sandbox-only
// Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
const baseUrl = process.env.SIGNLY_BASE_URL || "http://127.0.0.1:8080";
const token = process.env.SIGNLY_ADMIN_TOKEN || "eyJhbGciOi..."; // the Signly App session
const auth = { "X-Auth-Signly": `Bearer ${token}` };

const response = await fetch(`${baseUrl}/api`, {
  method: "POST",
  headers: { ...auth, "Content-Type": "application/json" },
  body: JSON.stringify({ auth_method: "KEY" }),
});
const envelope = await response.json(); // every answer, success or error, is the envelope
if (!envelope.success) {
  const { status, code, message, meta } = envelope;
  throw new Error(`${status} ${code}: ${message} (request ${meta.request_id})`);
}
// Shown once: store it in your secret manager.
console.log(envelope.data.keyId, envelope.data.apiKey);
