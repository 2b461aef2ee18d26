"""The log of every webhook delivery attempt (D22, D37, sandbox only).

The outbox (outbox.py) writes one entry per attempt, in the write that settles it, for
`GET /_sandbox/webhook/deliveries`.
"""

from __future__ import annotations

import sqlite3

from signly_sandbox.state.db import Database, Record


class Deliveries:
    def __init__(self, database: Database) -> None:
        self._db = database

    @staticmethod
    def insert(
        db: sqlite3.Connection,
        *,
        tenant_id: str,
        delivery_id: str,
        event_id: str,
        url: str,
        attempt: int,
        status_code: int | None,
        outcome: str,
        error: str | None,
        attempted_at: str,
        next_attempt_at: str | None,
    ) -> None:
        db.execute(
            "INSERT INTO webhook_deliveries (tenant_id, delivery_id, event_id, url, attempt, "
            "status_code, outcome, error, attempted_at, next_attempt_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                tenant_id,
                delivery_id,
                event_id,
                url,
                attempt,
                status_code,
                outcome,
                error,
                attempted_at,
                next_attempt_at,
            ),
        )

    def list_attempts(self, tenant_id: str) -> list[Record]:
        rows = self._db.read(
            "SELECT delivery_id, event_id, url, attempt, status_code, outcome, error, "
            "attempted_at, next_attempt_at FROM webhook_deliveries WHERE tenant_id = ? "
            "ORDER BY seq",
            (tenant_id,),
        )
        return [
            {
                "deliveryId": row[0],
                "eventId": row[1],
                "url": row[2],
                "attempt": row[3],
                "statusCode": row[4],
                "outcome": row[5],
                "error": row[6],
                "attemptedAt": row[7],
                "nextAttemptAt": row[8],
            }
            for row in rows
        ]

    @staticmethod
    def forget(db: sqlite3.Connection, tenant_id: str) -> None:
        db.execute("DELETE FROM webhook_deliveries WHERE tenant_id = ?", (tenant_id,))
