from typing import Literal

ErrorCode = Literal[
    "api_integration_exists",
    "api_integration_not_found",
    "bad_request",
    "document_not_active",
    "forbidden",
    "idempotency_key_reused",
    "insufficient_credits",
    "internal_error",
    "invalid_auth_method",
    "last_version",
    "method_not_allowed",
    "not_found",
    "participant_not_pending",
    "payload_too_large",
    "rate_limited",
    "unauthorized",
    "unsupported_media_type",
    "validation_error",
    "version_limit_reached",
]

ERROR_CODE_VALUES: set[ErrorCode] = {
    "api_integration_exists",
    "api_integration_not_found",
    "bad_request",
    "document_not_active",
    "forbidden",
    "idempotency_key_reused",
    "insufficient_credits",
    "internal_error",
    "invalid_auth_method",
    "last_version",
    "method_not_allowed",
    "not_found",
    "participant_not_pending",
    "payload_too_large",
    "rate_limited",
    "unauthorized",
    "unsupported_media_type",
    "validation_error",
    "version_limit_reached",
}


def check_error_code(value: str) -> ErrorCode:
    if value in ERROR_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ERROR_CODE_VALUES!r}")
