// Receive process events on your webhook endpoint and check their signature:
// POST <your webhook URL> (webhooks.processEvent). Node 20+, no dependencies.
// Deliveries are signed per the Standard Webhooks specification.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { provide } from "./_sandbox.mjs"; // sandbox-only

// The secret of your webhook (whsec_...), and where this receiver listens.
const secret = process.env.SIGNLY_WEBHOOK_SECRET || "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const port = Number(process.env.WEBHOOK_PORT || "9000");
provide("WEBHOOK"); // sandbox-only
const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
const tolerance = 5 * 60; // seconds: older (or later) deliveries are replays
const seen = new Set(); // webhook-ids already handled (use your database)

// The reason a delivery must not be trusted, or null when it is Signly's.
function refusal(headers, body) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return "missing_headers";
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) return "invalid_timestamp";
  const now = Math.floor(Date.now() / 1000);
  if (seconds < now - tolerance) return "timestamp_too_old";
  if (seconds > now + tolerance) return "timestamp_too_new";
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
  // During a secret rotation a delivery carries several signatures: any one may match.
  for (const entry of signatures.split(" ")) {
    const [version, value] = entry.split(",", 2);
    const given = Buffer.from(value || "", "base64");
    if (version === "v1" && given.length === expected.length && timingSafeEqual(given, expected)) {
      return null;
    }
  }
  return "no_matching_signature";
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks); // the exact bytes: check before parsing
    const reason = request.method === "POST" ? refusal(request.headers, body) : "not_a_delivery";
    if (reason !== null) {
      console.log("refused", reason); // not from Signly, or a replay
      response.writeHead(401).end();
      return;
    }
    const id = request.headers["webhook-id"];
    if (!seen.has(id)) { // a retry repeats its webhook-id
      seen.add(id);
      const event = JSON.parse(body);
      console.log("event", event.eventType, event.status, event.processId);
    }
    response.writeHead(204).end(); // any 2xx acknowledges; anything else is retried
  });
});
server.listen(port, "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${port}/`));
