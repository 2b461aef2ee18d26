from typing import Literal

EventType = Literal[
    "DEADLINE_EXTENDED",
    "INVITATION_RESENT",
    "INVITATION_SENT",
    "OTP_SENT",
    "PARTICIPANT_REJECTED",
    "PARTICIPANT_SIGNED",
    "PROCESS_CANCELLED",
    "PROCESS_COMPLETED",
    "PROCESS_CREATED",
    "PROCESS_EXPIRED",
]

EVENT_TYPE_VALUES: set[EventType] = {
    "DEADLINE_EXTENDED",
    "INVITATION_RESENT",
    "INVITATION_SENT",
    "OTP_SENT",
    "PARTICIPANT_REJECTED",
    "PARTICIPANT_SIGNED",
    "PROCESS_CANCELLED",
    "PROCESS_COMPLETED",
    "PROCESS_CREATED",
    "PROCESS_EXPIRED",
}


def check_event_type(value: str) -> EventType:
    if value in EVENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVENT_TYPE_VALUES!r}")
