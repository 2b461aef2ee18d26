from typing import Literal

ParticipantStatus = Literal["CANCELLED", "EXPIRED", "PENDING", "REJECTED", "SIGNED"]

PARTICIPANT_STATUS_VALUES: set[ParticipantStatus] = {
    "CANCELLED",
    "EXPIRED",
    "PENDING",
    "REJECTED",
    "SIGNED",
}


def check_participant_status(value: str) -> ParticipantStatus:
    if value in PARTICIPANT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PARTICIPANT_STATUS_VALUES!r}")
