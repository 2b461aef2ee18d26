from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.participant_status import ParticipantStatus, check_participant_status
from ..models.signature_mode import SignatureMode, check_signature_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentParticipant")


@_attrs_define
class DocumentParticipant:
    """A participant of a published document."""

    participant_id: UUID
    """ Participant identifier, used to resend the invitation. """
    display_name: str
    """ Participant display name. """
    process_id: str | Unset = UNSET
    """ Identifier of one participant's signing process. Signly forms it as `<documentId>-<participantId>`, but
    clients must treat it as opaque (D07). """
    status: ParticipantStatus | Unset = UNSET
    """ Where one participant's signing process stands; only `PENDING` participants can be sent an invitation again.
    """
    signature_mode: list[SignatureMode] | Unset = UNSET
    """ Signature channels of the participant. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        participant_id = str(self.participant_id)

        display_name = self.display_name

        process_id = self.process_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        signature_mode: list[str] | Unset = UNSET
        if not isinstance(self.signature_mode, Unset):
            signature_mode = []
            for signature_mode_item_data in self.signature_mode:
                signature_mode_item: str = signature_mode_item_data
                signature_mode.append(signature_mode_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "participantId": participant_id,
                "displayName": display_name,
            }
        )
        if process_id is not UNSET:
            field_dict["processId"] = process_id
        if status is not UNSET:
            field_dict["status"] = status
        if signature_mode is not UNSET:
            field_dict["signatureMode"] = signature_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = UUID(d.pop("participantId"))

        display_name = d.pop("displayName")

        process_id = d.pop("processId", UNSET)

        _status = d.pop("status", UNSET)
        status: ParticipantStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_participant_status(_status)

        _signature_mode = d.pop("signatureMode", UNSET)
        signature_mode: list[SignatureMode] | Unset = UNSET
        if _signature_mode is not UNSET:
            signature_mode = []
            for signature_mode_item_data in _signature_mode:
                signature_mode_item = check_signature_mode(signature_mode_item_data)

                signature_mode.append(signature_mode_item)

        document_participant = cls(
            participant_id=participant_id,
            display_name=display_name,
            process_id=process_id,
            status=status,
            signature_mode=signature_mode,
        )

        document_participant.additional_properties = d
        return document_participant

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
