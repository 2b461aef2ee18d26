from typing import Literal

ErrorInfoType = Literal[
    "authentication",
    "authorization",
    "conflict",
    "credits",
    "method_not_allowed",
    "not_found",
    "payload_too_large",
    "rate_limit",
    "server",
    "unsupported_media_type",
    "validation",
]

ERROR_INFO_TYPE_VALUES: set[ErrorInfoType] = {
    "authentication",
    "authorization",
    "conflict",
    "credits",
    "method_not_allowed",
    "not_found",
    "payload_too_large",
    "rate_limit",
    "server",
    "unsupported_media_type",
    "validation",
}


def check_error_info_type(value: str) -> ErrorInfoType:
    if value in ERROR_INFO_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ERROR_INFO_TYPE_VALUES!r}")
