"""All sandbox state, in SQLite (stdlib sqlite3).

In memory by default; with a data directory, a file in WAL mode with synchronous=FULL so a
write acknowledged with 2xx survives `kill -9`. Every write is one `BEGIN IMMEDIATE`
transaction, committed before the handler returns, and any error inside it rolls the whole
write back: no half-applied writes, and concurrent version creation is serialized by SQLite.
Domain rules that need the state (not found, conflicts, credits) are raised here as API errors.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from signly_sandbox.clock import Clock, format_timestamp
from signly_sandbox.config import TenantSeed
from signly_sandbox.errors import (
    BadRequest,
    Conflict,
    InsufficientCredits,
    IntegrationNotFound,
    NotFound,
)
from signly_sandbox.ids import new_ulid, new_uuid

ACTIVE_STATUSES = ("CREATED", "IN_PROGRESS")
DB_FILE_NAME = "signly-sandbox.sqlite3"

SCHEMA = Path(__file__).with_name("schema.sql").read_text(encoding="utf-8")


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def canonical_version(template_id: str, version: int) -> str:
    """D03: `<templateId>#NNNN`."""
    return f"{template_id}#{version:04d}"


def encode_cursor(created_at: str, item_id: str, scope: str) -> str:
    raw = f"{created_at}|{item_id}|{scope}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, scope: str) -> tuple[str, str]:
    """Opaque keyset cursor: base64url of the last item's (createdAt, id), plus the sort and
    filter it was made for (D02: a cursor is only valid with the same `sort` and `status`)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    created_at, _, rest = raw.partition("|")
    item_id, _, cursor_scope = rest.partition("|")
    if not created_at or not item_id or cursor_scope != scope:
        raise BadRequest("Invalid cursor.", {"code": "INVALID_CURSOR", "field": "cursor"})
    return created_at, item_id


@dataclass(frozen=True)
class PartnerCredential:
    tenant_id: str
    auth_method: str
    secret_hash: str


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    limit: int
    next_cursor: str | None

    @property
    def pagination(self) -> dict[str, Any]:
        return {
            "limit": self.limit,
            "hasMore": self.next_cursor is not None,
            "nextCursor": self.next_cursor,
        }


@dataclass(frozen=True)
class StoredEvent:
    """An appended process event, handed to commit listeners (webhooks) after the commit."""

    tenant_id: str
    document_id: str
    body: dict[str, Any]


CommitListener = Callable[[Sequence[StoredEvent]], None]


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, separators=(",", ":"))


class Store:
    """The sandbox's state: every public method is one read or one write transaction."""

    def __init__(
        self, clock: Clock, data_dir: Path | None = None, default_credits: int = 0
    ) -> None:
        self.clock = clock
        self.default_credits = default_credits
        self.path = str(Path(data_dir) / DB_FILE_NAME) if data_dir is not None else ":memory:"
        if data_dir is not None:
            Path(data_dir).mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, cached_statements=256
        )
        self._db.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._pending_events: list[StoredEvent] = []
        self._listeners: list[CommitListener] = []
        self._last_moment: datetime | None = None
        # Read on every partner request; only this store writes credentials, and it clears
        # the cache in the same call, so a revoked credential stops working at once.
        self._credentials: dict[str, PartnerCredential | None] = {}
        self._db.execute("PRAGMA busy_timeout = 10000")
        if data_dir is not None:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
        self._db.executescript(SCHEMA)

    # -- plumbing ---------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def add_commit_listener(self, listener: CommitListener) -> None:
        self._listeners.append(listener)

    def _now(self) -> str:
        """Strictly increasing within a store, so `createdAt` order is creation order even
        when the clock stands still (a manual clock, or two writes in one microsecond)."""
        moment = self.clock.now()
        with self._lock:
            if self._last_moment is not None and moment <= self._last_moment:
                moment = self._last_moment + timedelta(microseconds=1)
            self._last_moment = moment
        return format_timestamp(moment)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; listeners hear about its events only once it is committed."""
        with self._lock:
            self._pending_events = []
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                self._pending_events = []
                raise
            self._db.execute("COMMIT")
            committed, self._pending_events = self._pending_events, []
        if committed:
            for listener in self._listeners:
                listener(committed)

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _read_one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._lock:
            row: sqlite3.Row | None = self._db.execute(sql, params).fetchone()
            return row

    def integrity_check(self) -> str:
        row = self._read_one("PRAGMA integrity_check")
        return str(row[0]) if row else ""

    # -- tenants and credentials ------------------------------------------------------

    def seed_tenant(self, seed: TenantSeed, credits: int) -> None:
        """Create a seeded tenant and its KEY credential unless it already exists (restart)."""
        now = self._now()
        with self._write() as db:
            inserted = db.execute(
                "INSERT OR IGNORE INTO tenants (tenant_id, admin_token_hash, credits) "
                "VALUES (?, ?, ?)",
                (seed.tenant_id, secret_hash(seed.admin_token), credits),
            ).rowcount
            if inserted:
                self._credentials.clear()
                db.execute(
                    "INSERT INTO credentials VALUES (?, ?, 'KEY', ?, ?, ?)",
                    (seed.tenant_id, seed.key_id, secret_hash(seed.api_key), now, now),
                )

    def tenant_for_admin_token(self, token: str) -> str | None:
        row = self._read_one(
            "SELECT tenant_id FROM tenants WHERE admin_token_hash = ?", (secret_hash(token),)
        )
        return None if row is None else str(row[0])

    def credential_for_tenant(self, tenant_id: str) -> PartnerCredential | None:
        if tenant_id in self._credentials:
            return self._credentials[tenant_id]
        row = self._read_one(
            "SELECT tenant_id, auth_method, secret_hash FROM credentials WHERE tenant_id = ?",
            (tenant_id,),
        )
        credential = None if row is None else PartnerCredential(row[0], row[1], row[2])
        if len(self._credentials) < 10_000:
            self._credentials[tenant_id] = credential
        return credential

    def tenant_for_secret(self, secret: str) -> str | None:
        row = self._read_one(
            "SELECT tenant_id FROM credentials WHERE secret_hash = ?", (secret_hash(secret),)
        )
        return None if row is None else str(row[0])

    def get_integration(self, tenant_id: str) -> dict[str, Any]:
        row = self._read_one("SELECT * FROM credentials WHERE tenant_id = ?", (tenant_id,))
        if row is None:
            raise IntegrationNotFound()
        return {
            "tenantId": tenant_id,
            "authMethod": row["auth_method"],
            "status": "ACTIVE",
            "keyId": row["key_id"],
            "createdAt": row["created_at"],
            "updatedAt": row["updated_at"],
        }

    def create_integration(self, tenant_id: str, auth_method: str) -> dict[str, Any]:
        """D23: one credential per tenant; while it exists a second one is a 409, never a
        silent replacement of the credential a partner's production runs on."""
        now = self._now()
        key_id = "pk_" + new_ulid()
        prefix = "sk_live_" if auth_method == "KEY" else "hs_live_"
        secret = prefix + secrets.token_urlsafe(24)
        with self._write() as db:
            existing = db.execute(
                "SELECT key_id FROM credentials WHERE tenant_id = ?", (tenant_id,)
            ).fetchone()
            if existing is not None:
                raise Conflict(
                    "The tenant already has a partner credential; revoke it before creating "
                    "another.",
                    {"keyId": existing["key_id"]},
                    code="api_integration_exists",
                )
            self._credentials.clear()
            db.execute(
                "INSERT INTO credentials VALUES (?, ?, ?, ?, ?, ?)",
                (tenant_id, key_id, auth_method, secret_hash(secret), now, now),
            )
        secret_field = "apiKey" if auth_method == "KEY" else "apiSecret"
        return {
            "tenantId": tenant_id,
            "authMethod": auth_method,
            "status": "ACTIVE",
            "keyId": key_id,
            secret_field: secret,
            "createdAt": now,
        }

    def delete_integration(self, tenant_id: str) -> None:
        with self._write() as db:
            self._credentials.clear()
            if not db.execute("DELETE FROM credentials WHERE tenant_id = ?", (tenant_id,)).rowcount:
                raise IntegrationNotFound()

    # -- templates ----------------------------------------------------------------------

    def create_template(self, tenant_id: str, name: str, description: str | None) -> dict[str, Any]:
        now = self._now()
        template_id = new_uuid()
        with self._write() as db:
            db.execute(
                "INSERT INTO templates VALUES (?, ?, ?, ?, 1, 1)",
                (template_id, tenant_id, now, now),
            )
            db.execute(
                "INSERT INTO template_versions VALUES (?, 1, ?, ?, '[]', ?)",
                (template_id, name, description, now),
            )
        return {
            "templateId": template_id,
            "templateName": name,
            "description": description,
            "templateVersion": canonical_version(template_id, 1),
            "version": 1,
        }

    def _template_row(
        self, db: sqlite3.Connection, tenant_id: str, template_id: str
    ) -> sqlite3.Row:
        row: sqlite3.Row | None = db.execute(
            "SELECT * FROM templates WHERE template_id = ? AND tenant_id = ?",
            (template_id, tenant_id),
        ).fetchone()
        if row is None:
            raise NotFound("Template not found.", {"templateId": template_id})
        return row

    def new_template_version(
        self, tenant_id: str, template_id: str, name: str, description: str | None
    ) -> dict[str, Any]:
        """D15/D16: the next version is max(ever)+1 and starts with the latest one's fields."""
        now = self._now()
        with self._write() as db:
            template = self._template_row(db, tenant_id, template_id)
            latest = db.execute(
                "SELECT * FROM template_versions WHERE template_id = ? AND version = ?",
                (template_id, template["latest_version"]),
            ).fetchone()
            version = int(template["max_version"]) + 1
            if version > 9999:
                raise Conflict(
                    "Template reached its last version number.",
                    {"templateId": template_id},
                    code="version_limit_reached",
                )
            if description is None:
                description = latest["description"]
            db.execute(
                "UPDATE templates SET max_version = ?, latest_version = ?, updated_at = ? "
                "WHERE template_id = ?",
                (version, version, now, template_id),
            )
            db.execute(
                "INSERT INTO template_versions VALUES (?, ?, ?, ?, ?, ?)",
                (template_id, version, name, description, latest["fields"], now),
            )
        return {
            "templateId": template_id,
            "templateName": name,
            "description": description,
            "templateVersion": canonical_version(template_id, version),
            "version": version,
        }

    def list_templates(
        self, tenant_id: str, limit: int, descending: bool, cursor: str | None
    ) -> Page:
        """D01: latest version of each template, keyset-paginated like documents."""
        return self._keyset_page(
            select=(
                "SELECT t.template_id AS id, t.created_at, t.updated_at, t.latest_version, "
                "v.template_name, v.description FROM templates t JOIN template_versions v "
                "ON v.template_id = t.template_id AND v.version = t.latest_version"
            ),
            prefix="t.",
            id_column="template_id",
            filters=[("t.tenant_id = ?", tenant_id)],
            limit=limit,
            descending=descending,
            cursor=cursor,
            view=lambda row: {
                "templateId": row["id"],
                "templateName": row["template_name"],
                "description": row["description"],
                "version": row["latest_version"],
                "createdAt": row["created_at"],
                "updatedAt": row["updated_at"],
            },
        )

    def _version_view(self, template_id: str, row: sqlite3.Row) -> dict[str, Any]:
        return {
            "templateId": template_id,
            "templateName": row["template_name"],
            "description": row["description"],
            "templateVersion": canonical_version(template_id, row["version"]),
            "version": row["version"],
            "fields": json.loads(row["fields"]),
            "createdAt": row["created_at"],
        }

    def get_template_version(
        self, tenant_id: str, template_id: str, version: int | None = None
    ) -> dict[str, Any]:
        """The given version, or the latest when `version` is None."""
        with self._lock:
            template = self._template_row(self._db, tenant_id, template_id)
            wanted = template["latest_version"] if version is None else version
            row = self._db.execute(
                "SELECT * FROM template_versions WHERE template_id = ? AND version = ?",
                (template_id, wanted),
            ).fetchone()
        if row is None:
            raise NotFound(
                "Template version not found.", {"templateId": template_id, "version": wanted}
            )
        view = self._version_view(template_id, row)
        view["updatedAt"] = template["updated_at"]
        return view

    def template_history(self, tenant_id: str, template_id: str) -> list[dict[str, Any]]:
        with self._lock:
            self._template_row(self._db, tenant_id, template_id)
            rows = self._db.execute(
                "SELECT version, template_name, description, created_at FROM template_versions "
                "WHERE template_id = ? ORDER BY version",
                (template_id,),
            ).fetchall()
        return [
            {
                "templateVersion": canonical_version(template_id, row["version"]),
                "version": row["version"],
                "templateName": row["template_name"],
                "description": row["description"],
                "createdAt": row["created_at"],
            }
            for row in rows
        ]

    def set_template_fields(
        self, tenant_id: str, template_id: str, fields: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """D05/D16: overwrite the latest version's fields, keeping every property received."""
        now = self._now()
        with self._write() as db:
            template = self._template_row(db, tenant_id, template_id)
            db.execute(
                "UPDATE template_versions SET fields = ? WHERE template_id = ? AND version = ?",
                (_dumps(fields), template_id, template["latest_version"]),
            )
            db.execute(
                "UPDATE templates SET updated_at = ? WHERE template_id = ?", (now, template_id)
            )
        return fields

    def require_template_version(self, tenant_id: str, template_id: str, version: int) -> None:
        self.get_template_version(tenant_id, template_id, version)

    def delete_template_version(self, tenant_id: str, template_id: str, version: int) -> None:
        """D15: the previous version becomes latest; the only remaining version cannot go."""
        now = self._now()
        with self._write() as db:
            template = self._template_row(db, tenant_id, template_id)
            versions = [
                int(row[0])
                for row in db.execute(
                    "SELECT version FROM template_versions WHERE template_id = ? ORDER BY version",
                    (template_id,),
                )
            ]
            if version not in versions:
                raise NotFound(
                    "Template version not found.", {"templateId": template_id, "version": version}
                )
            if len(versions) == 1:
                raise Conflict(
                    "The only remaining version cannot be deleted; delete the template instead.",
                    {"templateId": template_id, "version": version},
                    code="last_version",
                )
            db.execute(
                "DELETE FROM template_versions WHERE template_id = ? AND version = ?",
                (template_id, version),
            )
            latest = max(v for v in versions if v != version)
            if latest != template["latest_version"]:
                db.execute(
                    "UPDATE templates SET latest_version = ?, updated_at = ? WHERE template_id = ?",
                    (latest, now, template_id),
                )

    def delete_template(self, tenant_id: str, template_id: str) -> None:
        with self._write() as db:
            self._template_row(db, tenant_id, template_id)
            db.execute("DELETE FROM template_versions WHERE template_id = ?", (template_id,))
            db.execute("DELETE FROM templates WHERE template_id = ?", (template_id,))

    # -- documents ------------------------------------------------------------------------

    def create_document(
        self,
        tenant_id: str,
        template_id: str,
        version: int,
        participants: list[dict[str, Any]],
        order_mode: str,
        deadline_at: str | None,
        metadata: dict[str, Any] | None,
        flow_policy: dict[str, Any] | None,
    ) -> dict[str, Any]:
        """D19: costs one credit; with none left it is a 402 and nothing is created."""
        now = self._now()
        document_id = new_uuid()
        with self._write() as db:
            self._template_row(db, tenant_id, template_id)
            exists = db.execute(
                "SELECT 1 FROM template_versions WHERE template_id = ? AND version = ?",
                (template_id, version),
            ).fetchone()
            if exists is None:  # D24: a well-formed reference that names nothing
                raise NotFound(
                    "Template version not found.", {"templateId": template_id, "version": version}
                )
            charged = db.execute(
                "UPDATE tenants SET credits = credits - 1 WHERE tenant_id = ? AND credits > 0",
                (tenant_id,),
            ).rowcount
            if not charged:
                raise InsufficientCredits()
            db.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    tenant_id,
                    template_id,
                    version,
                    order_mode,
                    deadline_at,
                    _dumps(metadata),
                    _dumps(flow_policy),
                    now,
                    now,
                ),
            )
            for position, participant in enumerate(participants):
                participant_id = new_uuid()
                db.execute(
                    "INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                    (
                        participant_id,
                        document_id,
                        position,
                        participant["displayName"],
                        _dumps(participant["signatureMode"]),
                        _dumps(participant.get("identity")),
                        _dumps(participant.get("policy")),
                        f"{document_id}-{participant_id}",
                        now,
                    ),
                )
            processes = self._processes(db, document_id)
            self._append_events(db, tenant_id, document_id, processes, "PROCESS_CREATED", "backend")
            invited = processes if order_mode == "PARALLEL" else processes[:1]
            self._append_events(db, tenant_id, document_id, invited, "INVITATION_SENT", "system")
            return self._document_view(db, self._document_row(db, tenant_id, document_id))

    def _document_row(
        self, db: sqlite3.Connection, tenant_id: str, document_id: str
    ) -> sqlite3.Row:
        row: sqlite3.Row | None = db.execute(
            "SELECT * FROM documents WHERE document_id = ? AND tenant_id = ?",
            (document_id, tenant_id),
        ).fetchone()
        if row is None:
            raise NotFound("Document not found.", {"documentId": document_id})
        return row

    def _participants(self, db: sqlite3.Connection, document_id: str) -> list[sqlite3.Row]:
        return db.execute(
            "SELECT * FROM participants WHERE document_id = ? ORDER BY position", (document_id,)
        ).fetchall()

    def _processes(self, db: sqlite3.Connection, document_id: str) -> list[str]:
        return [str(row["process_id"]) for row in self._participants(db, document_id)]

    def _document_view(self, db: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
        document_id = row["document_id"]
        return {
            "documentId": document_id,
            "status": row["status"],
            "createdAt": row["created_at"],
            "updatedAt": row["updated_at"],
            "templateId": row["template_id"],
            "templateVersion": canonical_version(row["template_id"], row["template_version"]),
            "orderMode": row["order_mode"],
            "deadlineAt": row["deadline_at"],
            "metadata": _loads(row["metadata"]),
            "flowPolicy": {
                "onParticipantFail": (_loads(row["flow_policy"]) or {}).get(
                    "onParticipantFail", "CANCEL_FLOW"
                )
            },
            "participants": [
                {
                    "participantId": participant["participant_id"],
                    "displayName": participant["display_name"],
                    "processId": participant["process_id"],
                    "status": participant["status"],
                    "signatureMode": json.loads(participant["signature_mode"]),
                }
                for participant in self._participants(db, document_id)
            ],
        }

    def get_document(self, tenant_id: str, document_id: str) -> dict[str, Any]:
        with self._lock:
            return self._document_view(
                self._db, self._document_row(self._db, tenant_id, document_id)
            )

    def list_documents(
        self, tenant_id: str, limit: int, descending: bool, cursor: str | None, status: str | None
    ) -> Page:
        filters: list[tuple[str, Any]] = [("tenant_id = ?", tenant_id)]
        if status is not None:
            filters.append(("status = ?", status))
        return self._keyset_page(
            select=(
                "SELECT document_id AS id, created_at, status, template_id "
                "FROM documents INDEXED BY "
                + ("documents_by_tenant_status" if status is not None else "documents_by_tenant")
            ),
            prefix="",
            id_column="document_id",
            filters=filters,
            limit=limit,
            descending=descending,
            cursor=cursor,
            view=lambda row: {
                "documentId": row["id"],
                "createdAt": row["created_at"],
                "status": row["status"],
                "templateId": row["template_id"],
            },
        )

    def _keyset_page(
        self,
        *,
        select: str,
        prefix: str,
        id_column: str,
        filters: list[tuple[str, Any]],
        limit: int,
        descending: bool,
        cursor: str | None,
        view: Callable[[sqlite3.Row], dict[str, Any]],
    ) -> Page:
        """Keyset pagination on (created_at, id): cost is flat however deep the page is."""
        clauses = [clause for clause, _ in filters]
        params: list[Any] = [value for _, value in filters]
        created, item = f"{prefix}created_at", f"{prefix}{id_column}"
        scope = ("-" if descending else "+") + ",".join(str(value) for _, value in filters[1:])
        if cursor is not None:
            after_created, after_id = decode_cursor(cursor, scope)
            op = "<" if descending else ">"
            clauses.append(f"({created}, {item}) {op} (?, ?)")
            params += [after_created, after_id]
        order = "DESC" if descending else "ASC"
        sql = (
            f"{select} WHERE {' AND '.join(clauses)} "
            f"ORDER BY {created} {order}, {item} {order} LIMIT ?"
        )
        rows = self._read(sql, [*params, limit + 1])
        has_more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = (
            encode_cursor(rows[-1]["created_at"], rows[-1]["id"], scope) if has_more else None
        )
        return Page([view(row) for row in rows], limit, next_cursor)

    def document_summary(self, tenant_id: str, document_id: str) -> dict[str, Any]:
        with self._lock:
            row = self._document_row(self._db, tenant_id, document_id)
            counts = dict(
                self._db.execute(
                    "SELECT status, count(*) FROM participants "
                    "WHERE document_id = ? GROUP BY status",
                    (document_id,),
                ).fetchall()
            )
        return {
            "documentId": document_id,
            "status": row["status"],
            "completedParticipants": counts.get("SIGNED", 0),
            "pendingParticipants": counts.get("PENDING", 0),
        }

    def _active_document(
        self, db: sqlite3.Connection, tenant_id: str, document_id: str
    ) -> sqlite3.Row:
        """D14: only CREATED/IN_PROGRESS documents accept changes."""
        row = self._document_row(db, tenant_id, document_id)
        if row["status"] not in ACTIVE_STATUSES:
            raise Conflict(
                "The document is no longer active.",
                {"documentId": document_id, "status": row["status"]},
                code="document_not_active",
            )
        return row

    def _set_document_status(self, db: sqlite3.Connection, document_id: str, status: str) -> None:
        db.execute(
            "UPDATE documents SET status = ?, updated_at = ? WHERE document_id = ?",
            (status, self._now(), document_id),
        )

    def extend_document(self, tenant_id: str, document_id: str, deadline_at: str) -> dict[str, Any]:
        with self._write() as db:
            self._active_document(db, tenant_id, document_id)
            db.execute(
                "UPDATE documents SET deadline_at = ?, updated_at = ? WHERE document_id = ?",
                (deadline_at, self._now(), document_id),
            )
            processes = self._processes(db, document_id)
            self._append_events(
                db, tenant_id, document_id, processes, "DEADLINE_EXTENDED", "partner"
            )
        return {"documentId": document_id, "deadlineAt": deadline_at}

    def cancel_document(self, tenant_id: str, document_id: str) -> dict[str, Any]:
        return self._finish_document(
            tenant_id, document_id, "CANCELLED", "PROCESS_CANCELLED", "partner"
        )

    def expire_document(self, tenant_id: str, document_id: str) -> dict[str, Any]:
        return self._finish_document(tenant_id, document_id, "EXPIRED", "PROCESS_EXPIRED", "system")

    def _close_pending(self, db: sqlite3.Connection, document_id: str, status: str) -> None:
        """Participants still pending when a document ends share its fate."""
        db.execute(
            "UPDATE participants SET status = ?, updated_at = ? "
            "WHERE document_id = ? AND status = 'PENDING'",
            (status, self._now(), document_id),
        )

    def _finish_document(
        self, tenant_id: str, document_id: str, status: str, event_type: str, actor: str
    ) -> dict[str, Any]:
        with self._write() as db:
            self._active_document(db, tenant_id, document_id)
            self._set_document_status(db, document_id, status)
            self._close_pending(db, document_id, status)
            processes = self._processes(db, document_id)
            self._append_events(db, tenant_id, document_id, processes, event_type, actor)
        return {"documentId": document_id, "status": status}

    def _pending_participant(
        self, db: sqlite3.Connection, document_id: str, participant_id: str
    ) -> sqlite3.Row:
        row: sqlite3.Row | None = db.execute(
            "SELECT * FROM participants WHERE participant_id = ? AND document_id = ?",
            (participant_id, document_id),
        ).fetchone()
        if row is None:
            raise NotFound("Participant not found.", {"participantId": participant_id})
        if row["status"] != "PENDING":
            raise Conflict(
                "The participant has no pending invitation.",
                {"participantId": participant_id, "status": row["status"]},
                code="participant_not_pending",
            )
        return row

    def resend_invitation(
        self, tenant_id: str, document_id: str, participant_id: str
    ) -> dict[str, Any]:
        with self._write() as db:
            self._active_document(db, tenant_id, document_id)
            participant = self._pending_participant(db, document_id, participant_id)
            self._append_events(
                db,
                tenant_id,
                document_id,
                [participant["process_id"]],
                "INVITATION_RESENT",
                "partner",
            )
        return {"documentId": document_id, "participantId": participant_id}

    def complete_participant(
        self, tenant_id: str, document_id: str, participant_id: str, *, signed: bool
    ) -> dict[str, Any]:
        """Sandbox control: a participant signs or rejects, and the document moves on."""
        with self._write() as db:
            document = self._active_document(db, tenant_id, document_id)
            participant = self._pending_participant(db, document_id, participant_id)
            participants = self._participants(db, document_id)
            pending = [p for p in participants if p["status"] == "PENDING"]
            if (
                document["order_mode"] == "SEQUENTIAL"
                and pending[0]["participant_id"] != participant_id
            ):
                raise Conflict(
                    "Participant's turn has not come yet (SEQUENTIAL order).",
                    {"participantId": participant_id},
                    code="participant_out_of_turn",
                )
            new_status = "SIGNED" if signed else "REJECTED"
            db.execute(
                "UPDATE participants SET status = ?, updated_at = ? WHERE participant_id = ?",
                (new_status, self._now(), participant_id),
            )
            self._append_events(
                db,
                tenant_id,
                document_id,
                [participant["process_id"]],
                "PARTICIPANT_SIGNED" if signed else "PARTICIPANT_REJECTED",
                "signer",
                status="SUCCESS" if signed else "FAILURE",
            )
            all_processes = [str(p["process_id"]) for p in participants]
            still_pending = [p for p in pending if p["participant_id"] != participant_id]
            policy = _loads(document["flow_policy"]) or {}
            if not signed and policy.get("onParticipantFail", "CANCEL_FLOW") == "CANCEL_FLOW":
                outcome = "REJECTED"
                self._close_pending(db, document_id, "CANCELLED")
            elif still_pending:
                outcome = "IN_PROGRESS"
                if document["order_mode"] == "SEQUENTIAL":
                    self._append_events(
                        db,
                        tenant_id,
                        document_id,
                        [still_pending[0]["process_id"]],
                        "INVITATION_SENT",
                        "system",
                    )
            else:
                any_signed = signed or any(p["status"] == "SIGNED" for p in participants)
                outcome = "COMPLETED" if any_signed else "REJECTED"
            self._set_document_status(db, document_id, outcome)
            if outcome in ("COMPLETED", "REJECTED"):
                self._append_events(
                    db, tenant_id, document_id, all_processes, f"PROCESS_{outcome}", "system"
                )
        return {
            "documentId": document_id,
            "participantId": participant_id,
            "participantStatus": new_status,
            "documentStatus": outcome,
        }

    # -- events ---------------------------------------------------------------------------

    def _append_events(
        self,
        db: sqlite3.Connection,
        tenant_id: str,
        document_id: str,
        process_ids: Sequence[str],
        event_type: str,
        actor: str,
        status: str = "SUCCESS",
    ) -> None:
        timestamp = self._now()
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
            body = {
                "eventId": event_id,
                "eventType": event_type,
                "processId": process_id,
                "status": status,
                "actor": actor,
                "timestamp": timestamp,
            }
            self._pending_events.append(StoredEvent(tenant_id, document_id, body))

    def list_events(self, tenant_id: str, process_id: str) -> list[dict[str, Any]]:
        rows = self._read(
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

    # -- sandbox controls -------------------------------------------------------------------

    def reset_tenant(self, tenant_id: str) -> None:
        """Forget every template, document, event and webhook of one tenant (not its credential)."""
        with self._write() as db:
            db.execute(
                "DELETE FROM template_versions WHERE template_id IN "
                "(SELECT template_id FROM templates WHERE tenant_id = ?)",
                (tenant_id,),
            )
            db.execute("DELETE FROM templates WHERE tenant_id = ?", (tenant_id,))
            db.execute(
                "DELETE FROM participants WHERE document_id IN "
                "(SELECT document_id FROM documents WHERE tenant_id = ?)",
                (tenant_id,),
            )
            db.execute("DELETE FROM documents WHERE tenant_id = ?", (tenant_id,))
            db.execute("DELETE FROM events WHERE tenant_id = ?", (tenant_id,))
            db.execute("DELETE FROM webhook_deliveries WHERE tenant_id = ?", (tenant_id,))
            db.execute(
                "UPDATE tenants SET credits = ?, webhook_url = NULL, webhook_secret = NULL "
                "WHERE tenant_id = ?",
                (self.default_credits, tenant_id),
            )

    def set_credits(self, tenant_id: str, credits: int) -> dict[str, Any]:
        with self._write() as db:
            db.execute("UPDATE tenants SET credits = ? WHERE tenant_id = ?", (credits, tenant_id))
        return {"tenantId": tenant_id, "credits": credits}

    def set_webhook(self, tenant_id: str, url: str, secret: str) -> dict[str, Any]:
        with self._write() as db:
            db.execute(
                "UPDATE tenants SET webhook_url = ?, webhook_secret = ? WHERE tenant_id = ?",
                (url, secret, tenant_id),
            )
        return {"tenantId": tenant_id, "url": url}

    def webhook_for(self, tenant_id: str) -> tuple[str, str] | None:
        row = self._read_one(
            "SELECT webhook_url, webhook_secret FROM tenants WHERE tenant_id = ?", (tenant_id,)
        )
        if row is None or row[0] is None:
            return None
        return str(row[0]), str(row[1] or "")

    def record_delivery(
        self,
        tenant_id: str,
        event_id: str,
        url: str,
        attempt: int,
        status_code: int | None,
        outcome: str,
        error: str | None,
    ) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO webhook_deliveries (tenant_id, event_id, url, attempt, status_code, "
                "outcome, error, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (tenant_id, event_id, url, attempt, status_code, outcome, error, self._now()),
            )

    def list_deliveries(self, tenant_id: str) -> list[dict[str, Any]]:
        rows = self._read(
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
