from typing import Literal

EventActor = Literal["backend", "frontend", "partner", "signer", "system"]

EVENT_ACTOR_VALUES: set[EventActor] = {
    "backend",
    "frontend",
    "partner",
    "signer",
    "system",
}


def check_event_actor(value: str) -> EventActor:
    if value in EVENT_ACTOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVENT_ACTOR_VALUES!r}")
