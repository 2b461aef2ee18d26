from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.participant_fail_policy import ParticipantFailPolicy, check_participant_fail_policy

T = TypeVar("T", bound="DocumentFlowPolicy")


@_attrs_define
class DocumentFlowPolicy:
    """The failure policy the document was published with."""

    on_participant_fail: ParticipantFailPolicy | str
    """ A participant-failure policy as Signly reports it: one of the known `ParticipantFailPolicy` values, or a
    policy added later. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on_participant_fail: str
        if isinstance(self.on_participant_fail, str):
            on_participant_fail = self.on_participant_fail
        else:
            on_participant_fail = self.on_participant_fail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "onParticipantFail": on_participant_fail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_on_participant_fail(data: object) -> ParticipantFailPolicy | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_participant_fail_policy_type_0 = check_participant_fail_policy(data)

                return componentsschemas_any_participant_fail_policy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ParticipantFailPolicy | str, data)

        on_participant_fail = _parse_on_participant_fail(d.pop("onParticipantFail"))

        document_flow_policy = cls(
            on_participant_fail=on_participant_fail,
        )

        document_flow_policy.additional_properties = d
        return document_flow_policy

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
