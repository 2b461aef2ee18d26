from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
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
    auth_method: AuthMethod
    """ How the partner credential authenticates. `JWT` exists in Signly's authorizer but is not open to partners;
    asking for it is a 400 `invalid_auth_method`. """
    status: ApiIntegrationStatus
    """ State of a partner credential. A revoked credential is deleted, so only `ACTIVE` is ever returned (D23). """
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

        auth_method: str = self.auth_method

        status: str = self.status

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

        auth_method = check_auth_method(d.pop("authMethod"))

        status = check_api_integration_status(d.pop("status"))

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
