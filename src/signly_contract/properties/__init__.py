"""The catalogue of behaviour properties: name -> (function, what it needs).

Why a table: the pytest module parametrizes over it, and the planted-fault tests pick the
one property that targets each fault from it by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from signly_contract.properties import (
    access,
    credentials,
    documents,
    lists,
    promises,
    sandbox,
    statuses,
    templates,
    webhooks,
)
from signly_contract.properties.base import Ctx


@dataclass(frozen=True)
class Property:
    run: Callable[[Ctx], None]
    writes: bool = True
    billable: bool = False
    admin: bool = False
    last: bool = False  # runs after the others (it only adds what they did not reach)


PROPERTIES: dict[str, Property] = {
    "templates_pagination": Property(lists.templates_pagination),
    "documents_pagination": Property(lists.documents_pagination, billable=True),
    "documents_status_filter": Property(lists.status_filter, billable=True),
    "document_extend": Property(documents.extend, billable=True),
    "document_cancel": Property(documents.cancel, billable=True),
    "document_summary_counts": Property(documents.summary_counts, billable=True),
    "process_events": Property(documents.events, billable=True),
    "template_versions": Property(templates.versions),
    "template_fields": Property(templates.fields),
    "template_storage": Property(templates.storage),
    "unknown_ids_404": Property(access.not_found, writes=False),
    "foreign_tenant_refused": Property(access.foreign_tenant_refused, writes=False),
    "no_cross_tenant_read": Property(access.no_cross_read),
    "sandbox_controls": Property(sandbox.controls),
    "credential_lifecycle": Property(access.credential_lifecycle, admin=True),
    # These decide for themselves what the run's flags allow (read-only: GET only).
    "partial_and_crossed_credentials": Property(credentials.partial_and_crossed, writes=False),
    "revoked_key_refused_everywhere": Property(credentials.revoked_key, admin=True),
    "lists_follow_writes": Property(promises.lists_follow_writes),
    "views_agree_with_state": Property(promises.views_agree_with_state, billable=True),
    "document_read_as_published": Property(promises.read_as_published, billable=True),
    "webhook_deliveries": Property(webhooks.deliveries, billable=True),
    "documented_statuses": Property(statuses.documented_statuses, writes=False, last=True),
}
