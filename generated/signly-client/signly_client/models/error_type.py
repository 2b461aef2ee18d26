from typing import Literal

ErrorType = Literal[
    "authentication",
    "authorization",
    "conflict",
    "credits",
    "method_not_allowed",
    "not_found",
    "payload_too_large",
    "rate_limit",
    "server",
    "unprocessable",
    "unsupported_media_type",
    "validation",
]

ERROR_TYPE_VALUES: set[ErrorType] = {
    "authentication",
    "authorization",
    "conflict",
    "credits",
    "method_not_allowed",
    "not_found",
    "payload_too_large",
    "rate_limit",
    "server",
    "unprocessable",
    "unsupported_media_type",
    "validation",
}


def check_error_type(value: str) -> ErrorType:
    if value in ERROR_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ERROR_TYPE_VALUES!r}")
