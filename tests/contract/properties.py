"""The catalogue of behaviour properties: name -> (function, what it needs).

Why a table: the pytest module parametrizes over it, and the planted-fault tests pick the
one property that targets each fault from it by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tests.contract import props_access, props_documents, props_lists, props_templates
from tests.contract.props_base import Ctx


@dataclass(frozen=True)
class Property:
    run: Callable[[Ctx], None]
    writes: bool = True
    billable: bool = False
    admin: bool = False


PROPERTIES: dict[str, Property] = {
    "templates_pagination": Property(props_lists.templates_pagination),
    "documents_pagination": Property(props_lists.documents_pagination, billable=True),
    "documents_status_filter": Property(props_lists.status_filter, billable=True),
    "document_extend": Property(props_documents.extend, billable=True),
    "document_cancel": Property(props_documents.cancel, billable=True),
    "document_summary_counts": Property(props_documents.summary_counts, billable=True),
    "process_events": Property(props_documents.events, billable=True),
    "template_versions": Property(props_templates.versions),
    "template_fields": Property(props_templates.fields),
    "template_storage": Property(props_templates.storage),
    "unknown_ids_404": Property(props_access.not_found, writes=False),
    "foreign_tenant_refused": Property(props_access.foreign_tenant_refused, writes=False),
    "no_cross_tenant_read": Property(props_access.no_cross_read),
    "credential_lifecycle": Property(props_access.credential_lifecycle, admin=True),
}
