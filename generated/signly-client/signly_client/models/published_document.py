from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_status import DocumentStatus, check_document_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.published_participant import PublishedParticipant


T = TypeVar("T", bound="PublishedDocument")


@_attrs_define
class PublishedDocument:
    """A newly published document."""

    document_id: UUID
    """ Identifier of the new document. """
    status: DocumentStatus | str
    """ A document status as Signly reports it: one of the known `DocumentStatus` values, or a status added after
    this version of the API was published. Treat an unknown status as "not final" until you know better, and keep
    its text. """
    template_id: UUID
    """ Template the document was published from. """
    participants: list[PublishedParticipant]
    """ The participants, in the order sent, each with its `participantId` and `processId`. """
    template_version: str | Unset = UNSET
    """ Canonical label of one template version, `<templateId>#NNNN` with a four-digit, zero-padded version number.
    """
    created_at: datetime.datetime | Unset = UNSET
    """ When the document was published. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        template_id = str(self.template_id)

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        template_version = self.template_version

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "documentId": document_id,
                "status": status,
                "templateId": template_id,
                "participants": participants,
            }
        )
        if template_version is not UNSET:
            field_dict["templateVersion"] = template_version
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.published_participant import PublishedParticipant  # noqa: PLC0415

        d = dict(src_dict)
        document_id = UUID(d.pop("documentId"))

        def _parse_status(data: object) -> DocumentStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_document_status_type_0 = check_document_status(data)

                return componentsschemas_any_document_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DocumentStatus | str, data)

        status = _parse_status(d.pop("status"))

        template_id = UUID(d.pop("templateId"))

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = PublishedParticipant.from_dict(participants_item_data)

            participants.append(participants_item)

        template_version = d.pop("templateVersion", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        published_document = cls(
            document_id=document_id,
            status=status,
            template_id=template_id,
            participants=participants,
            template_version=template_version,
            created_at=created_at,
        )

        published_document.additional_properties = d
        return published_document

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
