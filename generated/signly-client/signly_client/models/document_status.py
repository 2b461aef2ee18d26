from typing import Literal

DocumentStatus = Literal["CANCELLED", "COMPLETED", "CREATED", "EXPIRED", "IN_PROGRESS", "REJECTED"]

DOCUMENT_STATUS_VALUES: set[DocumentStatus] = {
    "CANCELLED",
    "COMPLETED",
    "CREATED",
    "EXPIRED",
    "IN_PROGRESS",
    "REJECTED",
}


def check_document_status(value: str) -> DocumentStatus:
    if value in DOCUMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCUMENT_STATUS_VALUES!r}")
