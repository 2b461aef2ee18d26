from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_actor import EventActor, check_event_actor
from ..models.event_status import EventStatus, check_event_status
from ..models.event_type import EventType, check_event_type

T = TypeVar("T", bound="ProcessEvent")


@_attrs_define
class ProcessEvent:
    """One entry in a process's timeline."""

    event_id: str
    """ Event identifier (a ULID, so ids sort by time). """
    event_type: EventType | str
    """ What happened, as Signly reports it: one of the known `EventType` values, or a type added later (upper-snake
    by convention). New types appear as Signly grows: accept them. """
    process_id: str
    """ Identifier of one participant's signing process. Signly forms it as `<documentId>-<participantId>`, but
    clients must treat it as opaque. """
    status: EventStatus | str
    """ An event outcome as Signly reports it: one of the known `EventStatus` values, or an outcome added later. """
    actor: EventActor | str
    """ Who caused an event, as Signly reports it: one of the known `EventActor` values, or an actor added later
    (lower-case by convention). """
    timestamp: datetime.datetime
    """ When it happened. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        event_type: str
        if isinstance(self.event_type, str):
            event_type = self.event_type
        else:
            event_type = self.event_type

        process_id = self.process_id

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        actor: str
        if isinstance(self.actor, str):
            actor = self.actor
        else:
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

        def _parse_event_type(data: object) -> EventType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_event_type_type_0 = check_event_type(data)

                return componentsschemas_any_event_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventType | str, data)

        event_type = _parse_event_type(d.pop("eventType"))

        process_id = d.pop("processId")

        def _parse_status(data: object) -> EventStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_event_status_type_0 = check_event_status(data)

                return componentsschemas_any_event_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_actor(data: object) -> EventActor | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_any_event_actor_type_0 = check_event_actor(data)

                return componentsschemas_any_event_actor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventActor | str, data)

        actor = _parse_actor(d.pop("actor"))

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
