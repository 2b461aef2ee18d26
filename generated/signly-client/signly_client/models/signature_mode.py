from typing import Literal

SignatureMode = Literal["SIGNATURE_BIOMETRIC", "SIGNATURE_EMAIL", "SIGNATURE_SMS"]

SIGNATURE_MODE_VALUES: set[SignatureMode] = {
    "SIGNATURE_BIOMETRIC",
    "SIGNATURE_EMAIL",
    "SIGNATURE_SMS",
}


def check_signature_mode(value: str) -> SignatureMode:
    if value in SIGNATURE_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SIGNATURE_MODE_VALUES!r}")
