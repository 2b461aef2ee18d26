"""A world to start from (`--fixtures`): rows written as they are, in one write.

Why its own module: a fixture world is data another module derives (signly_sandbox/fixtures
from the spec's examples), and it must land exactly as given, ids and timestamps included,
which the resource modules' own create methods never do (they mint ids and stamp the
clock's time). Loading a world first forgets what the tenant had, so loading it again (the
sandbox reset) gives the same world back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from signly_sandbox.clock import format_timestamp, parse_timestamp
from signly_sandbox.state.db import to_json
from signly_sandbox.state.facade import Store


def stamp(text: str) -> str:
    """Any RFC 3339 text as the store keeps it (UTC, fixed width, `Z`: D13)."""
    return format_timestamp(parse_timestamp(text))


@dataclass(frozen=True)
class VersionSeed:
    version: int
    name: str
    description: str | None
    fields: list[dict[str, Any]]
    created_at: str


@dataclass(frozen=True)
class TemplateSeed:
    template_id: str
    created_at: str
    updated_at: str
    versions: tuple[VersionSeed, ...]


@dataclass(frozen=True)
class EventSeed:
    event_id: str
    event_type: str
    status: str
    actor: str
    timestamp: str


@dataclass(frozen=True)
class ParticipantSeed:
    participant_id: str
    display_name: str
    signature_mode: list[str]
    identity: dict[str, Any] | None
    policy: dict[str, Any] | None
    status: str
    process_id: str
    events: tuple[EventSeed, ...] = ()


@dataclass(frozen=True)
class DocumentSeed:
    document_id: str
    template_id: str
    version: int
    status: str
    order_mode: str
    deadline_at: str | None
    metadata: dict[str, Any] | None
    flow_policy: dict[str, Any] | None
    created_at: str
    updated_at: str
    participants: tuple[ParticipantSeed, ...]


@dataclass(frozen=True)
class CredentialSeed:
    """The tenant's partner credential as the world shows it; `api_key` is also what a new
    KEY credential of this tenant is (so revoking and creating it gives it back)."""

    key_id: str
    api_key: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class TenantWorld:
    tenant_id: str
    credential: CredentialSeed | None = None
    templates: tuple[TemplateSeed, ...] = ()
    documents: tuple[DocumentSeed, ...] = ()
    pdfs: dict[tuple[str, int], bytes] = field(default_factory=dict)


def load_world(store: Store, world: TenantWorld) -> None:
    """Forget the tenant's templates, documents and events, then write the world's."""
    tenant_id = world.tenant_id
    with store.database.write() as db:
        store.templates.forget(db, tenant_id)
        store.documents.forget(db, tenant_id)
        store.events.forget(db, tenant_id)
        for template in world.templates:
            latest = max(version.version for version in template.versions)
            db.execute(
                "INSERT INTO templates (template_id, tenant_id, created_at, updated_at, "
                "max_version, latest_version) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    template.template_id,
                    tenant_id,
                    stamp(template.created_at),
                    stamp(template.updated_at),
                    latest,
                    latest,
                ),
            )
            for version in template.versions:
                db.execute(
                    "INSERT INTO template_versions (template_id, version, template_name, "
                    "description, fields, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        template.template_id,
                        version.version,
                        version.name,
                        version.description,
                        to_json(version.fields),
                        stamp(version.created_at),
                    ),
                )
        for document in world.documents:
            db.execute(
                "INSERT INTO documents (document_id, tenant_id, template_id, template_version, "
                "status, order_mode, deadline_at, metadata, flow_policy, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document.document_id,
                    tenant_id,
                    document.template_id,
                    document.version,
                    document.status,
                    document.order_mode,
                    None if document.deadline_at is None else stamp(document.deadline_at),
                    to_json(document.metadata),
                    to_json(document.flow_policy),
                    stamp(document.created_at),
                    stamp(document.updated_at),
                ),
            )
            for position, person in enumerate(document.participants):
                db.execute(
                    "INSERT INTO participants (participant_id, document_id, position, "
                    "display_name, signature_mode, identity, policy, status, process_id, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        person.participant_id,
                        document.document_id,
                        position,
                        person.display_name,
                        to_json(person.signature_mode),
                        to_json(person.identity),
                        to_json(person.policy),
                        person.status,
                        person.process_id,
                        stamp(document.updated_at),
                    ),
                )
                for event in person.events:
                    db.execute(
                        "INSERT INTO events (event_id, tenant_id, document_id, process_id, "
                        "event_type, status, actor, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            event.event_id,
                            tenant_id,
                            document.document_id,
                            person.process_id,
                            event.event_type,
                            event.status,
                            event.actor,
                            stamp(event.timestamp),
                        ),
                    )
        credential = world.credential
        if credential is not None:
            db.execute(
                "UPDATE credentials SET key_id = ?, created_at = ?, updated_at = ? "
                "WHERE tenant_id = ? AND auth_method = 'KEY'",
                (
                    credential.key_id,
                    stamp(credential.created_at),
                    stamp(credential.updated_at),
                    tenant_id,
                ),
            )
    if world.credential is not None:
        store.credentials.fixed[tenant_id] = (world.credential.key_id, world.credential.api_key)
