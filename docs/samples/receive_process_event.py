"""Receive process events on your webhook endpoint and check their signature.

POST <your webhook URL> (webhooks.processEvent)
"""

import os
from http.server import BaseHTTPRequestHandler, HTTPServer

import _sandbox  # sandbox-only
from signly_client import webhooks

# The secret of your webhook (whsec_...), and where this receiver listens.
SECRET = os.environ.get("SIGNLY_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
PORT = int(os.environ.get("WEBHOOK_PORT", "9000"))
_sandbox.provide("WEBHOOK")  # sandbox-only
seen: set[str] = set()  # webhook-ids already handled (use your database)


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))  # raw bytes
        try:
            # Signature (any of several, constant time) and timestamp (5 minutes) checked.
            event = webhooks.verify(body, self.headers, SECRET)
        except webhooks.WebhookVerificationError as error:
            print("refused", error.reason, flush=True)  # not from Signly, or a replay
            self.send_response(401)
            self.end_headers()
            return
        if self.headers["webhook-id"] not in seen:  # a retry repeats its webhook-id
            seen.add(self.headers["webhook-id"])
            print("event", event.event_type, event.status, event.process_id, flush=True)
        self.send_response(204)  # any 2xx acknowledges; anything else is retried
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


print(f"listening on http://127.0.0.1:{PORT}/", flush=True)
HTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
