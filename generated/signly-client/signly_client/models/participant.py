from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.signature_mode import SignatureMode, check_signature_mode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.participant_identity import ParticipantIdentity
    from ..models.participant_policy import ParticipantPolicy


T = TypeVar("T", bound="Participant")


@_attrs_define
class Participant:
    """A signer or other participant of a new document. Each signature mode needs its address in `identity`; a biometric
    signer without a document number is a 400 `validation_error`.

    """

    display_name: str
    """ Participant display name. """
    signature_mode: list[SignatureMode]
    """ Signature channels or mechanisms. """
    identity: ParticipantIdentity | Unset = UNSET
    """ How to reach and identify a participant. """
    policy: ParticipantPolicy | Unset = UNSET
    """ Limits on a participant's signing attempts. """

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        signature_mode = []
        for signature_mode_item_data in self.signature_mode:
            signature_mode_item: str = signature_mode_item_data
            signature_mode.append(signature_mode_item)

        identity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.identity, Unset):
            identity = self.identity.to_dict()

        policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.policy, Unset):
            policy = self.policy.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "displayName": display_name,
                "signatureMode": signature_mode,
            }
        )
        if identity is not UNSET:
            field_dict["identity"] = identity
        if policy is not UNSET:
            field_dict["policy"] = policy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant_identity import ParticipantIdentity  # noqa: PLC0415
        from ..models.participant_policy import ParticipantPolicy  # noqa: PLC0415

        d = dict(src_dict)
        display_name = d.pop("displayName")

        signature_mode = []
        _signature_mode = d.pop("signatureMode")
        for signature_mode_item_data in _signature_mode:
            signature_mode_item = check_signature_mode(signature_mode_item_data)

            signature_mode.append(signature_mode_item)

        _identity = d.pop("identity", UNSET)
        identity: ParticipantIdentity | Unset
        if isinstance(_identity, Unset):
            identity = UNSET
        else:
            identity = ParticipantIdentity.from_dict(_identity)

        _policy = d.pop("policy", UNSET)
        policy: ParticipantPolicy | Unset
        if isinstance(_policy, Unset):
            policy = UNSET
        else:
            policy = ParticipantPolicy.from_dict(_policy)

        participant = cls(
            display_name=display_name,
            signature_mode=signature_mode,
            identity=identity,
            policy=policy,
        )

        return participant
