from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_integration_status import ApiIntegrationStatus, check_api_integration_status
from ..models.auth_method import AuthMethod, check_auth_method
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiIntegrationCreated")


@_attrs_define
class ApiIntegrationCreated:
    """A new partner credential. The secret (`apiKey` for `KEY`, `apiSecret` for `HMAC`) is returned only here, never
    again.

    """

    tenant_id: UUID
    """ Tenant the credential belongs to. """
    auth_method: AuthMethod | str
    """ A credential method as Signly reports it: one of the known `AuthMethod` values, or a method opened later
    (Signly's authorizer already knows `JWT`). """
    status: ApiIntegrationStatus | str
    """ A credential status as Signly reports it: one of the known `ApiIntegrationStatus` values, or a status added
    later. """
    key_id: str
    """ Public identifier of the credential, safe to log. """
    created_at: datetime.datetime
    """ When the credential was created. """
    api_key: str | Unset = UNSET
    """ The key to send raw in `X-Auth-Signly` (for `KEY`). Shown only once. """
    api_secret: str | Unset = UNSET
    """ The secret to send in `X-Auth-Signly` as `HMAC <secret>` or raw (for `HMAC`). Shown only once. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = str(self.tenant_id)

        auth_method: str
        if isinstance(self.auth_method, str):
            auth_method = self.auth_method
        else:
            auth_method = self.auth_method

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        key_id = self.key_id

        created_at = self.created_at.isoformat()

        api_key = self.api_key

        api_secret = self.api_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenantId": tenant_id,
                "authMethod": auth_method,
                "status": status,
                "keyId": key_id,
                "createdAt": created_at,
            }
        )
        if api_key is not UNSET:
            field_dict["apiKey"] = api_key
        if api_secret is not UNSET:
            field_dict["apiSecret"] = api_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tenant_id = UUID(d.pop("tenantId"))

        def _parse_auth_method(data: object) -> AuthMethod | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_auth_method_type_0 = check_auth_method(data)

                return componentsschemas_any_auth_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthMethod | str, data)

        auth_method = _parse_auth_method(d.pop("authMethod"))

        def _parse_status(data: object) -> ApiIntegrationStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_api_integration_status_type_0 = check_api_integration_status(data)

                return componentsschemas_any_api_integration_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApiIntegrationStatus | str, data)

        status = _parse_status(d.pop("status"))

        key_id = d.pop("keyId")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        api_key = d.pop("apiKey", UNSET)

        api_secret = d.pop("apiSecret", UNSET)

        api_integration_created = cls(
            tenant_id=tenant_id,
            auth_method=auth_method,
            status=status,
            key_id=key_id,
            created_at=created_at,
            api_key=api_key,
            api_secret=api_secret,
        )

        api_integration_created.additional_properties = d
        return api_integration_created

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
