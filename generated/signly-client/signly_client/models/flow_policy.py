from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.participant_fail_policy import ParticipantFailPolicy, check_participant_fail_policy
from ..types import UNSET, Unset

T = TypeVar("T", bound="FlowPolicy")


@_attrs_define
class FlowPolicy:
    """What the process does when a participant fails."""

    on_participant_fail: ParticipantFailPolicy | Unset = UNSET
    """ What the process does when a participant rejects or fails: `CANCEL_FLOW` ends the whole document as
    `REJECTED`; `CONTINUE_FLOW` lets the others go on. """

    def to_dict(self) -> dict[str, Any]:
        on_participant_fail: str | Unset = UNSET
        if not isinstance(self.on_participant_fail, Unset):
            on_participant_fail = self.on_participant_fail

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if on_participant_fail is not UNSET:
            field_dict["onParticipantFail"] = on_participant_fail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _on_participant_fail = d.pop("onParticipantFail", UNSET)
        on_participant_fail: ParticipantFailPolicy | Unset
        if isinstance(_on_participant_fail, Unset):
            on_participant_fail = UNSET
        else:
            on_participant_fail = check_participant_fail_policy(_on_participant_fail)

        flow_policy = cls(
            on_participant_fail=on_participant_fail,
        )

        return flow_policy
