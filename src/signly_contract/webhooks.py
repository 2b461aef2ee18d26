"""Webhook deliveries as contract: a loopback receiver and the rules of the spec's `webhooks`.

Why a receiver of our own: deliveries are part of the contract since the spec's `webhooks`
section, and the only way to check one is to be its destination. The receiver records every
POST exactly as it arrived (raw body, headers, arrival order) and acknowledges it at once
with a 200, so anything beyond one delivery per event is the server's doing.

What the spec says about a delivery is read from it, not repeated here: the payload schema
(`requestBody`) and the headers (`parameters`) of `webhooks.processEvent`. The signature is
Standard Webhooks (D22: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64
HMAC-SHA256 of id.timestamp.body>` keyed with the base64 part of a `whsec_` secret), and it
is verified by two independent verifiers, each of which must accept the delivery: the
specification's reference implementation (`standardwebhooks`, what a partner on another
stack uses) and the Python client's `signly_client.webhooks.verify` (what ours use). When
either is not installed, this module's own reading of the specification stands in for it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from signly_contract.operations import public_spec

TOLERANCE_SECONDS = 300  # Standard Webhooks: refuse a timestamp further than 5 minutes away


@dataclass
class Delivery:
    index: int
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    received_at: float

    @property
    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None


@dataclass
class Receiver:
    """An HTTP server that records every POST and answers 200."""

    host: str = "127.0.0.1"
    port: int = 0
    deliveries: list[Delivery] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _server: ThreadingHTTPServer | None = field(default=None, repr=False)

    def start(self) -> str:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                receiver._add(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://{self.host}:{self.port}/signly-webhook"

    def _add(self, path: str, headers: dict[str, str], body: bytes) -> None:
        with self._lock:
            self.deliveries.append(Delivery(len(self.deliveries), path, headers, body, time.time()))

    def snapshot(self) -> list[Delivery]:
        with self._lock:
            return list(self.deliveries)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


_RECEIVERS: dict[str, tuple[Receiver, str]] = {}
_RECEIVERS_LOCK = threading.Lock()


def shared_receiver(
    listen: str | None = None, public_url: str | None = None
) -> tuple[Receiver, str]:
    """One receiver per process and address, started on first use and kept until exit: a
    server keeps delivering after a test is done, and those deliveries must not hit a closed
    port. Returns it and the URL to configure (`public_url` when the server reaches it
    through another address)."""
    key = listen or ""
    with _RECEIVERS_LOCK:
        if key not in _RECEIVERS:
            host, port = "127.0.0.1", 0
            if listen:
                host, _, text = listen.rpartition(":")
                host, port = host or "127.0.0.1", int(text)
            elif public_url:
                port = urlsplit(public_url).port or 0
            receiver = Receiver(host, port)
            url = receiver.start()
            _RECEIVERS[key] = (receiver, public_url or url)
        return _RECEIVERS[key]


# --- the spec's webhooks section -------------------------------------------------------------


@cache
def webhook_spec() -> dict[str, Any]:
    """`webhooks.processEvent.post` of the public spec."""
    document: Any = public_spec()
    operation: dict[str, Any] = document["webhooks"]["processEvent"]["post"]
    return operation


def new_secret() -> str:
    """A `whsec_` secret: the prefix and the base64 of 24 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


@cache
def _validator(pointer: str) -> Any:
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    registry: Registry[Any] = Registry().with_resource(
        "urn:signly:spec", DRAFT202012.create_resource(public_spec())
    )
    return Draft202012Validator(
        {"$ref": f"urn:signly:spec{pointer}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


BASE = "#/webhooks/processEvent/post"


def payload_problems(delivery: Delivery) -> list[str]:
    body = delivery.json
    if body is None:
        return ["the body is not JSON"]
    validator = _validator(f"{BASE}/requestBody/content/application~1json/schema")
    return [
        f"{'/'.join(map(str, e.path)) or 'body'}: {e.message}" for e in validator.iter_errors(body)
    ][:5]


def header_problems(delivery: Delivery) -> list[str]:
    problems = []
    for index, parameter in enumerate(webhook_spec().get("parameters", [])):
        if parameter.get("in") != "header":
            continue
        name = str(parameter["name"]).lower()
        value = delivery.headers.get(name)
        if value is None:
            if parameter.get("required"):
                problems.append(f"no {parameter['name']} header")
            continue
        validator = _validator(f"{BASE}/parameters/{index}/schema")
        if not validator.is_valid(value):
            problems.append(f"{parameter['name']} {value!r} breaks its schema")
    content_type = delivery.headers.get("content-type", "")
    if not content_type.startswith("application/json"):
        problems.append(f"Content-Type {content_type!r}, not application/json")
    return problems


def signature_problems(delivery: Delivery, secret: str, now: float | None = None) -> list[str]:
    """Whether the delivery is signed with `secret` as Standard Webhooks says: refused by
    the reference implementation or by the client's verifier, it is not Signly's."""
    problems: list[str] = []
    moment = time.time() if now is None else now
    own = False  # whether this module's own reading already judged it
    try:
        import standardwebhooks
    except ImportError:
        problems += _standard_problems(delivery, secret, moment)
        own = True
    else:
        try:
            standardwebhooks.Webhook(secret).verify(delivery.body, dict(delivery.headers))
        except standardwebhooks.WebhookVerificationError as error:
            problems.append(f"the Standard Webhooks reference refuses it: {error}")
        except (ValueError, binascii.Error) as error:  # a malformed entry, or secret
            problems.append(f"the Standard Webhooks reference cannot read it: {error}")
    try:
        from signly_client import webhooks as client_webhooks
    except ImportError:
        return problems if own else problems + _standard_problems(delivery, secret, moment)
    try:
        client_webhooks.verify(delivery.body, delivery.headers, secret, now=moment)
    except client_webhooks.WebhookVerificationError as error:
        if error.reason != "invalid_payload":  # signed as it should be; the payload is judged apart
            problems.append(f"signly_client.webhooks.verify refuses it ({error.reason}): {error}")
    except ValueError as error:
        problems.append(f"signly_client.webhooks.verify cannot read the secret: {error}")
    return problems


def _standard_problems(delivery: Delivery, secret: str, now: float) -> list[str]:
    """The specification read directly (when a verifier is not installed)."""
    message_id = delivery.headers.get("webhook-id", "")
    stamp = delivery.headers.get("webhook-timestamp", "")
    signatures = delivery.headers.get("webhook-signature", "")
    try:
        key = base64.b64decode(secret.removeprefix("whsec_"))
    except ValueError:
        return ["the secret is not whsec_ and base64"]
    if not stamp.isdigit():
        return [f"webhook-timestamp {stamp!r} is not whole seconds"]
    if abs(now - int(stamp)) > TOLERANCE_SECONDS:
        return [f"webhook-timestamp {stamp} is {int(now) - int(stamp)} s away from now"]
    signed = f"{message_id}.{stamp}.".encode() + delivery.body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return []
    return [f"no signature in webhook-signature {signatures!r} matches the secret"]


def event_id(delivery: Delivery) -> str | None:
    body = delivery.json
    return str(body["eventId"]) if isinstance(body, dict) and "eventId" in body else None
