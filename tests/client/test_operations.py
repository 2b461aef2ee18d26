"""All 23 operations through the clients against the in-process sandbox, checking the
parsed models, plus error envelopes (404, 400, 401) parsed into typed errors."""

from __future__ import annotations

import datetime
from typing import Any
from uuid import UUID

import pytest
from anyio.from_thread import BlockingPortal
from signly_client import (
    OPERATIONS,
    AuthenticationError,
    ConflictError,
    NotFoundError,
    SignlyAdminClient,
    SignlyClient,
    ValidationError,
)
from signly_client.models import (
    ApiIntegrationCreatedEnvelope,
    ApiIntegrationEnvelope,
    CancelledDocumentEnvelope,
    CreateApiIntegrationRequest,
    DeletedEnvelope,
    DocumentDeadlineEnvelope,
    DocumentEnvelope,
    DocumentListEnvelope,
    DocumentSummaryEnvelope,
    DownloadUrlEnvelope,
    EmptyEnvelope,
    ErrorEnvelope,
    ExtendDeadlineRequest,
    ProcessEventListEnvelope,
    PublishedDocumentEnvelope,
    ResentInvitationEnvelope,
    TemplateCreatedEnvelope,
    TemplateEnvelope,
    TemplateField,
    TemplateFieldListEnvelope,
    TemplateFieldsUpdatedEnvelope,
    TemplateHistoryEnvelope,
    TemplateInput,
    TemplateListEnvelope,
    TemplateVersionEnvelope,
    UploadUrlEnvelope,
)
from signly_client.types import UNSET

from signly_sandbox.config import PAGE_TENANT_ID
from tests.lib.client import publish_request, sync_client

MISSING = "0e51e6ee-4643-4381-97e0-5164c00a0142"


def test_every_operation_parses_into_its_model(
    client: SignlyClient, admin: SignlyAdminClient, app: Any, portal: BlockingPortal
) -> None:
    called: set[str] = set()

    def seen(name: str, value: Any) -> Any:
        called.add(name)
        return value

    # Templates (12 operations).
    created = seen(
        "create_template",
        client.create_template(body=TemplateInput(template_name="NDA", description="Standard")),
    )
    assert isinstance(created, TemplateCreatedEnvelope)
    assert created.status == 201 and created.data.version == 1
    template_id = created.data.template_id
    assert isinstance(template_id, UUID)

    listed = seen("list_templates", client.list_templates(limit=10, sort="-createdAt"))
    assert isinstance(listed, TemplateListEnvelope)
    assert [t.template_id for t in listed.data] == [template_id]
    assert listed.pagination is not None and listed.pagination.next_cursor is None

    fetched = seen("get_template", client.get_template(template_id))
    assert isinstance(fetched, TemplateEnvelope)
    assert fetched.data.template_name == "NDA" and fetched.data.fields == []
    assert fetched.meta.tenant_id == UUID(PAGE_TENANT_ID) and fetched.meta.request_id

    updated = seen(
        "update_template",
        client.update_template(str(template_id), body=TemplateInput(template_name="NDA v2")),
    )
    assert isinstance(updated, TemplateVersionEnvelope)
    assert updated.data.version == 2 and updated.data.template_version == f"{template_id}#0002"

    history = seen("list_template_history", client.list_template_history(template_id))
    assert isinstance(history, TemplateHistoryEnvelope)
    assert sorted(ref.version for ref in history.data) == [1, 2]

    version = seen("get_template_version", client.get_template_version(template_id, 1))
    assert isinstance(version, TemplateVersionEnvelope) and version.data.version == 1

    fields = [TemplateField(field_name="signature", field_type="SIGNATURE", page=1, x=10, y=20)]
    put_fields = seen("set_template_fields", client.set_template_fields(template_id, body=fields))
    assert isinstance(put_fields, TemplateFieldsUpdatedEnvelope)
    assert put_fields.data[0].field_name == "signature" and put_fields.data[0].page == 1

    got_fields = seen("list_template_fields", client.list_template_fields(template_id))
    assert isinstance(got_fields, TemplateFieldListEnvelope)
    assert [f.field_name for f in got_fields.data] == ["signature"]

    upload = seen("create_template_upload_url", client.create_template_upload_url(template_id, 2))
    assert isinstance(upload, UploadUrlEnvelope)
    assert upload.data.method == "PUT" and upload.data.upload_url.startswith("http")

    download = seen("get_template_download_url", client.get_template_download_url(template_id, 2))
    assert isinstance(download, DownloadUrlEnvelope) and download.data.expires_in_seconds > 0

    deleted_version = seen(
        "delete_template_version", client.delete_template_version(template_id, 2)
    )
    assert isinstance(deleted_version, DeletedEnvelope) and deleted_version.data.deleted is True

    # Documents and events (8 operations).
    published = seen("publish_document", client.publish_document(body=publish_request(template_id)))
    assert isinstance(published, PublishedDocumentEnvelope)
    assert published.status == 201 and published.data.status == "CREATED"
    document_id = published.data.document_id
    participant = published.data.participants[0]
    assert isinstance(participant.process_id, str)

    documents = seen("list_documents", client.list_documents(status="CREATED"))
    assert isinstance(documents, DocumentListEnvelope)
    assert [d.document_id for d in documents.data] == [document_id]

    document = seen("get_document", client.get_document(document_id))
    assert isinstance(document, DocumentEnvelope)
    assert document.data.template_id == template_id
    assert isinstance(document.data.created_at, datetime.datetime)

    summary = seen("get_document_summary", client.get_document_summary(document_id))
    assert isinstance(summary, DocumentSummaryEnvelope)
    assert summary.data.pending_participants == 1

    events = seen("list_process_events", client.list_process_events(participant.process_id))
    assert isinstance(events, ProcessEventListEnvelope)
    assert all(e.process_id == participant.process_id for e in events.data)

    deadline = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30)
    extended = seen(
        "extend_document_deadline",
        client.extend_document_deadline(
            document_id, body=ExtendDeadlineRequest(new_deadline_at=deadline)
        ),
    )
    assert isinstance(extended, DocumentDeadlineEnvelope)
    assert abs((extended.data.deadline_at - deadline).total_seconds()) < 1

    resent = seen(
        "resend_invitation", client.resend_invitation(document_id, participant.participant_id)
    )
    assert isinstance(resent, ResentInvitationEnvelope)
    assert resent.data.participant_id == participant.participant_id

    cancelled = seen("cancel_document", client.cancel_document(document_id))
    assert isinstance(cancelled, CancelledDocumentEnvelope) and cancelled.data.status == "CANCELLED"

    removed = seen("delete_template", client.delete_template(template_id))
    assert isinstance(removed, EmptyEnvelope) and removed.data is None

    # The admin session (3 operations).
    current = seen("get_api_integration", admin.get_api_integration())
    assert isinstance(current, ApiIntegrationEnvelope)
    assert current.data.auth_method == "KEY" and current.data.tenant_id == UUID(PAGE_TENANT_ID)

    # A second credential is refused while one exists: the live key keeps working.
    with pytest.raises(ConflictError) as exists:
        admin.create_api_integration(body=CreateApiIntegrationRequest(auth_method="KEY"))
    assert exists.value.status == 409 and exists.value.code == "api_integration_exists"
    assert client.list_templates().data == []

    # Rotation: revoke, then create. The old key stops working (401), the new one works.
    revoked = seen("delete_api_integration", admin.delete_api_integration())
    assert isinstance(revoked, DeletedEnvelope) and revoked.data.deleted is True
    with pytest.raises(NotFoundError) as gone:
        admin.get_api_integration()
    assert gone.value.code == "api_integration_not_found"
    created = seen(
        "create_api_integration",
        admin.create_api_integration(body=CreateApiIntegrationRequest(auth_method="KEY")),
    )
    assert isinstance(created, ApiIntegrationCreatedEnvelope)
    new_key = created.data.api_key
    assert isinstance(new_key, str) and created.data.api_secret is UNSET
    with pytest.raises(AuthenticationError) as refused:
        client.list_templates()
    assert refused.value.status == 401 and refused.value.code == "unauthorized"
    with sync_client(app, portal, api_key=new_key) as renewed:
        assert renewed.list_templates().data == []

    assert called == set(OPERATIONS) and len(called) == 23


def test_error_envelopes_become_typed_errors(client: SignlyClient) -> None:
    with pytest.raises(NotFoundError) as missing:
        client.get_template(MISSING)
    error = missing.value
    assert (error.status, error.code, error.error_type) == (404, "not_found", "not_found")
    assert error.message == "Template not found."
    assert error.response is not None
    assert error.request_id and error.request_id == error.response.headers["X-Request-Id"]
    assert (
        isinstance(error.envelope, ErrorEnvelope)
        and error.envelope.meta.request_id == error.request_id
    )

    with pytest.raises(ValidationError) as invalid:
        client.create_template(body=TemplateInput(template_name=""))
    assert invalid.value.status == 400 and invalid.value.code == "validation_error"
    assert "templateName" in invalid.value.details["fields"]

    with pytest.raises(ValidationError) as bad_query:
        client.list_documents(cursor="not-a-cursor")
    assert bad_query.value.code == "bad_request"
    assert bad_query.value.details["code"] == "INVALID_CURSOR"


def test_wrong_key_is_authentication_error(app: Any, portal: BlockingPortal) -> None:
    wrong = sync_client(app, portal, api_key="sk_live_wrong")
    with wrong, pytest.raises(AuthenticationError) as refused:
        wrong.get_document(MISSING)
    assert refused.value.status == 401 and refused.value.error_type == "authentication"
    assert "401 unauthorized" in str(refused.value)


def test_detailed_returns_the_raw_generated_response(client: SignlyClient) -> None:
    ok = client.create_template_detailed(body=TemplateInput(template_name="Raw"))
    assert ok.status_code == 201 and isinstance(ok.parsed, TemplateCreatedEnvelope)
    missing = client.get_template_detailed(MISSING)
    assert missing.status_code == 404 and isinstance(missing.parsed, ErrorEnvelope)
    assert missing.parsed.error.type_ == "not_found"


def test_generated_functions_work_with_the_configured_client(client: SignlyClient) -> None:
    from signly_client.api.templates import create_template, get_template

    created = create_template.sync(client=client.generated, body=TemplateInput(template_name="G"))
    assert isinstance(created, TemplateCreatedEnvelope)
    got = get_template.sync_detailed(created.data.template_id, client=client.generated)
    assert isinstance(got.parsed, TemplateEnvelope)
