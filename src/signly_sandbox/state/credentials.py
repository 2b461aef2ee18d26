"""Tenants: their admin session, their one partner credential (D08, D10, D23), their credits.

Secrets are kept only as SHA-256 digests. The credential is read on every partner request,
so lookups are cached per tenant; only this module writes credentials and every such write
clears the cache in the same call, so a revoked credential stops working at once.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from dataclasses import dataclass

from signly_sandbox.config import TenantSeed
from signly_sandbox.errors import Conflict, InsufficientCredits, IntegrationNotFound
from signly_sandbox.ids import new_ulid
from signly_sandbox.state.db import Database, Record

_CACHE_LIMIT = 10_000


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class PartnerCredential:
    tenant_id: str
    auth_method: str
    secret_hash: str


class Credentials:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._cache: dict[str, PartnerCredential | None] = {}
        # A fixture world's tenant gets its own KEY credential back when it creates one
        # (tenant -> (key id, secret)); everyone else gets new random values.
        self.fixed: dict[str, tuple[str, str]] = {}

    def seed(self, seed: TenantSeed, credits: int) -> None:
        """Create a seeded tenant and its KEY credential unless it already exists (restart)."""
        now = self._db.now()
        with self._db.write() as db:
            inserted = db.execute(
                "INSERT OR IGNORE INTO tenants (tenant_id, admin_token_hash, credits) "
                "VALUES (?, ?, ?)",
                (seed.tenant_id, secret_hash(seed.admin_token), credits),
            ).rowcount
            if inserted:
                self._insert(db, seed.tenant_id, seed.key_id, "KEY", seed.api_key, now)

    def _insert(
        self,
        db: sqlite3.Connection,
        tenant_id: str,
        key_id: str,
        auth_method: str,
        secret: str,
        now: str,
    ) -> None:
        self._cache.clear()
        db.execute(
            "INSERT INTO credentials "
            "(tenant_id, key_id, auth_method, secret_hash, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (tenant_id, key_id, auth_method, secret_hash(secret), now, now),
        )

    def tenant_for_admin_token(self, token: str) -> str | None:
        row = self._db.read_one(
            "SELECT tenant_id FROM tenants WHERE admin_token_hash = ?", (secret_hash(token),)
        )
        return None if row is None else str(row[0])

    def for_tenant(self, tenant_id: str) -> PartnerCredential | None:
        if tenant_id in self._cache:
            return self._cache[tenant_id]
        row = self._db.read_one(
            "SELECT tenant_id, auth_method, secret_hash FROM credentials WHERE tenant_id = ?",
            (tenant_id,),
        )
        credential = None if row is None else PartnerCredential(row[0], row[1], row[2])
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[tenant_id] = credential
        return credential

    def tenant_for_secret(self, secret: str) -> str | None:
        row = self._db.read_one(
            "SELECT tenant_id FROM credentials WHERE secret_hash = ?", (secret_hash(secret),)
        )
        return None if row is None else str(row[0])

    def get(self, tenant_id: str) -> Record:
        row = self._db.read_one(
            "SELECT auth_method, key_id, created_at, updated_at FROM credentials "
            "WHERE tenant_id = ?",
            (tenant_id,),
        )
        if row is None:
            raise IntegrationNotFound()
        return {
            "tenantId": tenant_id,
            "authMethod": row["auth_method"],
            "keyId": row["key_id"],
            "createdAt": row["created_at"],
            "updatedAt": row["updated_at"],
        }

    def create(self, tenant_id: str, auth_method: str) -> Record:
        """D23: one credential per tenant; while it exists a second one is a 409, never a
        silent replacement of the credential a partner's production runs on. The record
        carries the new secret: this is the only time it is known."""
        now = self._db.now()
        key_id = "pk_" + new_ulid()
        prefix = "sk_live_" if auth_method == "KEY" else "hs_live_"
        secret = prefix + secrets.token_urlsafe(24)
        if auth_method == "KEY" and tenant_id in self.fixed:
            key_id, secret = self.fixed[tenant_id]
        with self._db.write() as db:
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
            self._insert(db, tenant_id, key_id, auth_method, secret, now)
        return {
            "tenantId": tenant_id,
            "authMethod": auth_method,
            "keyId": key_id,
            "secret": secret,
            "createdAt": now,
            "updatedAt": now,
        }

    def delete(self, tenant_id: str) -> None:
        with self._db.write() as db:
            self._cache.clear()
            if not db.execute("DELETE FROM credentials WHERE tenant_id = ?", (tenant_id,)).rowcount:
                raise IntegrationNotFound()

    def set_credits(self, tenant_id: str, credits: int) -> Record:
        with self._db.write() as db:
            self.update_credits(db, tenant_id, credits)
        return {"tenantId": tenant_id, "credits": credits}

    @staticmethod
    def update_credits(db: sqlite3.Connection, tenant_id: str, credits: int) -> None:
        db.execute("UPDATE tenants SET credits = ? WHERE tenant_id = ?", (credits, tenant_id))

    @staticmethod
    def charge(db: sqlite3.Connection, tenant_id: str) -> None:
        """D19: one credit, inside the caller's write; with none left a 402."""
        charged = db.execute(
            "UPDATE tenants SET credits = credits - 1 WHERE tenant_id = ? AND credits > 0",
            (tenant_id,),
        ).rowcount
        if not charged:
            raise InsufficientCredits()
