from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErrorInfoDetails")


@_attrs_define
class ErrorInfoDetails:
    """Structured details, shaped by the code. `validation_error`: `fields`, mapping each offending field to its messages
    (or, for nested objects and array items, to an object of the same shape keyed by property name or item index), with
    rules over a whole object under `_schema`. `bad_request`: `code` says which query parameter is wrong and `field`
    what was wrong with it (see the list query errors). `invalid_auth_method`: `field` is the body field (`auth_method`)
    and `allowed` the methods open to partners. `not_found`: the id that was not found, under its parameter or body
    field name. Otherwise `{}` or a few self-describing keys.

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
