"""Receive process events on your webhook endpoint and check their signature.

POST <your webhook URL> (webhooks.processEvent)
"""

import hashlib
import hmac
import json
import os
from http.server import BaseHTTPRequestHandler, HTTPServer

import _sandbox  # sandbox-only
from signly_client.models import ProcessEventNotification

# The secret Signly signs deliveries with, and where this receiver listens.
SECRET = os.environ.get("SIGNLY_WEBHOOK_SECRET", "whsec_test_secret").encode()
PORT = int(os.environ.get("WEBHOOK_PORT", "9000"))
_sandbox.provide("WEBHOOK")  # sandbox-only


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.headers.get("X-Signly-Signature", "")):
            self.send_response(401)  # not from Signly: ignore it
            self.end_headers()
            return
        event = ProcessEventNotification.from_dict(json.loads(body))
        print("event", event.event_type, event.status, event.process_id, flush=True)
        self.send_response(200)  # any 2xx acknowledges; anything else is retried
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


print(f"listening on http://127.0.0.1:{PORT}/", flush=True)
HTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
