from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParticipantPolicy")


@_attrs_define
class ParticipantPolicy:
    """Limits on a participant's signing attempts."""

    attempts_max: int | Unset = UNSET
    """ Maximum number of attempts allowed. """
    cooldown_seconds: int | Unset = UNSET
    """ Minimum time between attempts, in seconds. """

    def to_dict(self) -> dict[str, Any]:
        attempts_max = self.attempts_max

        cooldown_seconds = self.cooldown_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attempts_max is not UNSET:
            field_dict["attemptsMax"] = attempts_max
        if cooldown_seconds is not UNSET:
            field_dict["cooldownSeconds"] = cooldown_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts_max = d.pop("attemptsMax", UNSET)

        cooldown_seconds = d.pop("cooldownSeconds", UNSET)

        participant_policy = cls(
            attempts_max=attempts_max,
            cooldown_seconds=cooldown_seconds,
        )

        return participant_policy
