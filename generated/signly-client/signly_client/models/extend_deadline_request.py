from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExtendDeadlineRequest")


@_attrs_define
class ExtendDeadlineRequest:
    """A new deadline for an active document."""

    new_deadline_at: datetime.datetime
    """ New document deadline; must be in the future. """

    def to_dict(self) -> dict[str, Any]:
        new_deadline_at = self.new_deadline_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "newDeadlineAt": new_deadline_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_deadline_at = datetime.datetime.fromisoformat(d.pop("newDeadlineAt"))

        extend_deadline_request = cls(
            new_deadline_at=new_deadline_at,
        )

        return extend_deadline_request
