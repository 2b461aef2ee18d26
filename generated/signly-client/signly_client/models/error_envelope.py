from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode, check_error_code

if TYPE_CHECKING:
    from ..models.error_info import ErrorInfo
    from ..models.meta import Meta


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """The envelope of every error: `data` and `pagination` are `null`, `error` says what went wrong. Branch on the HTTP
    status (it is also `status`), then on `code`; both come with `meta.request_id` to quote to support.

    """

    success: bool
    """ Always `false` on error. """
    status: int
    """ The HTTP status code, repeated in the body. """
    code: ErrorCode | str
    """ An error code as Signly reports it: one of the `ErrorCode` catalogue, or a code added later. An unknown code
    still comes with the status that tells its family. """
    message: str
    """ Human-readable error message. """
    data: None
    """ Always `null` on error. """
    pagination: None
    """ Always `null` on error. """
    meta: Meta
    """ Request metadata sent with every response, success or error. """
    error: ErrorInfo
    """ What went wrong, for error responses. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        status = self.status

        code: str
        if isinstance(self.code, str):
            code = self.code
        else:
            code = self.code

        message = self.message

        data = self.data

        pagination = self.pagination

        meta = self.meta.to_dict()

        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "status": status,
                "code": code,
                "message": message,
                "data": data,
                "pagination": pagination,
                "meta": meta,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_info import ErrorInfo  # noqa: PLC0415
        from ..models.meta import Meta  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        status = d.pop("status")

        def _parse_code(data: object) -> ErrorCode | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_error_code_type_0 = check_error_code(data)

                return componentsschemas_any_error_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorCode | str, data)

        code = _parse_code(d.pop("code"))

        message = d.pop("message")

        data = d.pop("data")

        pagination = d.pop("pagination")

        meta = Meta.from_dict(d.pop("meta"))

        error = ErrorInfo.from_dict(d.pop("error"))

        error_envelope = cls(
            success=success,
            status=status,
            code=code,
            message=message,
            data=data,
            pagination=pagination,
            meta=meta,
            error=error,
        )

        error_envelope.additional_properties = d
        return error_envelope

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
