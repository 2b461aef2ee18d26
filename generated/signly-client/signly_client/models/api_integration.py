from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_integration_status import ApiIntegrationStatus, check_api_integration_status
from ..models.auth_method import AuthMethod, check_auth_method

T = TypeVar("T", bound="ApiIntegration")


@_attrs_define
class ApiIntegration:
    """The tenant's partner configuration, without its secret."""

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
    updated_at: datetime.datetime
    """ When the configuration last changed. """
    partner_base_url: str
    """ Base URL your backend calls with this credential. """
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

        updated_at = self.updated_at.isoformat()

        partner_base_url = self.partner_base_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenantId": tenant_id,
                "authMethod": auth_method,
                "status": status,
                "keyId": key_id,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "partnerBaseUrl": partner_base_url,
            }
        )

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

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        partner_base_url = d.pop("partnerBaseUrl")

        api_integration = cls(
            tenant_id=tenant_id,
            auth_method=auth_method,
            status=status,
            key_id=key_id,
            created_at=created_at,
            updated_at=updated_at,
            partner_base_url=partner_base_url,
        )

        api_integration.additional_properties = d
        return api_integration

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
