"""Keyset pagination on (created_at, id) and its opaque cursor (D01, D02).

Why keyset and not OFFSET: a page costs one index range scan however deep it is, so list
latency stays flat as a tenant's rows grow. The cursor is base64url of the last item's
(createdAt, id) plus the sort and filters it was made for: D02 makes a cursor valid only
with the same `sort` and `status`, and any other cursor is a 400 `INVALID_CURSOR`.
"""

from __future__ import annotations

import base64
import binascii
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from signly_sandbox.errors import BadRequest
from signly_sandbox.state.db import Database, Record


@dataclass(frozen=True)
class Page:
    items: list[Record]
    limit: int
    next_cursor: str | None


def encode_cursor(created_at: str, item_id: str, scope: str) -> str:
    raw = f"{created_at}|{item_id}|{scope}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, scope: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    created_at, _, rest = raw.partition("|")
    item_id, _, cursor_scope = rest.partition("|")
    if not created_at or not item_id or cursor_scope != scope:
        raise BadRequest("Invalid cursor.", {"code": "INVALID_CURSOR", "field": "cursor"})
    return created_at, item_id


def keyset_page(
    database: Database,
    *,
    select: str,
    prefix: str,
    id_column: str,
    filters: list[tuple[str, Any]],
    limit: int,
    descending: bool,
    cursor: str | None,
    record: Callable[[sqlite3.Row], Record],
) -> Page:
    """One page of `select` (which names its id `id`), newest or oldest first.

    `filters` are (clause, value) pairs ANDed together; the first is the tenant, the others
    are part of the cursor's scope."""
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
        f"{select} WHERE {' AND '.join(clauses)} ORDER BY {created} {order}, {item} {order} LIMIT ?"
    )
    rows = database.read(sql, [*params, limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(rows[-1]["created_at"], rows[-1]["id"], scope) if has_more else None
    return Page([record(row) for row in rows], limit, next_cursor)
