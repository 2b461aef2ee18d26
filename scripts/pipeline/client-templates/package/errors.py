"""Typed errors of the Signly client: every error envelope becomes one exception class.

The class follows the HTTP status, so an error code added by a later Signly release still
arrives as the typed error of its status, with its `code` and `request_id`; a status the
client does not know arrives as the base `SignlyError`. `UnexpectedStatus` is kept for the
generated endpoint functions that refer to it.
"""

from __future__ import annotations

import builtins
import email.utils
import json
import time
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from signly_client.models.error_envelope import ErrorEnvelope

__all__ = [
    "AuthenticationError",
    "ConflictError",
    "ConnectionError",
    "InsufficientCreditsError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "SignlyError",
    "StorageError",
    "TimeoutError",
    "UnexpectedStatus",
    "ValidationError",
    "error_from_response",
]


class UnexpectedStatus(Exception):
    """Raised by the generated functions for an undocumented status when
    `raise_on_unexpected_status` is set (openapi-python-client's own error, kept)."""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content
        super().__init__(
            f"Unexpected status code: {status_code}\n\n"
            f"Response content:\n{content.decode(errors='ignore')}"
        )


class SignlyError(Exception):
    """Base of every error the client raises.

    For an error answer of the API the fields come from its envelope: `status` (HTTP
    status), `code` (`not_found`, `validation_error`, ...), `message`, `error_type`
    (`error.type`: `validation`, `not_found`, ...), `details` (`error.details`) and
    `request_id` (`meta.request_id`, else the `X-Request-Id` header). For a transport
    failure `status` is None.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        error_type: str | None = None,
        details: dict[str, Any] | None = None,
        request_id: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.error_type = error_type
        self.details: dict[str, Any] = details if details is not None else {}
        self.request_id = request_id
        self.response = response

    @property
    def envelope(self) -> ErrorEnvelope | None:
        """The error envelope as the generated model, when the body is one."""
        from signly_client.models.error_envelope import ErrorEnvelope

        body = _json_body(self.response)
        if not isinstance(body, dict):
            return None
        try:
            return ErrorEnvelope.from_dict(body)
        except (KeyError, TypeError, ValueError):
            return None

    def __str__(self) -> str:
        parts = [str(self.status)] if self.status is not None else []
        if self.code:
            parts.append(self.code)
        text = f"{' '.join(parts)}: {self.message}" if parts else self.message
        return f"{text} (request_id={self.request_id})" if self.request_id else text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class ValidationError(SignlyError):
    """400: the request breaks the contract (`validation_error`, `bad_request`, ...)."""


class AuthenticationError(SignlyError):
    """401: credentials missing, unknown, revoked or malformed."""


class InsufficientCreditsError(SignlyError):
    """402: no credit left to publish a document."""


class PermissionDeniedError(SignlyError):
    """403: a valid credential used outside its scope."""


class NotFoundError(SignlyError):
    """404: the resource does not exist (or not for this tenant)."""


class ConflictError(SignlyError):
    """409: the resource's state forbids the action (`document_not_active`, ...)."""


class _RetryAfter(SignlyError):
    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait (`Retry-After`), if it said."""
        if self.response is None:
            return None
        return parse_retry_after(self.response.headers.get("Retry-After"))


class RateLimitError(_RetryAfter):
    """429: too many requests; `retry_after` says how long to wait."""


class ServerError(_RetryAfter):
    """5xx: the server failed."""


class StorageError(SignlyError):
    """The presigned storage URL answered an error (upload or download of a PDF)."""


class ConnectionError(SignlyError, builtins.ConnectionError):
    """No answer from the server: connection refused or reset, DNS, TLS, protocol error."""


class TimeoutError(ConnectionError, builtins.TimeoutError):
    """The server did not answer within the client's timeout."""


STATUS_ERRORS: dict[int, type[SignlyError]] = {
    400: ValidationError,
    401: AuthenticationError,
    402: InsufficientCreditsError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def parse_retry_after(value: str | None) -> float | None:
    """`Retry-After` as seconds: delta-seconds or an HTTP date (RFC 9110 10.2.3)."""
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _json_body(response: httpx.Response | None) -> Any:
    if response is None:
        return None
    try:
        return json.loads(response.content)
    except ValueError:
        return None


def error_from_response(response: httpx.Response) -> SignlyError:
    """The typed exception for an error answer, from its envelope when it has one."""
    status = response.status_code
    body = _json_body(response)
    envelope: dict[str, Any] = body if isinstance(body, dict) else {}
    error = envelope.get("error")
    error = error if isinstance(error, dict) else {}
    meta = envelope.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    details = error.get("details")
    message = envelope.get("message")
    cls = STATUS_ERRORS.get(status) or (ServerError if status >= 500 else SignlyError)
    return cls(
        message if isinstance(message, str) else response.reason_phrase or f"HTTP {status}",
        status=status,
        code=envelope.get("code") if isinstance(envelope.get("code"), str) else None,
        error_type=error.get("type") if isinstance(error.get("type"), str) else None,
        details=details if isinstance(details, dict) else {},
        request_id=meta.get("request_id") or response.headers.get("X-Request-Id"),
        response=response,
    )


def error_from_transport(exc: httpx.TransportError) -> ConnectionError:
    """ConnectionError, or TimeoutError for a timeout, for an httpx transport failure."""
    cls = TimeoutError if isinstance(exc, httpx.TimeoutException) else ConnectionError
    what = "timed out" if cls is TimeoutError else "failed"
    return cls(f"request {what}: {type(exc).__name__}: {exc}")
