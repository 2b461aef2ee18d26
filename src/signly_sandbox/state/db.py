"""The store's one SQLite connection: durability, the versioned schema, and transactions.

Why one module: every resource shares the same rules, so they live once. In memory by
default; with a data directory, a file in WAL mode with synchronous=FULL so a write
acknowledged with 2xx survives `kill -9`. Every write is one `BEGIN IMMEDIATE` transaction,
committed before the handler returns; any error inside it rolls the whole write back (no
half-applied writes) and SQLite serializes concurrent writers, threads or processes alike.
Events a write appends reach the transaction hooks (the webhook outbox) inside it, and the
commit listeners (the delivery worker) only once it is committed.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signly_sandbox.clock import Clock, format_timestamp

if TYPE_CHECKING:
    from signly_sandbox.state.events import StoredEvent

DB_FILE_NAME = "signly-sandbox.sqlite3"
SCHEMA = Path(__file__).with_name("schema.sql").read_text(encoding="utf-8")
_VERSION_LINE = re.search(r"^PRAGMA user_version = (\d+);$", SCHEMA, re.MULTILINE)
if _VERSION_LINE is None:
    raise RuntimeError("schema.sql must set `PRAGMA user_version = N;`")
SCHEMA_VERSION = int(_VERSION_LINE.group(1))

# What the store hands out: one resource's attributes under the spec's names, values
# decoded, nothing left out or added for a particular answer (that is views.py's job).
Record = Mapping[str, Any]
CommitListener = Callable[[Sequence["StoredEvent"]], None]
# Runs inside a write, before its COMMIT, with the events it appended (the webhook outbox
# writes its deliveries there, so they exist exactly when their events do).
TransactionHook = Callable[[sqlite3.Connection, Sequence["StoredEvent"]], None]


class StateFileError(RuntimeError):
    """The `--data-dir` database cannot be used; the message says why and what to do."""


class SchemaVersionMismatch(StateFileError):
    def __init__(self, path: str, found: int, expected: int) -> None:
        self.path, self.found, self.expected = path, found, expected
        if found > expected:
            advice = (
                "It was written by a newer signly-sandbox: run that release, or start this one "
                "with another --data-dir."
            )
        else:
            advice = (
                "It was written by an older signly-sandbox and cannot be upgraded in place: "
                "start with another --data-dir, or delete the file to start over (its sandbox "
                "state is lost)."
            )
        super().__init__(
            f"{path} has sandbox schema version {found}, but this signly-sandbox needs "
            f"version {expected}. {advice}"
        )


def to_json(value: Any) -> str | None:
    """JSON columns: compact text, SQL NULL for None."""
    return None if value is None else json.dumps(value, separators=(",", ":"))


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _layout(db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """Every table and index a database defines, by its normalized CREATE statement."""
    rows = db.execute(
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(str(row[0]), str(row[1])): " ".join(str(row[2]).split()) for row in rows}


@functools.cache
def _current_layout() -> dict[tuple[str, str], str]:
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(SCHEMA)
        return _layout(db)
    finally:
        db.close()


def _prepare_schema(db: sqlite3.Connection, path: str) -> None:
    """Create the schema in an empty database, accept the current version, refuse others.

    A database from before versions were stamped (version 0) whose tables and indexes are
    exactly the current ones is stamped in place: that is the only migration there is."""
    found = int(db.execute("PRAGMA user_version").fetchone()[0])
    if found == SCHEMA_VERSION:
        return
    layout = _layout(db)
    if found == 0 and not layout:
        # One transaction: another process opening the same new file waits, then finds it.
        db.executescript(f"BEGIN IMMEDIATE;\n{SCHEMA}\nCOMMIT;")
    elif found == 0 and layout == _current_layout():
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    else:
        raise SchemaVersionMismatch(path, found, SCHEMA_VERSION)


class Database:
    """One connection shared by the store's threads under one lock."""

    def __init__(self, clock: Clock, data_dir: Path | None = None) -> None:
        self.clock = clock
        self.path = str(Path(data_dir) / DB_FILE_NAME) if data_dir is not None else ":memory:"
        if data_dir is not None:
            Path(data_dir).mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, cached_statements=256
        )
        self.connection.row_factory = sqlite3.Row
        self.lock = threading.RLock()
        self._pending: list[StoredEvent] = []
        self._listeners: list[CommitListener] = []
        self._hooks: list[TransactionHook] = []
        self._last_moment: datetime | None = None
        try:
            self.connection.execute("PRAGMA busy_timeout = 10000")
            if data_dir is not None:
                self.connection.execute("PRAGMA journal_mode = WAL")
                self.connection.execute("PRAGMA synchronous = FULL")
            _prepare_schema(self.connection, self.path)
        except sqlite3.DatabaseError as error:
            self.connection.close()
            raise StateFileError(
                f"{self.path} is not a usable sandbox database ({error}): start with another "
                "--data-dir, or delete the file to start over."
            ) from None
        except BaseException:
            self.connection.close()
            raise

    def close(self) -> None:
        with self.lock:
            self.connection.close()

    def now(self) -> str:
        """Strictly increasing within a store, so `createdAt` order is creation order even
        when the clock stands still (a manual clock, or two writes in one microsecond)."""
        moment = self.clock.now()
        with self.lock:
            if self._last_moment is not None and moment <= self._last_moment:
                moment = self._last_moment + timedelta(microseconds=1)
            self._last_moment = moment
        return format_timestamp(moment)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; listeners hear about its events only once it is committed."""
        with self.lock:
            self._pending = []
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield self.connection
                if self._pending:
                    for hook in self._hooks:
                        hook(self.connection, self._pending)
            except BaseException:
                self.connection.execute("ROLLBACK")
                self._pending = []
                raise
            self.connection.execute("COMMIT")
            committed, self._pending = self._pending, []
        if committed:
            for listener in self._listeners:
                listener(committed)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Several reads that must see one state (the lock keeps writers out between them)."""
        with self.lock:
            yield self.connection

    def publish(self, event: StoredEvent) -> None:
        """Hand an event to the listeners once the current write commits."""
        self._pending.append(event)

    def add_commit_listener(self, listener: CommitListener) -> None:
        self._listeners.append(listener)

    def add_transaction_hook(self, hook: TransactionHook) -> None:
        self._hooks.append(hook)

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self.connection.execute(sql, params).fetchall()

    def read_one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self.lock:
            row: sqlite3.Row | None = self.connection.execute(sql, params).fetchone()
            return row
