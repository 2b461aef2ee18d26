"""Documents and their participants' state machine (D14, D17-D19, D24, D26).

A document is CREATED when published and moves as participants act:

    participant PENDING -> SIGNED | REJECTED       (sandbox controls; SEQUENTIAL: in turn)
    document  CREATED/IN_PROGRESS -> COMPLETED     (nobody pending, somebody signed)
                                  -> REJECTED      (a rejection under CANCEL_FLOW, or nobody
                                                    pending and nobody signed)
                                  -> CANCELLED | EXPIRED   (partner cancel, deadline)

Participants still pending when a document ends share its fate. Only CREATED/IN_PROGRESS
documents accept changes (409 `document_not_active`). Every transition appends its process
events in the same write.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from signly_sandbox.errors import Conflict, NotFound
from signly_sandbox.ids import new_uuid
from signly_sandbox.state.credentials import Credentials
from signly_sandbox.state.db import Database, Record, from_json, to_json
from signly_sandbox.state.events import Events
from signly_sandbox.state.pagination import Page, keyset_page
from signly_sandbox.state.templates import Templates

ACTIVE_STATUSES = ("CREATED", "IN_PROGRESS")
DEFAULT_ON_PARTICIPANT_FAIL = "CANCEL_FLOW"

_DOCUMENT_COLUMNS = (
    "document_id, status, created_at, updated_at, template_id, template_version, order_mode, "
    "deadline_at, metadata, flow_policy"
)


def _on_participant_fail(flow_policy: Any) -> str:
    return str((flow_policy or {}).get("onParticipantFail", DEFAULT_ON_PARTICIPANT_FAIL))


def _participant_record(row: sqlite3.Row, document_id: str) -> dict[str, Any]:
    return {
        "participantId": row["participant_id"],
        "documentId": document_id,
        "displayName": row["display_name"],
        "processId": row["process_id"],
        "status": row["status"],
        "signatureMode": from_json(row["signature_mode"]),
    }


class Documents:
    def __init__(
        self, database: Database, templates: Templates, credentials: Credentials, events: Events
    ) -> None:
        self._db = database
        self._templates = templates
        self._credentials = credentials
        self._events = events

    # -- reading ------------------------------------------------------------------------

    @staticmethod
    def _row(db: sqlite3.Connection, tenant_id: str, document_id: str) -> sqlite3.Row:
        row: sqlite3.Row | None = db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE document_id = ? AND tenant_id = ?",
            (document_id, tenant_id),
        ).fetchone()
        if row is None:
            raise NotFound("Document not found.", {"documentId": document_id})
        return row

    @staticmethod
    def _participants(db: sqlite3.Connection, document_id: str) -> list[sqlite3.Row]:
        return db.execute(
            "SELECT participant_id, display_name, process_id, status, signature_mode "
            "FROM participants WHERE document_id = ? ORDER BY position",
            (document_id,),
        ).fetchall()

    def _processes(self, db: sqlite3.Connection, document_id: str) -> list[str]:
        return [str(row["process_id"]) for row in self._participants(db, document_id)]

    def _record(self, db: sqlite3.Connection, row: sqlite3.Row) -> Record:
        document_id = row["document_id"]
        flow_policy = from_json(row["flow_policy"])
        return {
            "documentId": document_id,
            "status": row["status"],
            "createdAt": row["created_at"],
            "updatedAt": row["updated_at"],
            "templateId": row["template_id"],
            "version": row["template_version"],
            "orderMode": row["order_mode"],
            "deadlineAt": row["deadline_at"],
            "metadata": from_json(row["metadata"]),
            "onParticipantFail": _on_participant_fail(flow_policy),
            "participants": [
                _participant_record(participant, document_id)
                for participant in self._participants(db, document_id)
            ],
        }

    def get(self, tenant_id: str, document_id: str) -> Record:
        with self._db.reading() as db:
            return self._record(db, self._row(db, tenant_id, document_id))

    def list_page(
        self, tenant_id: str, limit: int, descending: bool, cursor: str | None, status: str | None
    ) -> Page:
        filters: list[tuple[str, Any]] = [("tenant_id = ?", tenant_id)]
        if status is not None:
            filters.append(("status = ?", status))
        index = "documents_by_tenant_status" if status is not None else "documents_by_tenant"
        return keyset_page(
            self._db,
            select=(
                "SELECT document_id AS id, created_at, status, template_id "
                f"FROM documents INDEXED BY {index}"
            ),
            prefix="",
            id_column="document_id",
            filters=filters,
            limit=limit,
            descending=descending,
            cursor=cursor,
            record=lambda row: {
                "documentId": row["id"],
                "createdAt": row["created_at"],
                "status": row["status"],
                "templateId": row["template_id"],
            },
        )

    def summary(self, tenant_id: str, document_id: str) -> Record:
        """The document's status and how many participants are in each status."""
        with self._db.reading() as db:
            row = self._row(db, tenant_id, document_id)
            counts = dict(
                db.execute(
                    "SELECT status, count(*) FROM participants "
                    "WHERE document_id = ? GROUP BY status",
                    (document_id,),
                ).fetchall()
            )
        return {"documentId": document_id, "status": row["status"], "participantCounts": counts}

    # -- publishing ---------------------------------------------------------------------

    def create(
        self,
        tenant_id: str,
        template_id: str,
        version: int,
        participants: list[dict[str, Any]],
        order_mode: str,
        deadline_at: str | None,
        metadata: dict[str, Any] | None,
        flow_policy: dict[str, Any] | None,
    ) -> Record:
        """D19: costs one credit; with none left it is a 402 and nothing is created.
        D24: a well-formed template reference that names nothing is a 404."""
        now = self._db.now()
        document_id = new_uuid()
        with self._db.write() as db:
            self._templates.require_version(db, tenant_id, template_id, version)
            self._credentials.charge(db, tenant_id)
            db.execute(
                "INSERT INTO documents (document_id, tenant_id, template_id, template_version, "
                "status, order_mode, deadline_at, metadata, flow_policy, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    tenant_id,
                    template_id,
                    version,
                    order_mode,
                    deadline_at,
                    to_json(metadata),
                    to_json(flow_policy),
                    now,
                    now,
                ),
            )
            for position, participant in enumerate(participants):
                participant_id = new_uuid()
                db.execute(
                    "INSERT INTO participants (participant_id, document_id, position, "
                    "display_name, signature_mode, identity, policy, status, process_id, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                    (
                        participant_id,
                        document_id,
                        position,
                        participant["displayName"],
                        to_json(participant["signatureMode"]),
                        to_json(participant.get("identity")),
                        to_json(participant.get("policy")),
                        f"{document_id}-{participant_id}",
                        now,
                    ),
                )
            processes = self._processes(db, document_id)
            self._events.append(db, tenant_id, document_id, processes, "PROCESS_CREATED", "backend")
            invited = processes if order_mode == "PARALLEL" else processes[:1]
            self._events.append(db, tenant_id, document_id, invited, "INVITATION_SENT", "system")
            return self._record(db, self._row(db, tenant_id, document_id))

    # -- changes of an active document --------------------------------------------------

    def _active(self, db: sqlite3.Connection, tenant_id: str, document_id: str) -> sqlite3.Row:
        """D14: only CREATED/IN_PROGRESS documents accept changes."""
        row = self._row(db, tenant_id, document_id)
        if row["status"] not in ACTIVE_STATUSES:
            raise Conflict(
                "The document is no longer active.",
                {"documentId": document_id, "status": row["status"]},
                code="document_not_active",
            )
        return row

    def _set_status(self, db: sqlite3.Connection, document_id: str, status: str) -> None:
        db.execute(
            "UPDATE documents SET status = ?, updated_at = ? WHERE document_id = ?",
            (status, self._db.now(), document_id),
        )

    def _close_pending(self, db: sqlite3.Connection, document_id: str, status: str) -> None:
        """Participants still pending when a document ends share its fate."""
        db.execute(
            "UPDATE participants SET status = ?, updated_at = ? "
            "WHERE document_id = ? AND status = 'PENDING'",
            (status, self._db.now(), document_id),
        )

    def extend(self, tenant_id: str, document_id: str, deadline_at: str) -> Record:
        with self._db.write() as db:
            self._active(db, tenant_id, document_id)
            db.execute(
                "UPDATE documents SET deadline_at = ?, updated_at = ? WHERE document_id = ?",
                (deadline_at, self._db.now(), document_id),
            )
            processes = self._processes(db, document_id)
            self._events.append(
                db, tenant_id, document_id, processes, "DEADLINE_EXTENDED", "partner"
            )
            return self._record(db, self._row(db, tenant_id, document_id))

    def cancel(self, tenant_id: str, document_id: str) -> Record:
        return self._finish(tenant_id, document_id, "CANCELLED", "PROCESS_CANCELLED", "partner")

    def expire(self, tenant_id: str, document_id: str) -> Record:
        return self._finish(tenant_id, document_id, "EXPIRED", "PROCESS_EXPIRED", "system")

    def _finish(
        self, tenant_id: str, document_id: str, status: str, event_type: str, actor: str
    ) -> Record:
        with self._db.write() as db:
            self._active(db, tenant_id, document_id)
            self._set_status(db, document_id, status)
            self._close_pending(db, document_id, status)
            processes = self._processes(db, document_id)
            self._events.append(db, tenant_id, document_id, processes, event_type, actor)
            return self._record(db, self._row(db, tenant_id, document_id))

    @staticmethod
    def _pending_participant(
        db: sqlite3.Connection, document_id: str, participant_id: str
    ) -> sqlite3.Row:
        row: sqlite3.Row | None = db.execute(
            "SELECT participant_id, display_name, process_id, status, signature_mode "
            "FROM participants WHERE participant_id = ? AND document_id = ?",
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

    def resend_invitation(self, tenant_id: str, document_id: str, participant_id: str) -> Record:
        """The participant, whose invitation was sent again."""
        with self._db.write() as db:
            self._active(db, tenant_id, document_id)
            participant = self._pending_participant(db, document_id, participant_id)
            self._events.append(
                db,
                tenant_id,
                document_id,
                [participant["process_id"]],
                "INVITATION_RESENT",
                "partner",
            )
        return _participant_record(participant, document_id)

    def complete_participant(
        self, tenant_id: str, document_id: str, participant_id: str, *, signed: bool
    ) -> Record:
        """Sandbox control: a participant signs or rejects, and the document moves on.
        The record is the document after the move, with `participant`: the one who acted."""
        with self._db.write() as db:
            document = self._active(db, tenant_id, document_id)
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
                (new_status, self._db.now(), participant_id),
            )
            self._events.append(
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
            policy = _on_participant_fail(from_json(document["flow_policy"]))
            if not signed and policy == "CANCEL_FLOW":
                outcome = "REJECTED"
                self._close_pending(db, document_id, "CANCELLED")
            elif still_pending:
                outcome = "IN_PROGRESS"
                if document["order_mode"] == "SEQUENTIAL":
                    self._events.append(
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
            self._set_status(db, document_id, outcome)
            if outcome in ("COMPLETED", "REJECTED"):
                self._events.append(
                    db, tenant_id, document_id, all_processes, f"PROCESS_{outcome}", "system"
                )
            record = self._record(db, self._row(db, tenant_id, document_id))
        acted = next(p for p in record["participants"] if p["participantId"] == participant_id)
        return {**record, "participant": acted}

    # -- time ---------------------------------------------------------------------------

    def next_deadline(self) -> str | None:
        """The earliest deadline of an active document (None when no active one has any)."""
        row = self._db.read_one(
            "SELECT min(deadline_at) FROM documents "
            "WHERE status IN ('CREATED', 'IN_PROGRESS') AND deadline_at IS NOT NULL"
        )
        return None if row is None or row[0] is None else str(row[0])

    def deadline_of(self, document_id: str) -> str | None:
        """The document's deadline while it is active."""
        row = self._db.read_one(
            "SELECT deadline_at FROM documents "
            "WHERE document_id = ? AND status IN ('CREATED', 'IN_PROGRESS')",
            (document_id,),
        )
        return None if row is None or row[0] is None else str(row[0])

    def expire_due(self, now: str) -> list[tuple[str, Record]]:
        """Every active document whose deadline is not after `now` becomes EXPIRED, with
        PROCESS_EXPIRED on each process (one write each, as `expire`); (tenant, record)."""
        due = self._db.read(
            "SELECT tenant_id, document_id FROM documents "
            "WHERE status IN ('CREATED', 'IN_PROGRESS') AND deadline_at IS NOT NULL "
            "AND deadline_at <= ? ORDER BY deadline_at",
            (now,),
        )
        expired = []
        for tenant_id, document_id in due:
            try:
                expired.append((str(tenant_id), self.expire(tenant_id, document_id)))
            except (Conflict, NotFound):  # finished or gone since the read
                continue
        return expired

    # -- sandbox reset --------------------------------------------------------------------

    @staticmethod
    def forget(db: sqlite3.Connection, tenant_id: str) -> None:
        db.execute(
            "DELETE FROM participants WHERE document_id IN "
            "(SELECT document_id FROM documents WHERE tenant_id = ?)",
            (tenant_id,),
        )
        db.execute("DELETE FROM documents WHERE tenant_id = ?", (tenant_id,))
