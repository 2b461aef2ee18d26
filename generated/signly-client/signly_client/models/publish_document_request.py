from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.order_mode import OrderMode, check_order_mode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flow_policy import FlowPolicy
    from ..models.participant import Participant
    from ..models.publish_document_request_metadata import PublishDocumentRequestMetadata


T = TypeVar("T", bound="PublishDocumentRequest")


@_attrs_define
class PublishDocumentRequest:
    """Publishes a signing document from one template version to its participants."""

    template_id: UUID
    """ Base template identifier. """
    template_version: str
    """ Version to use: the four-digit number (`0002`), or the canonical `<templateId>#0002` form. A canonical form
    naming another template is refused. """
    participants: list[Participant]
    """ Signers or flow participants, in signing order for `SEQUENTIAL`. """
    order_mode: OrderMode
    """ Whether participants sign at the same time (`PARALLEL`) or one after another in list order (`SEQUENTIAL`).
    """
    flow_policy: FlowPolicy | Unset = UNSET
    """ What the process does when a participant fails. """
    deadline_at: datetime.datetime | Unset = UNSET
    """ Process deadline; must be in the future. """
    metadata: PublishDocumentRequestMetadata | Unset = UNSET
    """ Free-form object to correlate the document with your system; returned as sent. """

    def to_dict(self) -> dict[str, Any]:
        template_id = str(self.template_id)

        template_version = self.template_version

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        order_mode: str = self.order_mode

        flow_policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.flow_policy, Unset):
            flow_policy = self.flow_policy.to_dict()

        deadline_at: str | Unset = UNSET
        if not isinstance(self.deadline_at, Unset):
            deadline_at = self.deadline_at.isoformat()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "templateId": template_id,
                "templateVersion": template_version,
                "participants": participants,
                "orderMode": order_mode,
            }
        )
        if flow_policy is not UNSET:
            field_dict["flowPolicy"] = flow_policy
        if deadline_at is not UNSET:
            field_dict["deadlineAt"] = deadline_at
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_policy import FlowPolicy  # noqa: PLC0415
        from ..models.participant import Participant  # noqa: PLC0415
        from ..models.publish_document_request_metadata import PublishDocumentRequestMetadata  # noqa: PLC0415

        d = dict(src_dict)
        template_id = UUID(d.pop("templateId"))

        template_version = d.pop("templateVersion")

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = Participant.from_dict(participants_item_data)

            participants.append(participants_item)

        order_mode = check_order_mode(d.pop("orderMode"))

        _flow_policy = d.pop("flowPolicy", UNSET)
        flow_policy: FlowPolicy | Unset
        if isinstance(_flow_policy, Unset):
            flow_policy = UNSET
        else:
            flow_policy = FlowPolicy.from_dict(_flow_policy)

        _deadline_at = d.pop("deadlineAt", UNSET)
        deadline_at: datetime.datetime | Unset
        if isinstance(_deadline_at, Unset):
            deadline_at = UNSET
        else:
            deadline_at = datetime.datetime.fromisoformat(_deadline_at)

        _metadata = d.pop("metadata", UNSET)
        metadata: PublishDocumentRequestMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = PublishDocumentRequestMetadata.from_dict(_metadata)

        publish_document_request = cls(
            template_id=template_id,
            template_version=template_version,
            participants=participants,
            order_mode=order_mode,
            flow_policy=flow_policy,
            deadline_at=deadline_at,
            metadata=metadata,
        )

        return publish_document_request
