"""The catalogue of behaviour properties: name -> (function, what it needs).

Why a table: the pytest module parametrizes over it, and the planted-fault tests pick the
one property that targets each fault from it by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from signly_contract.properties import access, documents, lists, sandbox, templates
from signly_contract.properties.base import Ctx


@dataclass(frozen=True)
class Property:
    run: Callable[[Ctx], None]
    writes: bool = True
    billable: bool = False
    admin: bool = False


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
}
