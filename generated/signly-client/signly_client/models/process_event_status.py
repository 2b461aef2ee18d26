from typing import Literal

ProcessEventStatus = Literal["FAILURE", "SUCCESS"]

PROCESS_EVENT_STATUS_VALUES: set[ProcessEventStatus] = {
    "FAILURE",
    "SUCCESS",
}


def check_process_event_status(value: str) -> ProcessEventStatus:
    if value in PROCESS_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROCESS_EVENT_STATUS_VALUES!r}")
