"""Verify (and sign) Signly's webhook deliveries, as the Standard Webhooks specification says.

    from signly_client import webhooks

    event = webhooks.verify(raw_body, request_headers, secret)  # a ProcessEventNotification
    # raises webhooks.WebhookVerificationError (with .reason) when it is not Signly's

Each delivery carries `webhook-id`, `webhook-timestamp` (Unix seconds) and
`webhook-signature`: space-separated `v1,<base64 HMAC-SHA256>` entries, each over
`{webhook-id}.{webhook-timestamp}.{raw body}` keyed with the bytes the `whsec_` secret holds
in base64. A delivery is genuine when any entry matches (two during a secret rotation), and
fresh when its timestamp is within `tolerance` seconds of now; an older one is a replay.

Why not a dependency on `standardwebhooks` (the specification's reference implementation,
which this module follows and is tested against): its tolerance is fixed at 5 minutes, a
malformed signature entry raises ValueError or binascii.Error instead of its verification
error, and it returns untyped JSON. This module is that algorithm, with a `tolerance`, one
`WebhookVerificationError` whose `reason` says what failed, and the typed event.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Protocol

from signly_client.errors import SignlyError
from signly_client.models.process_event_notification import ProcessEventNotification

__all__ = ["DEFAULT_TOLERANCE", "WebhookVerificationError", "sign", "verify"]

SECRET_PREFIX = "whsec_"
DEFAULT_TOLERANCE = 300.0  # seconds, the specification's 5 minutes
ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"


class _Headers(Protocol):
    """Anything with `items()`: a dict, httpx/Starlette/Django headers, http.server's."""

    def items(self) -> Iterable[tuple[str, str]]: ...


class WebhookVerificationError(SignlyError):
    """A delivery that must not be trusted. `reason` is one of `missing_headers`,
    `invalid_timestamp`, `timestamp_too_old` (a replay), `timestamp_too_new`,
    `no_matching_signature` (tampered, or another secret) or `invalid_payload`."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message, code=reason, error_type="webhook_verification")
        self.reason = reason


def _key(secret: str) -> bytes:
    """The HMAC key of a `whsec_` secret; ValueError (not a crash) when it is not one."""
    if not isinstance(secret, str) or not secret.startswith(SECRET_PREFIX):
        raise ValueError(
            "a Signly webhook secret starts with 'whsec_' (copy it as the webhook settings show it)"
        )
    encoded = secret[len(SECRET_PREFIX) :].rstrip("=")
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("the webhook secret after 'whsec_' is not base64") from None
    if not key:
        raise ValueError("the webhook secret is empty after 'whsec_'")
    return key


def _signature(key: bytes, msg_id: str, timestamp: str, payload: bytes) -> bytes:
    return hmac.new(key, f"{msg_id}.{timestamp}.".encode() + payload, hashlib.sha256).digest()


def _bytes(payload: bytes | str) -> bytes:
    return payload.encode() if isinstance(payload, str) else bytes(payload)


def sign(
    payload: bytes | str,
    secret: str | Sequence[str],
    *,
    msg_id: str | None = None,
    timestamp: float | datetime | None = None,
) -> dict[str, str]:
    """The three headers Signly would send with `payload`: for testing your receiver.
    `secret` may be several secrets (one signature each, as during a rotation);
    `timestamp` defaults to now, `msg_id` to a new `msg_...` id."""
    secrets = [secret] if isinstance(secret, str) else list(secret)
    keys = [_key(s) for s in secrets]
    if isinstance(timestamp, datetime):
        timestamp = timestamp.replace(tzinfo=timestamp.tzinfo or UTC).timestamp()
    moment = str(math.floor(time.time() if timestamp is None else timestamp))
    msg_id = msg_id or f"msg_{uuid.uuid4().hex}"
    body = _bytes(payload)
    signatures = " ".join(
        "v1," + base64.b64encode(_signature(key, msg_id, moment, body)).decode() for key in keys
    )
    return {ID_HEADER: msg_id, TIMESTAMP_HEADER: moment, SIGNATURE_HEADER: signatures}


def _timestamp(value: str, now: float, tolerance: float) -> str:
    """The signed form of the timestamp header, once it is within `tolerance` of `now`."""
    try:
        moment = float(value)
        datetime.fromtimestamp(moment, UTC)  # in range, as the reference implementation reads it
    except (ValueError, OverflowError, OSError):
        raise WebhookVerificationError(
            "invalid_timestamp", f"{TIMESTAMP_HEADER} is not a Unix timestamp"
        ) from None
    if not math.isfinite(moment):
        raise WebhookVerificationError("invalid_timestamp", f"{TIMESTAMP_HEADER} is not finite")
    if moment < now - tolerance:
        raise WebhookVerificationError(
            "timestamp_too_old",
            f"the delivery was signed {now - moment:.0f} s ago, more than {tolerance:.0f} s: "
            "a replay, or clocks far apart",
        )
    if moment > now + tolerance:
        raise WebhookVerificationError(
            "timestamp_too_new",
            f"the delivery is timestamped {moment - now:.0f} s in the future",
        )
    return str(math.floor(moment))


def verify(
    payload: bytes | str,
    headers: _Headers,
    secret: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> ProcessEventNotification:
    """Check a delivery and return its event. `payload` is the raw body exactly as received
    (before any JSON parsing), `headers` the request's headers (any case), `secret` the
    webhook's `whsec_` secret; `tolerance` in seconds (default 300). Raises
    WebhookVerificationError with its `reason`, or ValueError for a secret that is not a
    `whsec_` secret."""
    key = _key(secret)
    lowered = {str(name).lower(): str(value) for name, value in headers.items()}
    msg_id = lowered.get(ID_HEADER)
    timestamp = lowered.get(TIMESTAMP_HEADER)
    signatures = lowered.get(SIGNATURE_HEADER)
    if not (msg_id and timestamp and signatures):
        raise WebhookVerificationError(
            "missing_headers",
            f"a Signly delivery carries {ID_HEADER}, {TIMESTAMP_HEADER} and {SIGNATURE_HEADER}",
        )
    signed_at = _timestamp(timestamp, time.time() if now is None else now, tolerance)
    body = _bytes(payload)
    expected = _signature(key, msg_id, signed_at, body)
    matched = False
    for entry in signatures.split(" "):
        version, _, encoded = entry.partition(",")
        if version != "v1" or not encoded:
            continue  # another scheme (or a malformed entry): not ours to check
        try:
            candidate = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            continue
        # Every entry is compared, in constant time, so timing tells nothing about which.
        matched = hmac.compare_digest(expected, candidate) or matched
    if not matched:
        raise WebhookVerificationError(
            "no_matching_signature",
            "no signature matches: the body was changed, or it was signed with another secret",
        )
    try:
        return ProcessEventNotification.from_dict(json.loads(body))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise WebhookVerificationError(
            "invalid_payload", f"the signed body is not a process event: {error}"
        ) from None
