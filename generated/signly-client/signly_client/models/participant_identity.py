from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParticipantIdentity")


@_attrs_define
class ParticipantIdentity:
    """How to reach and identify a participant."""

    email: str | Unset = UNSET
    """ Participant email; required when the participant signs by `SIGNATURE_EMAIL`. """
    phone: str | Unset = UNSET
    """ Participant phone in E.164 form, for SMS, WhatsApp or operational contact; required for `SIGNATURE_SMS`. """
    document_number: str | Unset = UNSET
    """ Participant identity document number; required for `SIGNATURE_BIOMETRIC`. """

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        phone = self.phone

        document_number = self.document_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if document_number is not UNSET:
            field_dict["documentNumber"] = document_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        document_number = d.pop("documentNumber", UNSET)

        participant_identity = cls(
            email=email,
            phone=phone,
            document_number=document_number,
        )

        return participant_identity
