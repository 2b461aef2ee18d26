// Get a template: GET /v1/templates/{templateId} (Node 20+, built-in fetch)
import { provide } from "./_sandbox.mjs"; // sandbox-only

// Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
const baseUrl = process.env.SIGNLY_BASE_URL || "http://127.0.0.1:8080";
const auth = {
  "X-Tenant-Signly": process.env.SIGNLY_TENANT_ID || "58bff266-cdad-46db-b373-1b06476146cd",
  "X-Auth-Signly": process.env.SIGNLY_API_KEY || "sk_live_partner_abc123",
};
provide("TEMPLATE_ID"); // sandbox-only
const templateId = process.env.TEMPLATE_ID; // a template id (POST /v1/templates returns one)

const response = await fetch(`${baseUrl}/v1/templates/${templateId}`, { headers: auth });
const envelope = await response.json(); // every answer, success or error, is the envelope
if (!envelope.success) {
  const { status, code, message, meta } = envelope;
  throw new Error(`${status} ${code}: ${message} (request ${meta.request_id})`);
}
const template = envelope.data;
console.log(template.templateName, template.templateVersion);
