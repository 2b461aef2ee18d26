from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_type import ErrorType, check_error_type

if TYPE_CHECKING:
    from ..models.error_info_details import ErrorInfoDetails


T = TypeVar("T", bound="ErrorInfo")


@_attrs_define
class ErrorInfo:
    """What went wrong, for error responses."""

    type_: ErrorType | str
    """ An error family as Signly reports it, one of the known `ErrorType` values or a family added later. """
    details: ErrorInfoDetails
    """ Structured details, shaped by the code. `validation_error`: `fields`, mapping each offending field to its
    messages (or, for nested objects and array items, to an object of the same shape keyed by property name or item
    index), with rules over a whole object under `_schema`. `bad_request`: `code` says which query parameter is
    wrong and `field` what was wrong with it (see the list query errors). `invalid_auth_method`: `field` is the body
    field (`auth_method`) and `allowed` the methods open to partners. `not_found`: the id that was not found, under
    its parameter or body field name. Otherwise `{}` or a few self-describing keys. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

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

        def _parse_type_(data: object) -> ErrorType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_error_type_type_0 = check_error_type(data)

                return componentsschemas_any_error_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorType | str, data)

        type_ = _parse_type_(d.pop("type"))

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
