from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateCreated")


@_attrs_define
class TemplateCreated:
    """A new template, at version 1."""

    template_id: UUID
    """ Identifier of the new template. """
    template_name: str
    """ Template display name. """
    version: int
    """ Template version number; the first version is 1. """
    description: str | Unset = UNSET
    """ Functional or business context. """
    template_version: str | Unset = UNSET
    """ Canonical label of one template version, `<templateId>#NNNN` with a four-digit, zero-padded version number.
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = str(self.template_id)

        template_name = self.template_name

        version = self.version

        description = self.description

        template_version = self.template_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "templateId": template_id,
                "templateName": template_name,
                "version": version,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if template_version is not UNSET:
            field_dict["templateVersion"] = template_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_id = UUID(d.pop("templateId"))

        template_name = d.pop("templateName")

        version = d.pop("version")

        description = d.pop("description", UNSET)

        template_version = d.pop("templateVersion", UNSET)

        template_created = cls(
            template_id=template_id,
            template_name=template_name,
            version=version,
            description=description,
            template_version=template_version,
        )

        template_created.additional_properties = d
        return template_created

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
