"""The envelope rules every response of the API must keep, whatever the operation.

Why our own check beside schemathesis's schema check: the schema can say `success` is a
boolean and `status` an integer, but not that they agree with the HTTP status, nor that
`meta.request_id` is the `X-Request-Id` header (D21). Those cross-field rules are what a
partner's error handling relies on.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from typing import TYPE_CHECKING, Any

from signly_contract.operations import public_spec
from signly_contract.violations import expect

if TYPE_CHECKING:
    from signly_contract.client import Exchange

ENVELOPE_KEYS = {"success", "status", "code", "message", "data", "pagination", "meta", "error"}
CODE = re.compile(r"^[a-z][a-z0-9_]*$")


@functools.cache
def error_types() -> dict[int, str]:
    """The error family of each status, read from the spec's `ErrorType` catalogue."""
    document: Any = public_spec()
    described = document["components"]["schemas"]["ErrorType"]["x-enumDescriptions"]
    return {int(status): name for name, status in described.items() if str(status).isdigit()}


# request id -> fingerprint of the body that carried it: the same response judged twice is
# fine, two different responses with one id are not (D21: unique per request).
_SEEN_REQUEST_IDS: dict[str, str] = {}


def envelope_problems(status: int, headers: Any, body: Any) -> list[str]:
    """Every way `body` (parsed JSON) breaks the envelope rules for an HTTP `status`."""
    problems: list[str] = []
    content_type = str(headers.get("content-type", ""))
    if not content_type.startswith("application/json"):
        problems.append(f"Content-Type is {content_type!r}, not application/json")
    if not isinstance(body, dict):
        return [*problems, "the body is not a JSON object"]
    missing = ENVELOPE_KEYS - body.keys()
    if missing:
        problems.append(f"envelope lacks {sorted(missing)}")
    if body.get("success") is not (status < 400):
        problems.append(f"success is {body.get('success')!r} for HTTP {status}")
    if body.get("status") != status:
        problems.append(f"status field {body.get('status')!r} differs from HTTP {status}")
    if not isinstance(body.get("code"), str) or not CODE.match(body["code"]):
        problems.append(f"code {body.get('code')!r} is not a lower_snake string")
    if status < 400 and body.get("error") is not None:
        problems.append("a success carries a non-null error")
    if status >= 400 and not isinstance(body.get("error"), dict):
        problems.append("an error response has no error object")
    problems += _error_type_problems(status, body.get("error"))
    header_id = headers.get("x-request-id")
    meta = body.get("meta")
    body_id = meta.get("request_id") if isinstance(meta, dict) else None
    if not header_id:
        problems.append("no X-Request-Id header (D21)")
    elif body_id != header_id:
        problems.append(f"meta.request_id {body_id!r} differs from X-Request-Id {header_id!r}")
    else:
        problems += _reused_request_id(str(header_id), body)
    return problems


def _error_type_problems(status: int, error: Any) -> list[str]:
    if status < 400 or not isinstance(error, dict):
        return []
    expected = error_types().get(status, "server" if status >= 500 else None)
    if expected is None or error.get("type") == expected:
        return []
    return [f"error.type {error.get('type')!r} on HTTP {status}; ErrorInfo says {expected!r}"]


def _reused_request_id(request_id: str, body: dict[str, Any]) -> list[str]:
    fingerprint = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
    first = _SEEN_REQUEST_IDS.setdefault(request_id, fingerprint)
    if first == fingerprint:
        return []
    return [f"request id {request_id!r} was already sent with another response (D21)"]


def check_envelope(exchange: Exchange) -> None:
    try:
        body = exchange.json
    except ValueError:
        body = None
    problems = envelope_problems(exchange.status, exchange.headers, body)
    expect(not problems, "envelope", "; ".join(problems), exchange)
