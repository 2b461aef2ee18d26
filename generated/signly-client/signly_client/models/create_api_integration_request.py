from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.auth_method import AuthMethod, check_auth_method

T = TypeVar("T", bound="CreateApiIntegrationRequest")


@_attrs_define
class CreateApiIntegrationRequest:
    """Asks for a new partner credential for the session's tenant."""

    auth_method: AuthMethod
    """ How the partner credential authenticates. `JWT` exists in Signly's authorizer but is not open to partners;
    asking for it is a 400 `invalid_auth_method`. """

    def to_dict(self) -> dict[str, Any]:
        auth_method: str = self.auth_method

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "auth_method": auth_method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auth_method = check_auth_method(d.pop("auth_method"))

        create_api_integration_request = cls(
            auth_method=auth_method,
        )

        return create_api_integration_request
