from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_status import DocumentStatus, check_document_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelledDocument")


@_attrs_define
class CancelledDocument:
    """A document that was just cancelled."""

    document_id: UUID
    """ Document identifier. """
    status: DocumentStatus | str | Unset = UNSET
    """ A document status as Signly reports it: one of the known `DocumentStatus` values, or a status added after
    this version of the API was published. Treat an unknown status as "not final" until you know better, and keep
    its text. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "documentId": document_id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_id = UUID(d.pop("documentId"))

        def _parse_status(data: object) -> DocumentStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_document_status_type_0 = check_document_status(data)

                return componentsschemas_any_document_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DocumentStatus | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        cancelled_document = cls(
            document_id=document_id,
            status=status,
        )

        cancelled_document.additional_properties = d
        return cancelled_document

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
