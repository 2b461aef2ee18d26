from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.error_info import ErrorInfo
    from ..models.meta import Meta


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """The response envelope of every error: `data` and `pagination` are `null`, `error` says what went wrong. 401 and 403
    bodies are never shown on the page; they use this same envelope (D10).

    """

    success: bool
    """ Always `false` on error. """
    status: int
    """ The HTTP status code, repeated in the body. """
    code: str
    """ Machine-readable error. Codes from the page: `api_integration_not_found`, `invalid_auth_method`,
    `not_found`, `bad_request` (with `INVALID_SORT_FIELD` in details), `validation_error`, `insufficient_credits`.
    Codes we decided: `unauthorized`, `forbidden`, `document_not_active`, `participant_not_pending`, `last_version`,
    `unsupported_media_type`, `payload_too_large`, `method_not_allowed`, `rate_limited`, `internal_error`. """
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

        code = d.pop("code")

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
