from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.participant_status import ParticipantStatus, check_participant_status
from ..models.signature_mode import SignatureMode, check_signature_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="PublishedParticipant")


@_attrs_define
class PublishedParticipant:
    """A participant of a document just published. Signly sends its `processId` too (the reference's own example leaves it
    out): when it is missing, read the document with `GET /v1/documents/{documentId}`, which always lists it.

    """

    participant_id: UUID
    """ Participant identifier, used to resend the invitation. """
    display_name: str
    """ Participant display name. """
    process_id: str | Unset = UNSET
    """ Identifier of one participant's signing process. Signly forms it as `<documentId>-<participantId>`, but
    clients must treat it as opaque. """
    status: ParticipantStatus | str | Unset = UNSET
    """ A participant status as Signly reports it: one of the known `ParticipantStatus` values, or a status added
    later. """
    signature_mode: list[SignatureMode | str] | Unset = UNSET
    """ Signature channels of the participant. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        participant_id = str(self.participant_id)

        display_name = self.display_name

        process_id = self.process_id

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        signature_mode: list[str] | Unset = UNSET
        if not isinstance(self.signature_mode, Unset):
            signature_mode = []
            for signature_mode_item_data in self.signature_mode:
                signature_mode_item: str
                if isinstance(signature_mode_item_data, str):
                    signature_mode_item = signature_mode_item_data
                else:
                    signature_mode_item = signature_mode_item_data
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

        def _parse_status(data: object) -> ParticipantStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_participant_status_type_0 = check_participant_status(data)

                return componentsschemas_any_participant_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ParticipantStatus | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        _signature_mode = d.pop("signatureMode", UNSET)
        signature_mode: list[SignatureMode | str] | Unset = UNSET
        if _signature_mode is not UNSET:
            signature_mode = []
            for signature_mode_item_data in _signature_mode:

                def _parse_signature_mode_item(data: object) -> SignatureMode | str:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_any_signature_mode_type_0 = check_signature_mode(data)

                        return componentsschemas_any_signature_mode_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(SignatureMode | str, data)

                signature_mode_item = _parse_signature_mode_item(signature_mode_item_data)

                signature_mode.append(signature_mode_item)

        published_participant = cls(
            participant_id=participant_id,
            display_name=display_name,
            process_id=process_id,
            status=status,
            signature_mode=signature_mode,
        )

        published_participant.additional_properties = d
        return published_participant

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
