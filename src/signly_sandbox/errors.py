"""One exception class per API error; `envelope.error_response` turns any of them into the
documented error envelope, so no handler ever builds an error body itself."""

from __future__ import annotations

from typing import Any, ClassVar


class ApiError(Exception):
    """An error the API answers with a documented status, code and `error.type`."""

    status: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"
    error_type: ClassVar[str] = "server"
    default_message: ClassVar[str] = "Internal server error."

    def __init__(
        self,
        message: str | None = None,
        details: dict[str, Any] | None = None,
        *,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.details: dict[str, Any] = details if details is not None else {}
        self.error_code = code or self.code
        self.headers = headers or {}
        super().__init__(self.message)


class BadRequest(ApiError):
    """A bad query parameter (D11: `details.code` + `details.field`)."""

    status = 400
    code = "bad_request"
    error_type = "validation"
    default_message = "Bad request."


class Validation(ApiError):
    """A body, path or header value that breaks the spec (D11: `details.fields`)."""

    status = 400
    code = "validation_error"
    error_type = "validation"
    default_message = "Validation error."

    def __init__(self, fields: dict[str, Any], message: str | None = None) -> None:
        super().__init__(message, {"fields": fields})


class InvalidAuthMethod(ApiError):
    """The page's own shape for an `auth_method` outside KEY/HMAC."""

    status = 400
    code = "invalid_auth_method"
    error_type = "validation"
    default_message = "Auth method is invalid."


class Unauthorized(ApiError):
    """Missing, unknown, revoked or malformed credentials (D10)."""

    status = 401
    code = "unauthorized"
    error_type = "authentication"
    default_message = "Authentication required."


class InsufficientCredits(ApiError):
    status = 402
    code = "insufficient_credits"
    error_type = "credits"
    default_message = "Not enough credits to process the document."


class Forbidden(ApiError):
    """A valid credential used outside its scope (D10)."""

    status = 403
    code = "forbidden"
    error_type = "authorization"
    default_message = "The credential is not valid for this tenant."


class NotFound(ApiError):
    status = 404
    code = "not_found"
    error_type = "not_found"
    default_message = "Resource not found."


class IntegrationNotFound(NotFound):
    code = "api_integration_not_found"
    default_message = "API integration configuration not found."

    def __init__(self) -> None:
        super().__init__(details={"resource": "api_integration"})


class RouteNotFound(NotFound):
    default_message = "Route not found."


class MethodNotAllowed(ApiError):
    status = 405
    code = "method_not_allowed"
    error_type = "method_not_allowed"
    default_message = "Method not allowed."


class Conflict(ApiError):
    """The resource's state forbids the action (D14, D15); `code` says which state."""

    status = 409
    code = "conflict"
    error_type = "conflict"
    default_message = "Conflict with the resource's current state."


class FeatureDisabled(Conflict):
    """A sandbox control whose feature was turned off at startup (`--no-faults`)."""

    code = "sandbox_feature_disabled"
    default_message = "This sandbox feature is turned off."


class PayloadTooLarge(ApiError):
    status = 413
    code = "payload_too_large"
    error_type = "payload_too_large"
    default_message = "Request body exceeds 1 MiB."


class UnsupportedMediaType(ApiError):
    status = 415
    code = "unsupported_media_type"
    error_type = "unsupported_media_type"
    default_message = "Content-Type must be application/json."


class IdempotencyKeyReused(ApiError):
    """D36: the Idempotency-Key was used with another request; nothing was done."""

    status = 422
    code = "idempotency_key_reused"
    error_type = "unprocessable"
    default_message = "The Idempotency-Key was already used with another request."

    def __init__(self) -> None:
        super().__init__(details={"header": "Idempotency-Key"})


class RateLimited(ApiError):
    """The sandbox's own rate limit (`--rate-limit`, D20): wait `Retry-After` seconds."""

    status = 429
    code = "rate_limited"
    error_type = "rate_limit"
    default_message = "Too many requests; retry after the delay in Retry-After."

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            details={"retryAfterSeconds": retry_after}, headers={"Retry-After": str(retry_after)}
        )


class InternalError(ApiError):
    """Last resort for an unexpected exception: logged, never a stack trace to the client."""
