from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateVersion")


@_attrs_define
class TemplateVersion:
    """One exact version of a template."""

    template_id: UUID
    """ Template identifier. """
    template_version: str
    """ Canonical label of one template version, `<templateId>#NNNN` with a four-digit, zero-padded version number.
    """
    version: int
    """ Template version number; the first version is 1. """
    template_name: str | Unset = UNSET
    """ Display name of this version. """
    description: str | Unset = UNSET
    """ Functional or business context of this version. """
    created_at: datetime.datetime | Unset = UNSET
    """ When the version was created. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = str(self.template_id)

        template_version = self.template_version

        version = self.version

        template_name = self.template_name

        description = self.description

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "templateId": template_id,
                "templateVersion": template_version,
                "version": version,
            }
        )
        if template_name is not UNSET:
            field_dict["templateName"] = template_name
        if description is not UNSET:
            field_dict["description"] = description
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_id = UUID(d.pop("templateId"))

        template_version = d.pop("templateVersion")

        version = d.pop("version")

        template_name = d.pop("templateName", UNSET)

        description = d.pop("description", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        template_version = cls(
            template_id=template_id,
            template_version=template_version,
            version=version,
            template_name=template_name,
            description=description,
            created_at=created_at,
        )

        template_version.additional_properties = d
        return template_version

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
