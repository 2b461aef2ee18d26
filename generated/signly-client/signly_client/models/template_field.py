from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateField")


@_attrs_define
class TemplateField:
    """A signable or fillable field to place on the template's PDF. `page`, `x` and `y` are optional; Signly keeps every
    property it receives, and `GET .../fields` returns them.

    """

    field_name: str
    """ Functional identifier of the field, unique within a version. """
    field_type: str
    """ Field type. Known types are `SIGNATURE` and `TEXT`; the reference calls them examples, so any upper-snake
    type is accepted. """
    page: int | Unset = UNSET
    """ Page of the PDF the field sits on, starting at 1. """
    x: float | Unset = UNSET
    """ Horizontal position, in PDF points from the left edge of the page. """
    y: float | Unset = UNSET
    """ Vertical position, in PDF points. """

    def to_dict(self) -> dict[str, Any]:
        field_name = self.field_name

        field_type = self.field_type

        page = self.page

        x = self.x

        y = self.y

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fieldName": field_name,
                "fieldType": field_type,
            }
        )
        if page is not UNSET:
            field_dict["page"] = page
        if x is not UNSET:
            field_dict["x"] = x
        if y is not UNSET:
            field_dict["y"] = y

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_name = d.pop("fieldName")

        field_type = d.pop("fieldType")

        page = d.pop("page", UNSET)

        x = d.pop("x", UNSET)

        y = d.pop("y", UNSET)

        template_field = cls(
            field_name=field_name,
            field_type=field_type,
            page=page,
            x=x,
            y=y,
        )

        return template_field
