from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_type import FieldType, check_field_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdatedTemplateField")


@_attrs_define
class UpdatedTemplateField:
    """A field as the answer to `PUT .../fields` lists it: its name, type and page, as Signly documents that answer. The
    coordinates are stored too; `GET .../fields` returns them.

    """

    field_name: str
    """ Functional identifier of the field, unique within a version. """
    field_type: FieldType | str
    """ A field type as Signly reports it, one of the known `FieldType` values or any other type. """
    page: int | Unset = UNSET
    """ Page of the PDF the field sits on, starting at 1. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_name = self.field_name

        field_type: str
        if isinstance(self.field_type, str):
            field_type = self.field_type
        else:
            field_type = self.field_type

        page = self.page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fieldName": field_name,
                "fieldType": field_type,
            }
        )
        if page is not UNSET:
            field_dict["page"] = page

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_name = d.pop("fieldName")

        def _parse_field_type(data: object) -> FieldType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_field_type_type_0 = check_field_type(data)

                return componentsschemas_any_field_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FieldType | str, data)

        field_type = _parse_field_type(d.pop("fieldType"))

        page = d.pop("page", UNSET)

        updated_template_field = cls(
            field_name=field_name,
            field_type=field_type,
            page=page,
        )

        updated_template_field.additional_properties = d
        return updated_template_field

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
