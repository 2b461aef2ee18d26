from typing import Literal

AuthMethod = Literal["HMAC", "KEY"]

AUTH_METHOD_VALUES: set[AuthMethod] = {
    "HMAC",
    "KEY",
}


def check_auth_method(value: str) -> AuthMethod:
    if value in AUTH_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUTH_METHOD_VALUES!r}")
