"""Templates, their numbered versions (D15, D16) and each version's fields (D05).

A template row keeps `max_version` (the highest number ever given, so a deleted number is
never reused) and `latest_version` (what "the template" means when no version is named).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from signly_sandbox.errors import Conflict, NotFound
from signly_sandbox.ids import new_uuid
from signly_sandbox.state.db import Database, Record, from_json, to_json
from signly_sandbox.state.pagination import Page, keyset_page

MAX_VERSION = 9999  # D03: versions are written NNNN


def _version_record(
    template_id: str, row: sqlite3.Row | Mapping[str, Any], updated_at: str
) -> Record:
    """A version, with its template's `updatedAt` (a version has none of its own)."""
    return {
        "templateId": template_id,
        "version": row["version"],
        "templateName": row["template_name"],
        "description": row["description"],
        "fields": from_json(row["fields"]),
        "createdAt": row["created_at"],
        "updatedAt": updated_at,
    }


def _version_not_found(template_id: str, version: int) -> NotFound:
    return NotFound("Template version not found.", {"templateId": template_id, "version": version})


class Templates:
    def __init__(self, database: Database) -> None:
        self._db = database

    @staticmethod
    def row(db: sqlite3.Connection, tenant_id: str, template_id: str) -> sqlite3.Row:
        """The tenant's template, or 404 (another tenant's template does not exist here)."""
        row: sqlite3.Row | None = db.execute(
            "SELECT template_id, created_at, updated_at, max_version, latest_version "
            "FROM templates WHERE template_id = ? AND tenant_id = ?",
            (template_id, tenant_id),
        ).fetchone()
        if row is None:
            raise NotFound("Template not found.", {"templateId": template_id})
        return row

    @classmethod
    def require_version(
        cls, db: sqlite3.Connection, tenant_id: str, template_id: str, version: int
    ) -> None:
        cls.row(db, tenant_id, template_id)
        exists = db.execute(
            "SELECT 1 FROM template_versions WHERE template_id = ? AND version = ?",
            (template_id, version),
        ).fetchone()
        if exists is None:
            raise _version_not_found(template_id, version)

    @staticmethod
    def _insert_version(
        db: sqlite3.Connection,
        template_id: str,
        version: int,
        name: str,
        description: str | None,
        fields: str,
        now: str,
    ) -> Mapping[str, Any]:
        """Insert a version; returns it as its row would read."""
        row = {
            "version": version,
            "template_name": name,
            "description": description,
            "fields": fields,
            "created_at": now,
        }
        db.execute(
            "INSERT INTO template_versions "
            "(template_id, version, template_name, description, fields, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (template_id, version, name, description, fields, now),
        )
        return row

    def create(self, tenant_id: str, name: str, description: str | None) -> Record:
        now = self._db.now()
        template_id = new_uuid()
        with self._db.write() as db:
            db.execute(
                "INSERT INTO templates "
                "(template_id, tenant_id, created_at, updated_at, max_version, latest_version) "
                "VALUES (?, ?, ?, ?, 1, 1)",
                (template_id, tenant_id, now, now),
            )
            row = self._insert_version(db, template_id, 1, name, description, "[]", now)
        return _version_record(template_id, row, now)

    def new_version(
        self, tenant_id: str, template_id: str, name: str, description: str | None
    ) -> Record:
        """D15/D16: the next version is max(ever)+1 and starts with the latest one's fields
        (and its description unless one is given)."""
        now = self._db.now()
        with self._db.write() as db:
            template = self.row(db, tenant_id, template_id)
            latest = db.execute(
                "SELECT description, fields FROM template_versions "
                "WHERE template_id = ? AND version = ?",
                (template_id, template["latest_version"]),
            ).fetchone()
            version = int(template["max_version"]) + 1
            if version > MAX_VERSION:
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
            row = self._insert_version(
                db, template_id, version, name, description, latest["fields"], now
            )
        return _version_record(template_id, row, now)

    def list_page(self, tenant_id: str, limit: int, descending: bool, cursor: str | None) -> Page:
        """D01: the latest version of each template, keyset-paginated like documents."""
        return keyset_page(
            self._db,
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
            record=lambda row: {
                "templateId": row["id"],
                "templateName": row["template_name"],
                "description": row["description"],
                "version": row["latest_version"],
                "createdAt": row["created_at"],
                "updatedAt": row["updated_at"],
            },
        )

    def get_version(self, tenant_id: str, template_id: str, version: int | None = None) -> Record:
        """The given version, or the latest when `version` is None."""
        with self._db.reading() as db:
            template = self.row(db, tenant_id, template_id)
            wanted = template["latest_version"] if version is None else version
            row = db.execute(
                "SELECT version, template_name, description, fields, created_at "
                "FROM template_versions WHERE template_id = ? AND version = ?",
                (template_id, wanted),
            ).fetchone()
        if row is None:
            raise _version_not_found(template_id, wanted)
        return _version_record(template_id, row, template["updated_at"])

    def require(self, tenant_id: str, template_id: str, version: int) -> None:
        with self._db.reading() as db:
            self.require_version(db, tenant_id, template_id, version)

    def history(self, tenant_id: str, template_id: str) -> list[Record]:
        """Every version, oldest first, without its fields."""
        with self._db.reading() as db:
            self.row(db, tenant_id, template_id)
            rows = db.execute(
                "SELECT version, template_name, description, created_at FROM template_versions "
                "WHERE template_id = ? ORDER BY version",
                (template_id,),
            ).fetchall()
        return [
            {
                "templateId": template_id,
                "version": row["version"],
                "templateName": row["template_name"],
                "description": row["description"],
                "createdAt": row["created_at"],
            }
            for row in rows
        ]

    def set_fields(
        self, tenant_id: str, template_id: str, fields: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """D05/D16: overwrite the latest version's fields, keeping every property received."""
        now = self._db.now()
        with self._db.write() as db:
            template = self.row(db, tenant_id, template_id)
            db.execute(
                "UPDATE template_versions SET fields = ? WHERE template_id = ? AND version = ?",
                (to_json(fields), template_id, template["latest_version"]),
            )
            db.execute(
                "UPDATE templates SET updated_at = ? WHERE template_id = ?", (now, template_id)
            )
        return fields

    def delete_version(self, tenant_id: str, template_id: str, version: int) -> None:
        """D15: the previous version becomes latest; the only remaining version cannot go."""
        now = self._db.now()
        with self._db.write() as db:
            template = self.row(db, tenant_id, template_id)
            versions = [
                int(row[0])
                for row in db.execute(
                    "SELECT version FROM template_versions WHERE template_id = ? ORDER BY version",
                    (template_id,),
                )
            ]
            if version not in versions:
                raise _version_not_found(template_id, version)
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

    def delete(self, tenant_id: str, template_id: str) -> None:
        with self._db.write() as db:
            self.row(db, tenant_id, template_id)
            db.execute("DELETE FROM template_versions WHERE template_id = ?", (template_id,))
            db.execute("DELETE FROM templates WHERE template_id = ?", (template_id,))

    @staticmethod
    def forget(db: sqlite3.Connection, tenant_id: str) -> None:
        db.execute(
            "DELETE FROM template_versions WHERE template_id IN "
            "(SELECT template_id FROM templates WHERE tenant_id = ?)",
            (tenant_id,),
        )
        db.execute("DELETE FROM templates WHERE tenant_id = ?", (tenant_id,))
