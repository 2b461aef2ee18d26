// Upload a version's PDF through a presigned URL:
// POST /v1/templates/{templateId}/versions/{version}/upload-url (Node 20+, built-in fetch)
import { readFile } from "node:fs/promises";
import { provide } from "./_sandbox.mjs"; // sandbox-only

// Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
const baseUrl = process.env.SIGNLY_BASE_URL || "http://127.0.0.1:8080";
const auth = {
  "X-Tenant-Signly": process.env.SIGNLY_TENANT_ID || "58bff266-cdad-46db-b373-1b06476146cd",
  "X-Auth-Signly": process.env.SIGNLY_API_KEY || "sk_live_partner_abc123",
};
provide("TEMPLATE_ID", "TEMPLATE_PDF"); // sandbox-only
const templateId = process.env.TEMPLATE_ID; // a template id (POST /v1/templates returns one)
const version = process.env.VERSION || "1"; // the version number
const pdfPath = process.env.TEMPLATE_PDF || "template.pdf"; // the PDF to upload

const url = `${baseUrl}/v1/templates/${templateId}/versions/${version}/upload-url`;
const response = await fetch(url, { method: "POST", headers: auth });
const envelope = await response.json(); // every answer, success or error, is the envelope
if (!envelope.success) {
  const { status, code, message, meta } = envelope;
  throw new Error(`${status} ${code}: ${message} (request ${meta.request_id})`);
}
const target = envelope.data;
console.log(target.method, target.uploadUrl, target.expiresInSeconds);

// Then PUT the PDF itself to storage, with no Signly headers, before the URL expires.
const upload = await fetch(target.uploadUrl, {
  method: target.method,
  headers: { "Content-Type": "application/pdf" },
  body: await readFile(pdfPath),
});
if (!upload.ok) {
  throw new Error(`storage refused the PDF: ${upload.status} ${await upload.text()}`);
}
console.log("uploaded", pdfPath);
