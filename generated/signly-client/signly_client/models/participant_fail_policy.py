from typing import Literal

ParticipantFailPolicy = Literal["CANCEL_FLOW", "CONTINUE_FLOW"]

PARTICIPANT_FAIL_POLICY_VALUES: set[ParticipantFailPolicy] = {
    "CANCEL_FLOW",
    "CONTINUE_FLOW",
}


def check_participant_fail_policy(value: str) -> ParticipantFailPolicy:
    if value in PARTICIPANT_FAIL_POLICY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PARTICIPANT_FAIL_POLICY_VALUES!r}")
