from typing import Literal

FlowPolicyOnParticipantFail = Literal["CANCEL_FLOW", "CONTINUE_FLOW"]

FLOW_POLICY_ON_PARTICIPANT_FAIL_VALUES: set[FlowPolicyOnParticipantFail] = {
    "CANCEL_FLOW",
    "CONTINUE_FLOW",
}


def check_flow_policy_on_participant_fail(value: str) -> FlowPolicyOnParticipantFail:
    if value in FLOW_POLICY_ON_PARTICIPANT_FAIL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_POLICY_ON_PARTICIPANT_FAIL_VALUES!r}")
