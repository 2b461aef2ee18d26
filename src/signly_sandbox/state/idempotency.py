"""Idempotency keys (D36): per tenant, a fingerprint of the first request and its answer.

A key is claimed before its request runs (a row with no answer yet, leased for a while), and
completed with the answer of a success, or released when the request failed (errors are not
kept, so the request can be retried with its key). Claims are write transactions, so two
requests with one key, from two tasks, threads or processes, never both run: the second one
sees the claim and waits (signly_sandbox/idempotency.py). A key is kept 24 hours by the
sandbox's clock; a claim whose request died (its lease is over, in wall-clock time) is taken
over by the next request with the key.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from typing import Any

from signly_sandbox.clock import format_timestamp
from signly_sandbox.state.db import Database, from_json, to_json

KEPT_FOR = timedelta(hours=24)
_PURGE_EVERY = 1000


class ClaimState(Enum):
    NEW = "new"  # the caller runs the request, then completes or releases the key
    REPLAY = "replay"  # the first request succeeded: `answer` is its answer
    MISMATCH = "mismatch"  # the key was used with another request
    BUSY = "busy"  # the first request still runs: wait and claim again


@dataclass(frozen=True)
class Claim:
    state: ClaimState
    answer: Any = None


class IdempotencyKeys:
    def __init__(self, database: Database, wall: Callable[[], float] = time.time) -> None:
        self._db = database
        self._wall = wall
        self._claims = 0

    def _cutoff(self) -> str:
        return format_timestamp(self._db.clock.now() - KEPT_FOR)

    def claim(self, tenant_id: str, key: str, fingerprint: str, lease_seconds: float) -> Claim:
        cutoff = self._cutoff()
        wall = self._wall()
        with self._db.write() as db:
            self._claims += 1
            if self._claims % _PURGE_EVERY == 0:
                db.execute("DELETE FROM idempotency_keys WHERE created_at < ?", (cutoff,))
            row = db.execute(
                "SELECT fingerprint, answer, created_at, claimed_until FROM idempotency_keys "
                "WHERE tenant_id = ? AND key = ?",
                (tenant_id, key),
            ).fetchone()
            if row is not None and row[2] >= cutoff:
                if row[0] != fingerprint:
                    return Claim(ClaimState.MISMATCH)
                if row[1] is not None:
                    return Claim(ClaimState.REPLAY, from_json(row[1]))
                if row[3] > wall:
                    return Claim(ClaimState.BUSY)
            db.execute(
                "INSERT OR REPLACE INTO idempotency_keys "
                "(tenant_id, key, fingerprint, answer, created_at, claimed_until) "
                "VALUES (?, ?, ?, NULL, ?, ?)",
                (tenant_id, key, fingerprint, self._db.now(), wall + lease_seconds),
            )
        return Claim(ClaimState.NEW)

    def complete(self, tenant_id: str, key: str, answer: Any) -> None:
        with self._db.write() as db:
            db.execute(
                "UPDATE idempotency_keys SET answer = ? WHERE tenant_id = ? AND key = ?",
                (to_json(answer), tenant_id, key),
            )

    def release(self, tenant_id: str, key: str) -> None:
        with self._db.write() as db:
            db.execute(
                "DELETE FROM idempotency_keys WHERE tenant_id = ? AND key = ? AND answer IS NULL",
                (tenant_id, key),
            )

    @staticmethod
    def forget(db: sqlite3.Connection, tenant_id: str) -> None:
        db.execute("DELETE FROM idempotency_keys WHERE tenant_id = ?", (tenant_id,))
