from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stored_template_field import StoredTemplateField


T = TypeVar("T", bound="Template")


@_attrs_define
class Template:
    """The latest version of a template, with its fields."""

    template_id: UUID
    """ Template identifier. """
    template_name: str
    """ Display name of this version. """
    template_version: str
    """ Canonical label of one template version, `<templateId>#NNNN` with a four-digit, zero-padded version number.
    """
    version: int
    """ Template version number; the first version is 1. """
    fields: list[StoredTemplateField]
    """ The fields of one template version, as stored. Not paginated. """
    description: str | Unset = UNSET
    """ Functional or business context of this version. """
    created_at: datetime.datetime | Unset = UNSET
    """ When the template was created. """
    updated_at: datetime.datetime | Unset = UNSET
    """ When this version was created. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = str(self.template_id)

        template_name = self.template_name

        template_version = self.template_version

        version = self.version

        fields = []
        for componentsschemas_stored_template_field_list_item_data in self.fields:
            componentsschemas_stored_template_field_list_item = (
                componentsschemas_stored_template_field_list_item_data.to_dict()
            )
            fields.append(componentsschemas_stored_template_field_list_item)

        description = self.description

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "templateId": template_id,
                "templateName": template_name,
                "templateVersion": template_version,
                "version": version,
                "fields": fields,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stored_template_field import StoredTemplateField  # noqa: PLC0415

        d = dict(src_dict)
        template_id = UUID(d.pop("templateId"))

        template_name = d.pop("templateName")

        template_version = d.pop("templateVersion")

        version = d.pop("version")

        fields = []
        _fields = d.pop("fields")
        for componentsschemas_stored_template_field_list_item_data in _fields:
            componentsschemas_stored_template_field_list_item = StoredTemplateField.from_dict(
                componentsschemas_stored_template_field_list_item_data
            )

            fields.append(componentsschemas_stored_template_field_list_item)

        description = d.pop("description", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        template = cls(
            template_id=template_id,
            template_name=template_name,
            template_version=template_version,
            version=version,
            fields=fields,
            description=description,
            created_at=created_at,
            updated_at=updated_at,
        )

        template.additional_properties = d
        return template

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
