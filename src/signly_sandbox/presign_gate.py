"""A WSGI gate in front of moto's S3 server that verifies AWS SigV4 signatures and expiry.

moto 5.2.5 does not check presigned URLs: `S3Response._key_response` only looks for
`Signature=` in the URL, and its optional IAM check (`INITIAL_NO_AUTH_ACTION_COUNT`) reads
the `Authorization` header, which a presigned URL does not have. So a tampered or expired URL
is served. This gate recomputes the signature with botocore's own SigV4 code and the
sandbox's one S3 secret, and answers 403 (S3-style XML) before moto sees a bad request.

Presigned URLs are checked against the sandbox's clock (they age when it is moved);
header-signed SDK calls, which botocore signs at real time, against the system clock.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from signly_sandbox.clock import Clock, SystemClock

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
MAX_EXPIRES_SECONDS = 7 * 24 * 3600
HEADER_SIGNATURE_SKEW = timedelta(minutes=15)


class PresignGate:
    """Let through only requests signed with our credentials, within their validity."""

    def __init__(self, app: WsgiApp, access_key: str, secret_key: str, clock: Clock) -> None:
        self._app = app
        self._credentials = Credentials(access_key, secret_key)
        self._access_key = access_key
        self._clock = clock
        self._real_clock = SystemClock()

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        reason = self.refusal(environ)
        if reason is None:
            return self._app(environ, start_response)
        body = (
            '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>'
            f"<Message>{reason}</Message></Error>"
        ).encode()
        start_response(
            "403 Forbidden",
            [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))],
        )
        return [body]

    def refusal(self, environ: dict[str, Any]) -> str | None:
        """Why the request must be refused, or None when it is correctly signed and current."""
        raw_uri = (
            environ.get("RAW_URI") or environ.get("REQUEST_URI") or environ.get("PATH_INFO", "")
        )
        host = environ.get("HTTP_HOST", "")
        url = f"http://{host}{raw_uri}"
        headers = {
            key[5:].replace("_", "-").lower(): value
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        if environ.get("CONTENT_TYPE"):
            headers["content-type"] = environ["CONTENT_TYPE"]
        if environ.get("CONTENT_LENGTH"):
            headers["content-length"] = environ["CONTENT_LENGTH"]
        query = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
        if "X-Amz-Signature" in query:
            return self._query_refusal(environ["REQUEST_METHOD"], url, query, headers)
        if "authorization" in headers:
            return self._header_refusal(environ, url, headers)
        return "Request is not signed."

    def _query_refusal(
        self, method: str, url: str, query: dict[str, str], headers: dict[str, str]
    ) -> str | None:
        scope = query.get("X-Amz-Credential", "").split("/")
        if len(scope) != 5 or scope[0] != self._access_key:
            return "Unknown access key."
        try:
            signed_at = datetime.strptime(query["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            expires = int(query["X-Amz-Expires"])
        except (KeyError, ValueError):
            return "Malformed presigned URL."
        if not 1 <= expires <= MAX_EXPIRES_SECONDS:
            return "Malformed presigned URL."
        now = self._clock.now()
        if now > signed_at + timedelta(seconds=expires) or now < signed_at - HEADER_SIGNATURE_SKEW:
            return "Request has expired."
        parts = urlsplit(url)
        unsigned = [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k != "X-Amz-Signature"
        ]
        signed_names = query.get("X-Amz-SignedHeaders", "host").split(";")
        request = AWSRequest(
            method=method,
            url=parts._replace(query=urlencode(unsigned, quote_via=quote)).geturl(),
            headers={name: headers.get(name, "") for name in signed_names},
        )
        request.context["timestamp"] = query["X-Amz-Date"]
        auth = S3SigV4QueryAuth(self._credentials, scope[3], scope[2], expires=expires)
        expected = auth.signature(
            auth.string_to_sign(request, auth.canonical_request(request)), request
        )
        if not hmac.compare_digest(expected, query["X-Amz-Signature"]):
            return "The request signature we calculated does not match the signature you provided."
        return None

    def _header_refusal(
        self, environ: dict[str, Any], url: str, headers: dict[str, str]
    ) -> str | None:
        """SDK calls (the sandbox's own bucket creation) carry SigV4 in `Authorization`."""
        authorization = headers["authorization"]
        fields = dict(
            part.strip().split("=", 1)
            for part in authorization.split(" ", 1)[-1].split(",")
            if "=" in part
        )
        scope = fields.get("Credential", "").split("/")
        if len(scope) != 5 or scope[0] != self._access_key or "x-amz-date" not in headers:
            return "Unknown access key."
        signed_at = datetime.strptime(headers["x-amz-date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if abs(self._real_clock.now() - signed_at) > HEADER_SIGNATURE_SKEW:
            return "Request time too skewed."
        length = int(environ.get("CONTENT_LENGTH") or 0)
        stream = environ["wsgi.input"]
        body = stream.read(length) if length else b""
        environ["wsgi.input"] = _Replay(body)
        signed_names = fields.get("SignedHeaders", "").split(";")
        request = AWSRequest(
            method=environ["REQUEST_METHOD"],
            url=url,
            data=body,
            headers={name: headers.get(name, "") for name in signed_names},
        )
        request.context["timestamp"] = headers["x-amz-date"]
        auth = S3SigV4Auth(self._credentials, scope[3], scope[2])
        expected = auth.signature(
            auth.string_to_sign(request, auth.canonical_request(request)), request
        )
        if not hmac.compare_digest(expected, fields.get("Signature", "")):
            return "The request signature we calculated does not match the signature you provided."
        return None


class _Replay:
    """A body already read for the signature check, given back to moto."""

    def __init__(self, body: bytes) -> None:
        self._body = body
        self._offset = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._body) if size is None or size < 0 else self._offset + size
        chunk = self._body[self._offset : end]
        self._offset += len(chunk)
        return chunk

    def readline(self, size: int = -1) -> bytes:
        return self.read(size)
