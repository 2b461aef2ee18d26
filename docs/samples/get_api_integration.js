// Read the partner credential: GET /api (Node 20+, built-in fetch)
import { provide } from "./_sandbox.mjs"; // sandbox-only

provide("API_INTEGRATION"); // sandbox-only
// Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
const baseUrl = process.env.SIGNLY_BASE_URL || "http://127.0.0.1:8080";
const token = process.env.SIGNLY_ADMIN_TOKEN || "eyJhbGciOi..."; // the Signly App session
const auth = { "X-Auth-Signly": `Bearer ${token}` };

const response = await fetch(`${baseUrl}/api`, { headers: auth });
const envelope = await response.json(); // every answer, success or error, is the envelope
if (!envelope.success) {
  const { status, code, message, meta } = envelope;
  throw new Error(`${status} ${code}: ${message} (request ${meta.request_id})`);
}
const configuration = envelope.data;
console.log(configuration.authMethod, configuration.status, configuration.keyId);
