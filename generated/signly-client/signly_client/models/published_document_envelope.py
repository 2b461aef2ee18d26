from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.meta import Meta
    from ..models.pagination import Pagination
    from ..models.published_document import PublishedDocument


T = TypeVar("T", bound="PublishedDocumentEnvelope")


@_attrs_define
class PublishedDocumentEnvelope:
    """Envelope carrying a newly published document."""

    success: bool
    """ Always `true` on success. """
    status: int
    """ The HTTP status code, repeated in the body. """
    code: str
    """ Machine-readable outcome of the operation. """
    message: str
    """ Human-readable outcome of the operation. """
    pagination: None | Pagination
    """ Position of a list page. `null` on answers that are not lists, on lists that are not paginated, and on a
    list answer that holds the whole list: `null` always means there is no other page. """
    meta: Meta
    """ Request metadata sent with every response, success or error. """
    error: None
    """ Always `null` on success. """
    data: PublishedDocument
    """ A newly published document. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.pagination import Pagination  # noqa: PLC0415

        success = self.success

        status = self.status

        code = self.code

        message = self.message

        pagination: dict[str, Any] | None
        if isinstance(self.pagination, Pagination):
            pagination = self.pagination.to_dict()
        else:
            pagination = self.pagination

        meta = self.meta.to_dict()

        error = self.error

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "status": status,
                "code": code,
                "message": message,
                "pagination": pagination,
                "meta": meta,
                "error": error,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.meta import Meta  # noqa: PLC0415
        from ..models.pagination import Pagination  # noqa: PLC0415
        from ..models.published_document import PublishedDocument  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        status = d.pop("status")

        code = d.pop("code")

        message = d.pop("message")

        def _parse_pagination(data: object) -> None | Pagination:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pagination_type_0 = Pagination.from_dict(data)

                return pagination_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Pagination, data)

        pagination = _parse_pagination(d.pop("pagination"))

        meta = Meta.from_dict(d.pop("meta"))

        error = d.pop("error")

        data = PublishedDocument.from_dict(d.pop("data"))

        published_document_envelope = cls(
            success=success,
            status=status,
            code=code,
            message=message,
            pagination=pagination,
            meta=meta,
            error=error,
            data=data,
        )

        published_document_envelope.additional_properties = d
        return published_document_envelope

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
