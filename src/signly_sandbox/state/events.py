"""Process events: the timeline of each participant's signing process (`GET /v1/events`).

Appended only inside a document write, so an event exists exactly when its change does;
each one is also published to the commit listeners (the webhook dispatcher) after commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from signly_sandbox.errors import NotFound
from signly_sandbox.ids import new_ulid
from signly_sandbox.state.db import Database, Record


@dataclass(frozen=True)
class StoredEvent:
    """A committed process event, as handed to commit listeners."""

    tenant_id: str
    document_id: str
    record: Record

    @property
    def event_id(self) -> str:
        return str(self.record["eventId"])


class Events:
    def __init__(self, database: Database) -> None:
        self._db = database

    def append(
        self,
        db: sqlite3.Connection,
        tenant_id: str,
        document_id: str,
        process_ids: Sequence[str],
        event_type: str,
        actor: str,
        status: str = "SUCCESS",
    ) -> None:
        """One event per process, inside the caller's write."""
        timestamp = self._db.now()
        for process_id in process_ids:
            event_id = new_ulid()
            db.execute(
                "INSERT INTO events (event_id, tenant_id, document_id, process_id, event_type, "
                "status, actor, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event_id,
                    tenant_id,
                    document_id,
                    process_id,
                    event_type,
                    status,
                    actor,
                    timestamp,
                ),
            )
            record = {
                "eventId": event_id,
                "eventType": event_type,
                "processId": process_id,
                "status": status,
                "actor": actor,
                "timestamp": timestamp,
            }
            self._db.publish(StoredEvent(tenant_id, document_id, record))

    def list_for_process(self, tenant_id: str, process_id: str) -> list[Record]:
        """A process's events in the order they happened; a process with none is unknown."""
        rows = self._db.read(
            "SELECT event_id, event_type, process_id, status, actor, timestamp FROM events "
            "WHERE tenant_id = ? AND process_id = ? ORDER BY seq",
            (tenant_id, process_id),
        )
        if not rows:
            raise NotFound("Process not found.", {"processId": process_id})
        return [
            {
                "eventId": row[0],
                "eventType": row[1],
                "processId": row[2],
                "status": row[3],
                "actor": row[4],
                "timestamp": row[5],
            }
            for row in rows
        ]

    @staticmethod
    def forget(db: sqlite3.Connection, tenant_id: str) -> None:
        db.execute("DELETE FROM events WHERE tenant_id = ?", (tenant_id,))
