from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.process_event_status import ProcessEventStatus, check_process_event_status

T = TypeVar("T", bound="ProcessEvent")


@_attrs_define
class ProcessEvent:
    """One entry in a process's timeline."""

    event_id: str
    """ Event identifier (a ULID, so ids sort by time). """
    event_type: str
    """ What happened. Known values: `PROCESS_CREATED` (always first), `INVITATION_SENT`, `INVITATION_RESENT`,
    `OTP_SENT`, `DEADLINE_EXTENDED`, `PARTICIPANT_SIGNED`, `PARTICIPANT_REJECTED`, `PROCESS_COMPLETED`,
    `PROCESS_CANCELLED`, `PROCESS_EXPIRED`. New types may appear; clients must accept them. """
    process_id: str
    """ Identifier of one participant's signing process. Signly forms it as `<documentId>-<participantId>`, but
    clients must treat it as opaque (D07). """
    status: ProcessEventStatus
    """ Outcome of the event. """
    actor: str
    """ Who caused it. Known values `backend`, `frontend`, `partner`, `signer`, `system`; others may appear. """
    timestamp: datetime.datetime
    """ When it happened. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        event_type = self.event_type

        process_id = self.process_id

        status: str = self.status

        actor = self.actor

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventId": event_id,
                "eventType": event_type,
                "processId": process_id,
                "status": status,
                "actor": actor,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_id = d.pop("eventId")

        event_type = d.pop("eventType")

        process_id = d.pop("processId")

        status = check_process_event_status(d.pop("status"))

        actor = d.pop("actor")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        process_event = cls(
            event_id=event_id,
            event_type=event_type,
            process_id=process_id,
            status=status,
            actor=actor,
            timestamp=timestamp,
        )

        process_event.additional_properties = d
        return process_event

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
