// List documents, filtered by status: GET /v1/documents (Node 20+, built-in fetch)
// Settings default to the local sandbox (`signly-sandbox serve`); set them for production.
const baseUrl = process.env.SIGNLY_BASE_URL || "http://127.0.0.1:8080";
const auth = {
  "X-Tenant-Signly": process.env.SIGNLY_TENANT_ID || "58bff266-cdad-46db-b373-1b06476146cd",
  "X-Auth-Signly": process.env.SIGNLY_API_KEY || "sk_live_partner_abc123",
};

console.log("documents in progress:");
// Every page, 20 per request, by following pagination.nextCursor.
let cursor = null;
do {
  const query = new URLSearchParams({ status: "IN_PROGRESS", limit: "20" });
  if (cursor) query.set("cursor", cursor);
  const response = await fetch(`${baseUrl}/v1/documents?${query}`, { headers: auth });
  const envelope = await response.json(); // every answer, success or error, is the envelope
  if (!envelope.success) {
    const { status, code, message, meta } = envelope;
    throw new Error(`${status} ${code}: ${message} (request ${meta.request_id})`);
  }
  for (const document of envelope.data) {
    console.log(document.documentId, document.status, document.createdAt);
  }
  cursor = envelope.pagination?.hasMore ? envelope.pagination.nextCursor : null;
} while (cursor);
