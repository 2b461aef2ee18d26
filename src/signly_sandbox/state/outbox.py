"""The webhook outbox: each tenant's endpoint and every delivery until it is acknowledged
(D22, D37; sandbox only).

Why an outbox in the store rather than a queue in memory: a delivery row is written by a
transaction hook inside the very write that appends its event (state/db.py), so a delivery
exists exactly when its event does. Nothing is dropped when the worker is busy, and with
`--data-dir` nothing is lost in a restart or a `kill -9`. The worker (webhooks.py) claims due
rows, sends them and settles each attempt here, with its log entry, in one write.

Due times, attempt times and rotation windows are wall-clock time (`time.time()`), not the
sandbox's clock: deliveries happen in real time, due times must mean the same after a
restart, and receivers check the signatures' timestamps against their own clocks. A claimed
row gets a lease (its due time moves past the attempt's timeout), so a row whose worker
died is sent again once the lease is over, by this process or the next.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from signly_sandbox.clock import format_timestamp
from signly_sandbox.errors import NotFound
from signly_sandbox.state.db import Database, Record, from_json, to_json
from signly_sandbox.state.deliveries import Deliveries
from signly_sandbox.state.events import StoredEvent

Wall = Callable[[], float]
_CACHE_LIMIT = 10_000


def _at(epoch: float) -> str:
    return format_timestamp(datetime.fromtimestamp(epoch, UTC))


@dataclass(frozen=True)
class Endpoint:
    """A tenant's webhook: where to send, which secrets sign, whether it is enabled."""

    tenant_id: str
    url: str
    secret: str
    previous_secret: str | None
    previous_until: float | None
    enabled: bool

    def secrets(self, now: float) -> list[str]:
        """The secrets that sign a delivery sent at `now`: the current one, and the previous
        one during its grace window (D22: one signature each)."""
        valid = [self.secret]
        if self.previous_secret and self.previous_until and self.previous_until > now:
            valid.append(self.previous_secret)
        return valid

    def record(self) -> Record:
        return {
            "tenantId": self.tenant_id,
            "url": self.url,
            "enabled": self.enabled,
            "previousSecretExpiresAt": _at(self.previous_until)
            if self.previous_secret and self.previous_until is not None
            else None,
        }


@dataclass(frozen=True)
class Delivery:
    """A claimed delivery: one event for one tenant, on its `attempt`-th attempt."""

    seq: int
    delivery_id: str
    tenant_id: str
    event_id: str
    document_id: str
    event: Record
    attempt: int
    created_at: float


class Outbox:
    def __init__(self, database: Database, wall: Wall = time.time) -> None:
        self._db = database
        self._wall = wall
        self._endpoints: dict[str, Endpoint | None] = {}
        self._claimed: set[int] = set()
        database.add_transaction_hook(self._write_deliveries)

    # -- endpoints ------------------------------------------------------------------------

    def set_endpoint(self, tenant_id: str, url: str, secret: str, grace_seconds: int) -> Record:
        """Configure (and enable) the tenant's webhook. A new secret keeps the one it
        replaces signing for `grace_seconds`; the same secret again keeps the current grace."""
        now = self._wall()
        with self._db.write() as db:
            self._endpoints.clear()
            old = self._read(db, tenant_id)
            previous, until = None, None
            if old is not None and old.secret != secret:
                if grace_seconds > 0:
                    previous, until = old.secret, now + grace_seconds
            elif old is not None:
                previous, until = old.previous_secret, old.previous_until
            db.execute(
                "INSERT OR REPLACE INTO webhook_endpoints (tenant_id, url, secret, "
                "previous_secret, previous_until, enabled, updated_at) "
                "VALUES (?, ?, ?, ?, ?, 1, ?)",
                (tenant_id, url, secret, previous, until, self._db.now()),
            )
        return Endpoint(tenant_id, url, secret, previous, until, True).record()

    @staticmethod
    def _read(db: sqlite3.Connection, tenant_id: str) -> Endpoint | None:
        row = db.execute(
            "SELECT url, secret, previous_secret, previous_until, enabled "
            "FROM webhook_endpoints WHERE tenant_id = ?",
            (tenant_id,),
        ).fetchone()
        if row is None:
            return None
        return Endpoint(tenant_id, row[0], row[1], row[2], row[3], bool(row[4]))

    def endpoint(self, tenant_id: str) -> Endpoint | None:
        if tenant_id in self._endpoints:
            return self._endpoints[tenant_id]
        with self._db.reading() as db:
            found = self._read(db, tenant_id)
        if len(self._endpoints) < _CACHE_LIMIT:
            self._endpoints[tenant_id] = found
        return found

    # -- writing deliveries (inside the event's transaction) ------------------------------

    def _write_deliveries(self, db: sqlite3.Connection, events: Sequence[StoredEvent]) -> None:
        now = self._wall()
        for event in events:
            if event.tenant_id in self._endpoints:
                endpoint = self._endpoints[event.tenant_id]
            else:
                endpoint = self._read(db, event.tenant_id)
                if len(self._endpoints) < _CACHE_LIMIT:
                    self._endpoints[event.tenant_id] = endpoint
            if endpoint is None:
                continue
            db.execute(
                "INSERT INTO webhook_outbox (delivery_id, tenant_id, event_id, document_id, "
                "event, status, attempts, due_at, created_at) "
                "VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                (
                    f"msg_{event.event_id}",
                    event.tenant_id,
                    event.event_id,
                    event.document_id,
                    to_json(dict(event.record)),
                    now,
                    now,
                ),
            )

    # -- the worker's side ----------------------------------------------------------------

    def claim(self, limit: int, lease_seconds: float, busy: set[str]) -> list[Delivery]:
        """Up to `limit` due deliveries of enabled endpoints, at most one per tenant and none
        of a tenant in `busy` (so one tenant's deliveries go out one at a time, in order),
        each leased for `lease_seconds`."""
        now = self._wall()
        with self._db.write() as db:
            rows = db.execute(
                "SELECT o.seq, o.delivery_id, o.tenant_id, o.event_id, o.document_id, o.event, "
                "o.attempts, o.created_at FROM webhook_outbox o INDEXED BY outbox_due "
                "JOIN webhook_endpoints e ON e.tenant_id = o.tenant_id "
                "WHERE o.status = 'PENDING' AND o.due_at <= ? AND e.enabled = 1 "
                "ORDER BY o.due_at, o.seq LIMIT ?",
                (now, max(limit * 8, 64)),
            ).fetchall()
            chosen: list[Delivery] = []
            tenants = set(busy)
            for row in rows:
                if len(chosen) >= limit:
                    break
                if row[2] in tenants:
                    continue
                tenants.add(row[2])
                chosen.append(
                    Delivery(
                        row[0],
                        row[1],
                        row[2],
                        row[3],
                        row[4],
                        from_json(row[5]),
                        row[6] + 1,
                        row[7],
                    )
                )
            db.executemany(
                "UPDATE webhook_outbox SET due_at = ? WHERE seq = ?",
                [(now + lease_seconds, delivery.seq) for delivery in chosen],
            )
        self._claimed.update(delivery.seq for delivery in chosen)
        return chosen

    def settle(
        self,
        delivery: Delivery,
        url: str,
        status_code: int | None,
        outcome: str,
        error: str | None,
        next_due: float | None,
    ) -> None:
        """Record an attempt and move its delivery on, in one write. `outcome` is DELIVERED,
        RETRYING (due again at `next_due`), FAILED, or DISABLED (the receiver said 410: the
        endpoint is disabled and the delivery waits, due at once when it is enabled again)."""
        now = self._wall()
        status = {"DELIVERED": "DELIVERED", "FAILED": "FAILED"}.get(outcome, "PENDING")
        due = next_due if outcome == "RETRYING" and next_due is not None else now
        with self._db.write() as db:
            db.execute(
                "UPDATE webhook_outbox SET status = ?, attempts = ?, due_at = ? WHERE seq = ?",
                (status, delivery.attempt, due, delivery.seq),
            )
            if outcome == "DISABLED":
                self._endpoints.clear()
                db.execute(
                    "UPDATE webhook_endpoints SET enabled = 0, updated_at = ? WHERE tenant_id = ?",
                    (self._db.now(), delivery.tenant_id),
                )
            Deliveries.insert(
                db,
                tenant_id=delivery.tenant_id,
                delivery_id=delivery.delivery_id,
                event_id=delivery.event_id,
                url=url,
                attempt=delivery.attempt,
                status_code=status_code,
                outcome=outcome,
                error=error,
                attempted_at=_at(now),
                next_attempt_at=_at(due) if outcome == "RETRYING" else None,
            )
        self._claimed.discard(delivery.seq)

    def release(self, delivery: Delivery) -> None:
        """Give back a claimed delivery that was not attempted (shutdown): due now."""
        with self._db.write() as db:
            db.execute(
                "UPDATE webhook_outbox SET due_at = ? WHERE seq = ? AND status = 'PENDING'",
                (self._wall(), delivery.seq),
            )
        self._claimed.discard(delivery.seq)

    def next_due(self) -> float | None:
        """When the earliest pending delivery of an enabled endpoint is due."""
        row = self._db.read_one(
            "SELECT min(o.due_at) FROM webhook_outbox o INDEXED BY outbox_due "
            "JOIN webhook_endpoints e ON e.tenant_id = o.tenant_id "
            "WHERE o.status = 'PENDING' AND e.enabled = 1"
        )
        return None if row is None or row[0] is None else float(row[0])

    def pending(self) -> int:
        """Deliveries still to be sent to enabled endpoints (due or not)."""
        row = self._db.read_one(
            "SELECT count(*) FROM webhook_outbox o INDEXED BY outbox_due "
            "JOIN webhook_endpoints e ON e.tenant_id = o.tenant_id "
            "WHERE o.status = 'PENDING' AND e.enabled = 1"
        )
        return 0 if row is None else int(row[0])

    # -- sandbox controls -----------------------------------------------------------------

    def redeliver(self, tenant_id: str, delivery_id: str) -> Record:
        """A new round of attempts for one delivery, the first one due now."""
        with self._db.write() as db:
            row = db.execute(
                "SELECT event_id FROM webhook_outbox WHERE tenant_id = ? AND delivery_id = ?",
                (tenant_id, delivery_id),
            ).fetchone()
            if row is None:
                raise NotFound("Delivery not found.", {"deliveryId": delivery_id})
            db.execute(
                "UPDATE webhook_outbox SET status = 'PENDING', attempts = 0, due_at = ? "
                "WHERE tenant_id = ? AND delivery_id = ?",
                (self._wall(), tenant_id, delivery_id),
            )
        return {"deliveryId": delivery_id, "eventId": row[0], "status": "PENDING"}

    def forget(self, db: sqlite3.Connection, tenant_id: str) -> None:
        """The tenant's endpoint and every delivery of it (inside the caller's write)."""
        self._endpoints.clear()
        db.execute("DELETE FROM webhook_outbox WHERE tenant_id = ?", (tenant_id,))
        db.execute("DELETE FROM webhook_endpoints WHERE tenant_id = ?", (tenant_id,))
