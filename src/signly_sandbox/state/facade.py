"""`Store`: the one object the rest of the sandbox holds, over one resource module each.

Why a facade: handlers, auth, webhooks, tests and the bench call one stable set of
methods (every one a single read or a single write transaction), while the state and
rules of each resource live in its own module, as moto's services do. The facade adds no
logic of its own except the sandbox reset, which spans every resource in one write.
Subclass it to build a faulty store for a test (`create_app(store_class=...)`).
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from signly_sandbox.clock import Clock
from signly_sandbox.config import TenantSeed
from signly_sandbox.state.credentials import Credentials, PartnerCredential
from signly_sandbox.state.db import CommitListener, Database, Record
from signly_sandbox.state.deliveries import Deliveries
from signly_sandbox.state.documents import Documents
from signly_sandbox.state.events import Events
from signly_sandbox.state.idempotency import IdempotencyKeys
from signly_sandbox.state.outbox import Outbox
from signly_sandbox.state.pagination import Page
from signly_sandbox.state.templates import Templates


class Store:
    """The sandbox's state: every public method is one read or one write transaction."""

    def __init__(
        self, clock: Clock, data_dir: Path | None = None, default_credits: int = 0
    ) -> None:
        self.default_credits = default_credits
        self.database = Database(clock, data_dir)
        self.credentials = Credentials(self.database)
        self.templates = Templates(self.database)
        self.events = Events(self.database)
        self.documents = Documents(self.database, self.templates, self.credentials, self.events)
        self.deliveries = Deliveries(self.database)
        self.outbox = Outbox(self.database)
        self.idempotency = IdempotencyKeys(self.database)

    # -- plumbing -------------------------------------------------------------------------

    def close(self) -> None:
        self.database.close()

    def add_commit_listener(self, listener: CommitListener) -> None:
        self.database.add_commit_listener(listener)

    @property
    def _db(self) -> sqlite3.Connection:
        """The raw connection, for tests and the bench that load rows in bulk."""
        return self.database.connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction, for tests that load rows in bulk."""
        return self.database.write()

    # -- tenants and credentials ------------------------------------------------------------

    def seed_tenant(self, seed: TenantSeed, credits: int) -> None:
        self.credentials.seed(seed, credits)

    def tenant_for_admin_token(self, token: str) -> str | None:
        return self.credentials.tenant_for_admin_token(token)

    def credential_for_tenant(self, tenant_id: str) -> PartnerCredential | None:
        return self.credentials.for_tenant(tenant_id)

    def tenant_for_secret(self, secret: str) -> str | None:
        return self.credentials.tenant_for_secret(secret)

    def get_integration(self, tenant_id: str) -> Record:
        return self.credentials.get(tenant_id)

    def create_integration(self, tenant_id: str, auth_method: str) -> Record:
        return self.credentials.create(tenant_id, auth_method)

    def delete_integration(self, tenant_id: str) -> None:
        self.credentials.delete(tenant_id)

    # -- templates --------------------------------------------------------------------------

    def create_template(self, tenant_id: str, name: str, description: str | None) -> Record:
        return self.templates.create(tenant_id, name, description)

    def new_template_version(
        self, tenant_id: str, template_id: str, name: str, description: str | None
    ) -> Record:
        return self.templates.new_version(tenant_id, template_id, name, description)

    def list_templates(
        self, tenant_id: str, limit: int, descending: bool, cursor: str | None
    ) -> Page:
        return self.templates.list_page(tenant_id, limit, descending, cursor)

    def get_template_version(
        self, tenant_id: str, template_id: str, version: int | None = None
    ) -> Record:
        return self.templates.get_version(tenant_id, template_id, version)

    def require_template_version(self, tenant_id: str, template_id: str, version: int) -> None:
        self.templates.require(tenant_id, template_id, version)

    def template_history(self, tenant_id: str, template_id: str) -> list[Record]:
        return self.templates.history(tenant_id, template_id)

    def set_template_fields(
        self, tenant_id: str, template_id: str, fields: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        return self.templates.set_fields(tenant_id, template_id, fields)

    def delete_template_version(self, tenant_id: str, template_id: str, version: int) -> None:
        self.templates.delete_version(tenant_id, template_id, version)

    def delete_template(self, tenant_id: str, template_id: str) -> None:
        self.templates.delete(tenant_id, template_id)

    # -- documents and events ---------------------------------------------------------------

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
    ) -> Record:
        return self.documents.create(
            tenant_id,
            template_id,
            version,
            participants,
            order_mode,
            deadline_at,
            metadata,
            flow_policy,
        )

    def get_document(self, tenant_id: str, document_id: str) -> Record:
        return self.documents.get(tenant_id, document_id)

    def list_documents(
        self, tenant_id: str, limit: int, descending: bool, cursor: str | None, status: str | None
    ) -> Page:
        return self.documents.list_page(tenant_id, limit, descending, cursor, status)

    def document_summary(self, tenant_id: str, document_id: str) -> Record:
        return self.documents.summary(tenant_id, document_id)

    def extend_document(self, tenant_id: str, document_id: str, deadline_at: str) -> Record:
        return self.documents.extend(tenant_id, document_id, deadline_at)

    def cancel_document(self, tenant_id: str, document_id: str) -> Record:
        return self.documents.cancel(tenant_id, document_id)

    def expire_document(self, tenant_id: str, document_id: str) -> Record:
        return self.documents.expire(tenant_id, document_id)

    def resend_invitation(self, tenant_id: str, document_id: str, participant_id: str) -> Record:
        return self.documents.resend_invitation(tenant_id, document_id, participant_id)

    def complete_participant(
        self, tenant_id: str, document_id: str, participant_id: str, *, signed: bool
    ) -> Record:
        return self.documents.complete_participant(
            tenant_id, document_id, participant_id, signed=signed
        )

    def list_events(self, tenant_id: str, process_id: str) -> list[Record]:
        return self.events.list_for_process(tenant_id, process_id)

    # -- time (the sandbox clock's deadlines) -------------------------------------------------

    def next_deadline(self) -> str | None:
        return self.documents.next_deadline()

    def deadline_of(self, document_id: str) -> str | None:
        return self.documents.deadline_of(document_id)

    def expire_due(self, now: str) -> list[tuple[str, Record]]:
        return self.documents.expire_due(now)

    # -- sandbox controls -------------------------------------------------------------------

    def reset_tenant(self, tenant_id: str) -> None:
        """Forget every template, document, event, webhook delivery and idempotency key of
        one tenant (not its credential) and give it the default credits again, in one write."""
        with self.database.write() as db:
            self.templates.forget(db, tenant_id)
            self.documents.forget(db, tenant_id)
            self.events.forget(db, tenant_id)
            self.deliveries.forget(db, tenant_id)
            self.outbox.forget(db, tenant_id)
            self.idempotency.forget(db, tenant_id)
            self.credentials.update_credits(db, tenant_id, self.default_credits)

    def set_credits(self, tenant_id: str, credits: int) -> Record:
        return self.credentials.set_credits(tenant_id, credits)

    def set_webhook(self, tenant_id: str, url: str, secret: str, grace_seconds: int) -> Record:
        return self.outbox.set_endpoint(tenant_id, url, secret, grace_seconds)

    def list_deliveries(self, tenant_id: str) -> list[Record]:
        return self.deliveries.list_attempts(tenant_id)

    def redeliver_webhook(self, tenant_id: str, delivery_id: str) -> Record:
        return self.outbox.redeliver(tenant_id, delivery_id)
