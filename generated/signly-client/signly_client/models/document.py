from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_status import DocumentStatus, check_document_status
from ..models.order_mode import OrderMode, check_order_mode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_metadata import DocumentMetadata
    from ..models.document_participant import DocumentParticipant


T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """Current status and metadata of a signing flow."""

    document_id: UUID
    """ Document identifier. """
    status: DocumentStatus
    """ Where a signing process stands. `CREATED` and `IN_PROGRESS` are active; `COMPLETED`, `CANCELLED`, `REJECTED`
    and `EXPIRED` are final (D06). """
    created_at: datetime.datetime
    """ When the document was published. """
    updated_at: datetime.datetime
    """ When the document last changed. """
    template_id: UUID
    """ Template the document was published from. """
    template_version: str | Unset = UNSET
    """ Canonical label of one template version, `<templateId>#NNNN` with a four-digit, zero-padded version number
    (D03). """
    order_mode: OrderMode | Unset = UNSET
    """ Whether participants sign at the same time (`PARALLEL`) or one after another in list order (`SEQUENTIAL`).
    """
    deadline_at: datetime.datetime | None | Unset = UNSET
    """ Current deadline, or `null` when the document has none. """
    participants: list[DocumentParticipant] | Unset = UNSET
    """ The participants with their processes and statuses. """
    metadata: DocumentMetadata | Unset = UNSET
    """ The free-form metadata sent at publication. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        status: str = self.status

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        template_id = str(self.template_id)

        template_version = self.template_version

        order_mode: str | Unset = UNSET
        if not isinstance(self.order_mode, Unset):
            order_mode = self.order_mode

        deadline_at: None | str | Unset
        if isinstance(self.deadline_at, Unset):
            deadline_at = UNSET
        elif isinstance(self.deadline_at, datetime.datetime):
            deadline_at = self.deadline_at.isoformat()
        else:
            deadline_at = self.deadline_at

        participants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.participants, Unset):
            participants = []
            for participants_item_data in self.participants:
                participants_item = participants_item_data.to_dict()
                participants.append(participants_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "documentId": document_id,
                "status": status,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "templateId": template_id,
            }
        )
        if template_version is not UNSET:
            field_dict["templateVersion"] = template_version
        if order_mode is not UNSET:
            field_dict["orderMode"] = order_mode
        if deadline_at is not UNSET:
            field_dict["deadlineAt"] = deadline_at
        if participants is not UNSET:
            field_dict["participants"] = participants
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_metadata import DocumentMetadata  # noqa: PLC0415
        from ..models.document_participant import DocumentParticipant  # noqa: PLC0415

        d = dict(src_dict)
        document_id = UUID(d.pop("documentId"))

        status = check_document_status(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        template_id = UUID(d.pop("templateId"))

        template_version = d.pop("templateVersion", UNSET)

        _order_mode = d.pop("orderMode", UNSET)
        order_mode: OrderMode | Unset
        if isinstance(_order_mode, Unset):
            order_mode = UNSET
        else:
            order_mode = check_order_mode(_order_mode)

        def _parse_deadline_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_at_type_0 = datetime.datetime.fromisoformat(data)

                return deadline_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deadline_at = _parse_deadline_at(d.pop("deadlineAt", UNSET))

        _participants = d.pop("participants", UNSET)
        participants: list[DocumentParticipant] | Unset = UNSET
        if _participants is not UNSET:
            participants = []
            for participants_item_data in _participants:
                participants_item = DocumentParticipant.from_dict(participants_item_data)

                participants.append(participants_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: DocumentMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = DocumentMetadata.from_dict(_metadata)

        document = cls(
            document_id=document_id,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            template_id=template_id,
            template_version=template_version,
            order_mode=order_mode,
            deadline_at=deadline_at,
            participants=participants,
            metadata=metadata,
        )

        document.additional_properties = d
        return document

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
