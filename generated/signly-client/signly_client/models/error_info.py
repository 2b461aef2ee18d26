from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_info_type import ErrorInfoType, check_error_info_type

if TYPE_CHECKING:
    from ..models.error_info_details import ErrorInfoDetails


T = TypeVar("T", bound="ErrorInfo")


@_attrs_define
class ErrorInfo:
    """What went wrong, for error responses."""

    type_: ErrorInfoType
    """ Error family. `validation` (400), `authentication` (401), `authorization` (403), `not_found` (404),
    `conflict` (409), `credits` (402), `unsupported_media_type` (415), `payload_too_large` (413),
    `method_not_allowed` (405), `rate_limit` (429), `server` (5xx). """
    details: ErrorInfoDetails
    """ Structured details, shaped by the error: `{field, allowed}` for an invalid auth method; `{code, field}` for
    a bad query parameter (`INVALID_SORT_FIELD`, `INVALID_CURSOR`, `INVALID_LIMIT`, `INVALID_STATUS`); `{fields:
    {...}}` for body and path validation, nested as the page's biometric example (D11); the id that was not found
    for a 404; `{}` when there is nothing to add. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_info_details import ErrorInfoDetails  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_error_info_type(d.pop("type"))

        details = ErrorInfoDetails.from_dict(d.pop("details"))

        error_info = cls(
            type_=type_,
            details=details,
        )

        error_info.additional_properties = d
        return error_info

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
