"""Each tenant's webhook target and the log of every delivery attempt (D22, sandbox only).

The dispatcher (webhooks.py) reads the target when it delivers, so a new URL or secret
applies to the next attempt, and records every attempt here for
`GET /_sandbox/webhook/deliveries`.
"""

from __future__ import annotations

import sqlite3

from signly_sandbox.state.db import Database, Record


class Deliveries:
    def __init__(self, database: Database) -> None:
        self._db = database

    def set_webhook(self, tenant_id: str, url: str, secret: str) -> Record:
        with self._db.write() as db:
            db.execute(
                "UPDATE tenants SET webhook_url = ?, webhook_secret = ? WHERE tenant_id = ?",
                (url, secret, tenant_id),
            )
        return {"tenantId": tenant_id, "url": url}

    def webhook_for(self, tenant_id: str) -> tuple[str, str] | None:
        """(url, secret), or None when the tenant has no webhook."""
        row = self._db.read_one(
            "SELECT webhook_url, webhook_secret FROM tenants WHERE tenant_id = ?", (tenant_id,)
        )
        if row is None or row[0] is None:
            return None
        return str(row[0]), str(row[1] or "")

    def record(
        self,
        tenant_id: str,
        event_id: str,
        url: str,
        attempt: int,
        status_code: int | None,
        outcome: str,
        error: str | None,
    ) -> None:
        with self._db.write() as db:
            db.execute(
                "INSERT INTO webhook_deliveries (tenant_id, event_id, url, attempt, status_code, "
                "outcome, error, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (tenant_id, event_id, url, attempt, status_code, outcome, error, self._db.now()),
            )

    def list_attempts(self, tenant_id: str) -> list[Record]:
        rows = self._db.read(
            "SELECT event_id, url, attempt, status_code, outcome, error, attempted_at "
            "FROM webhook_deliveries WHERE tenant_id = ? ORDER BY seq",
            (tenant_id,),
        )
        return [
            {
                "eventId": row[0],
                "url": row[1],
                "attempt": row[2],
                "statusCode": row[3],
                "outcome": row[4],
                "error": row[5],
                "attemptedAt": row[6],
            }
            for row in rows
        ]

    @staticmethod
    def forget(db: sqlite3.Connection, tenant_id: str) -> None:
        """The tenant's delivery log and its webhook target."""
        db.execute("DELETE FROM webhook_deliveries WHERE tenant_id = ?", (tenant_id,))
        db.execute(
            "UPDATE tenants SET webhook_url = NULL, webhook_secret = NULL WHERE tenant_id = ?",
            (tenant_id,),
        )
