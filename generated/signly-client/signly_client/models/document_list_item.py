from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_status import DocumentStatus, check_document_status

T = TypeVar("T", bound="DocumentListItem")


@_attrs_define
class DocumentListItem:
    """A document as listed."""

    document_id: UUID
    """ Document identifier. """
    created_at: datetime.datetime
    """ When the document was published. """
    status: DocumentStatus | str
    """ A document status as Signly reports it: one of the known `DocumentStatus` values, or a status added after
    this version of the API was published. Treat an unknown status as "not final" until you know better, and keep
    its text. """
    template_id: UUID
    """ Template the document was published from. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        created_at = self.created_at.isoformat()

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        template_id = str(self.template_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "documentId": document_id,
                "createdAt": created_at,
                "status": status,
                "templateId": template_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_id = UUID(d.pop("documentId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

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

        document_list_item = cls(
            document_id=document_id,
            created_at=created_at,
            status=status,
            template_id=template_id,
        )

        document_list_item.additional_properties = d
        return document_list_item

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
