from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErrorInfoDetails")


@_attrs_define
class ErrorInfoDetails:
    """Structured details, shaped by the error: `{field, allowed}` for an invalid auth method; `{code, field}` for a bad
    query parameter (`INVALID_SORT_FIELD`, `INVALID_CURSOR`, `INVALID_LIMIT`, `INVALID_STATUS`); `{fields: {...}}` for
    body and path validation, nested as the page's biometric example (D11); the id that was not found for a 404; `{}`
    when there is nothing to add.

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_info_details = cls()

        error_info_details.additional_properties = d
        return error_info_details

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
