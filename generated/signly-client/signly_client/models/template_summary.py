from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateSummary")


@_attrs_define
class TemplateSummary:
    """The latest version of a template, as listed."""

    template_id: UUID
    """ Template identifier. """
    template_name: str
    """ Template display name of the latest version. """
    version: int
    """ Template version number; the first version is 1. """
    created_at: datetime.datetime
    """ When the template (version 1) was created. """
    updated_at: datetime.datetime
    """ When the latest version was created. """
    description: str | Unset = UNSET
    """ Functional or business context of the latest version. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = str(self.template_id)

        template_name = self.template_name

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "templateId": template_id,
                "templateName": template_name,
                "version": version,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_id = UUID(d.pop("templateId"))

        template_name = d.pop("templateName")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        description = d.pop("description", UNSET)

        template_summary = cls(
            template_id=template_id,
            template_name=template_name,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
        )

        template_summary.additional_properties = d
        return template_summary

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
