from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UploadUrl")


@_attrs_define
class UploadUrl:
    """A presigned URL to upload the version's PDF directly to storage."""

    method: Literal["PUT"]
    """ HTTP method to use with `uploadUrl`. """
    upload_url: str
    """ Presigned storage URL; send the PDF bytes as the body with `Content-Type` `application/pdf`. """
    expires_in_seconds: int
    """ Seconds until the URL stops working. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        upload_url = self.upload_url

        expires_in_seconds = self.expires_in_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "uploadUrl": upload_url,
                "expiresInSeconds": expires_in_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = cast(Literal["PUT"], d.pop("method"))
        if method != "PUT":
            raise ValueError(f"method must match const 'PUT', got '{method}'")

        upload_url = d.pop("uploadUrl")

        expires_in_seconds = d.pop("expiresInSeconds")

        upload_url = cls(
            method=method,
            upload_url=upload_url,
            expires_in_seconds=expires_in_seconds,
        )

        upload_url.additional_properties = d
        return upload_url

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
