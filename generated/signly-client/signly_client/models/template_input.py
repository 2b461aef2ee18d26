from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateInput")


@_attrs_define
class TemplateInput:
    """Template metadata, sent to create a template (version 1) and to create each new version. `description` is accepted
    on update too.

    """

    template_name: str
    """ Template display name. """
    description: str | Unset = UNSET
    """ Functional or business context. """

    def to_dict(self) -> dict[str, Any]:
        template_name = self.template_name

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "templateName": template_name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_name = d.pop("templateName")

        description = d.pop("description", UNSET)

        template_input = cls(
            template_name=template_name,
            description=description,
        )

        return template_input
