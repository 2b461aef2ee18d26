// Receive process events on your webhook endpoint and check their signature:
// POST <your webhook URL> (webhooks.processEvent). Node 20+, no dependencies.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { provide } from "./_sandbox.mjs"; // sandbox-only

// The secret Signly signs deliveries with, and where this receiver listens.
const secret = process.env.SIGNLY_WEBHOOK_SECRET || "whsec_test_secret";
const port = Number(process.env.WEBHOOK_PORT || "9000");
provide("WEBHOOK"); // sandbox-only

function signedBySignly(body, header) {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(header || "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks); // the exact bytes: sign-check before parsing
    if (request.method !== "POST" || !signedBySignly(body, request.headers["x-signly-signature"])) {
      response.writeHead(401).end(); // not from Signly: ignore it
      return;
    }
    const event = JSON.parse(body);
    console.log("event", event.eventType, event.status, event.processId);
    response.writeHead(200).end(); // any 2xx acknowledges; anything else is retried
  });
});
server.listen(port, "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${port}/`));
