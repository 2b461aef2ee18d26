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
    from ..models.document_flow_policy import DocumentFlowPolicy
    from ..models.document_metadata import DocumentMetadata
    from ..models.document_participant import DocumentParticipant


T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """Current status and metadata of a signing flow."""

    document_id: UUID
    """ Document identifier. """
    status: DocumentStatus | str
    """ A document status as Signly reports it: one of the known `DocumentStatus` values, or a status added after
    this version of the API was published. Treat an unknown status as "not final" until you know better, and keep
    its text. """
    created_at: datetime.datetime
    """ When the document was published. """
    updated_at: datetime.datetime
    """ When the document last changed. """
    template_id: UUID
    """ Template the document was published from. """
    template_version: str | Unset = UNSET
    """ Canonical label of one template version, `<templateId>#NNNN` with a four-digit, zero-padded version number.
    """
    order_mode: OrderMode | str | Unset = UNSET
    """ An order mode as Signly reports it: one of the known `OrderMode` values, or a mode added later. """
    deadline_at: datetime.datetime | None | Unset = UNSET
    """ Current deadline, or `null` when the document has none. """
    participants: list[DocumentParticipant] | Unset = UNSET
    """ The participants with their processes and statuses. """
    flow_policy: DocumentFlowPolicy | Unset = UNSET
    """ The failure policy the document was published with. """
    metadata: DocumentMetadata | Unset = UNSET
    """ The free-form metadata sent at publication. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        template_id = str(self.template_id)

        template_version = self.template_version

        order_mode: str | Unset
        if isinstance(self.order_mode, Unset):
            order_mode = UNSET
        elif isinstance(self.order_mode, str):
            order_mode = self.order_mode
        else:
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

        flow_policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.flow_policy, Unset):
            flow_policy = self.flow_policy.to_dict()

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
        if flow_policy is not UNSET:
            field_dict["flowPolicy"] = flow_policy
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_flow_policy import DocumentFlowPolicy  # noqa: PLC0415
        from ..models.document_metadata import DocumentMetadata  # noqa: PLC0415
        from ..models.document_participant import DocumentParticipant  # noqa: PLC0415

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

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        template_id = UUID(d.pop("templateId"))

        template_version = d.pop("templateVersion", UNSET)

        def _parse_order_mode(data: object) -> OrderMode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_order_mode_type_0 = check_order_mode(data)

                return componentsschemas_any_order_mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OrderMode | str | Unset, data)

        order_mode = _parse_order_mode(d.pop("orderMode", UNSET))

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

        _flow_policy = d.pop("flowPolicy", UNSET)
        flow_policy: DocumentFlowPolicy | Unset
        if isinstance(_flow_policy, Unset):
            flow_policy = UNSET
        else:
            flow_policy = DocumentFlowPolicy.from_dict(_flow_policy)

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
            flow_policy=flow_policy,
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
