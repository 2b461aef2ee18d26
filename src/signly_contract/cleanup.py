"""Undo what the run created on the server: cancel its documents, delete its templates.

Why it runs from a session fixture's finalizer: that runs when tests fail or error too, so a
failed run against a live tenant does not leave templates or active (billable) processes
behind. It only touches ids this run created, never pre-existing data.
"""

from __future__ import annotations

from signly_contract.client import ApiClient
from signly_contract.target import Target


def clean_up(target: Target, api: ApiClient) -> list[str]:
    """Cancel active documents and delete templates created by this run; returns problems."""
    problems: list[str] = []
    api = api.as_identity(target.primary)
    for document_id in dict.fromkeys(target.created_documents):
        got = api.call("DELETE", f"/v1/documents/{document_id}/cancel", check=False)
        if got.status not in (200, 404, 409):
            problems.append(f"cancel {document_id}: HTTP {got.status}")
    for template_id in dict.fromkeys(target.created_templates):
        got = api.call("DELETE", f"/v1/templates/{template_id}", check=False)
        if got.status not in (200, 404):
            problems.append(f"delete template {template_id}: HTTP {got.status}")
    target.created_documents.clear()
    target.created_templates.clear()
    return problems
