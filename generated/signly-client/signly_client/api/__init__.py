"""The Signly clients, generated from the API description: do not edit.

`SignlyClient` / `AsyncSignlyClient` call the partner API (`/v1`) with a tenant id and an
API key; `SignlyAdminClient` / `AsyncSignlyAdminClient` call `/api` with the Signly App
session. Each operation of the spec is a method named after its operationId that returns
its success envelope and raises a typed `signly_client.errors.SignlyError` otherwise;
`<operationId>_detailed` returns the generated raw `Response`; each cursor-paginated list
also has an `iter_*` method that yields every item across pages.
"""

from collections.abc import AsyncIterator, Iterator  # noqa: F401
from typing import cast  # noqa: F401
from uuid import UUID  # noqa: F401

from .._runtime import (
    AsyncAdminBase,
    AsyncPartnerBase,
    Operation,
    PdfSource,
    SyncAdminBase,
    SyncPartnerBase,
)
from ..models.api_integration_created_envelope import ApiIntegrationCreatedEnvelope  # noqa: F401
from ..models.api_integration_envelope import ApiIntegrationEnvelope  # noqa: F401
from ..models.cancelled_document_envelope import CancelledDocumentEnvelope  # noqa: F401
from ..models.create_api_integration_request import CreateApiIntegrationRequest  # noqa: F401
from ..models.deleted_envelope import DeletedEnvelope  # noqa: F401
from ..models.document_deadline_envelope import DocumentDeadlineEnvelope  # noqa: F401
from ..models.document_envelope import DocumentEnvelope  # noqa: F401
from ..models.document_list_envelope import DocumentListEnvelope  # noqa: F401
from ..models.document_list_item import DocumentListItem  # noqa: F401
from ..models.document_status import DocumentStatus  # noqa: F401
from ..models.document_summary_envelope import DocumentSummaryEnvelope  # noqa: F401
from ..models.download_url_envelope import DownloadUrlEnvelope  # noqa: F401
from ..models.empty_envelope import EmptyEnvelope  # noqa: F401
from ..models.error_envelope import ErrorEnvelope  # noqa: F401
from ..models.extend_deadline_request import ExtendDeadlineRequest  # noqa: F401
from ..models.process_event_list_envelope import ProcessEventListEnvelope  # noqa: F401
from ..models.publish_document_request import PublishDocumentRequest  # noqa: F401
from ..models.published_document_envelope import PublishedDocumentEnvelope  # noqa: F401
from ..models.resent_invitation_envelope import ResentInvitationEnvelope  # noqa: F401
from ..models.sort_order import SortOrder  # noqa: F401
from ..models.template_created_envelope import TemplateCreatedEnvelope  # noqa: F401
from ..models.template_envelope import TemplateEnvelope  # noqa: F401
from ..models.template_field import TemplateField  # noqa: F401
from ..models.template_field_list_envelope import TemplateFieldListEnvelope  # noqa: F401
from ..models.template_fields_updated_envelope import TemplateFieldsUpdatedEnvelope  # noqa: F401
from ..models.template_history_envelope import TemplateHistoryEnvelope  # noqa: F401
from ..models.template_input import TemplateInput  # noqa: F401
from ..models.template_list_envelope import TemplateListEnvelope  # noqa: F401
from ..models.template_summary import TemplateSummary  # noqa: F401
from ..models.template_version_envelope import TemplateVersionEnvelope  # noqa: F401
from ..models.upload_url import UploadUrl  # noqa: F401
from ..models.upload_url_envelope import UploadUrlEnvelope  # noqa: F401
from ..types import UNSET, Response, Unset  # noqa: F401
from ._idempotency import IDEMPOTENCY_KEY, IDEMPOTENT
from .api_integration import create_api_integration as _create_api_integration
from .api_integration import delete_api_integration as _delete_api_integration
from .api_integration import get_api_integration as _get_api_integration
from .documents import cancel_document as _cancel_document
from .documents import extend_document_deadline as _extend_document_deadline
from .documents import get_document as _get_document
from .documents import get_document_summary as _get_document_summary
from .documents import list_documents as _list_documents
from .documents import publish_document as _publish_document
from .documents import resend_invitation as _resend_invitation
from .events import list_process_events as _list_process_events
from .templates import create_template as _create_template
from .templates import create_template_upload_url as _create_template_upload_url
from .templates import delete_template as _delete_template
from .templates import delete_template_version as _delete_template_version
from .templates import get_template as _get_template
from .templates import get_template_download_url as _get_template_download_url
from .templates import get_template_version as _get_template_version
from .templates import list_template_fields as _list_template_fields
from .templates import list_template_history as _list_template_history
from .templates import list_templates as _list_templates
from .templates import set_template_fields as _set_template_fields
from .templates import update_template as _update_template

__all__ = ["OPERATIONS", "AsyncSignlyAdminClient", "AsyncSignlyClient", "SignlyAdminClient", "SignlyClient"]

OPERATIONS: dict[str, Operation] = {
    "get_api_integration": Operation(
        name="get_api_integration",
        method="GET",
        path="/api",
        idempotent=IDEMPOTENT["get_api_integration"],
        idempotency_key=IDEMPOTENCY_KEY["get_api_integration"],
        paginated=False,
    ),
    "create_api_integration": Operation(
        name="create_api_integration",
        method="POST",
        path="/api",
        idempotent=IDEMPOTENT["create_api_integration"],
        idempotency_key=IDEMPOTENCY_KEY["create_api_integration"],
        paginated=False,
    ),
    "delete_api_integration": Operation(
        name="delete_api_integration",
        method="DELETE",
        path="/api",
        idempotent=IDEMPOTENT["delete_api_integration"],
        idempotency_key=IDEMPOTENCY_KEY["delete_api_integration"],
        paginated=False,
    ),
    "list_documents": Operation(
        name="list_documents",
        method="GET",
        path="/v1/documents",
        idempotent=IDEMPOTENT["list_documents"],
        idempotency_key=IDEMPOTENCY_KEY["list_documents"],
        paginated=True,
    ),
    "publish_document": Operation(
        name="publish_document",
        method="POST",
        path="/v1/documents",
        idempotent=IDEMPOTENT["publish_document"],
        idempotency_key=IDEMPOTENCY_KEY["publish_document"],
        paginated=False,
    ),
    "get_document": Operation(
        name="get_document",
        method="GET",
        path="/v1/documents/{document_id}",
        idempotent=IDEMPOTENT["get_document"],
        idempotency_key=IDEMPOTENCY_KEY["get_document"],
        paginated=False,
    ),
    "extend_document_deadline": Operation(
        name="extend_document_deadline",
        method="POST",
        path="/v1/documents/{document_id}/extend",
        idempotent=IDEMPOTENT["extend_document_deadline"],
        idempotency_key=IDEMPOTENCY_KEY["extend_document_deadline"],
        paginated=False,
    ),
    "cancel_document": Operation(
        name="cancel_document",
        method="DELETE",
        path="/v1/documents/{document_id}/cancel",
        idempotent=IDEMPOTENT["cancel_document"],
        idempotency_key=IDEMPOTENCY_KEY["cancel_document"],
        paginated=False,
    ),
    "resend_invitation": Operation(
        name="resend_invitation",
        method="POST",
        path="/v1/documents/{document_id}/participants/{participant_id}/resend",
        idempotent=IDEMPOTENT["resend_invitation"],
        idempotency_key=IDEMPOTENCY_KEY["resend_invitation"],
        paginated=False,
    ),
    "get_document_summary": Operation(
        name="get_document_summary",
        method="GET",
        path="/v1/documents/{document_id}/summary",
        idempotent=IDEMPOTENT["get_document_summary"],
        idempotency_key=IDEMPOTENCY_KEY["get_document_summary"],
        paginated=False,
    ),
    "list_process_events": Operation(
        name="list_process_events",
        method="GET",
        path="/v1/events/{process_id}",
        idempotent=IDEMPOTENT["list_process_events"],
        idempotency_key=IDEMPOTENCY_KEY["list_process_events"],
        paginated=False,
    ),
    "list_templates": Operation(
        name="list_templates",
        method="GET",
        path="/v1/templates",
        idempotent=IDEMPOTENT["list_templates"],
        idempotency_key=IDEMPOTENCY_KEY["list_templates"],
        paginated=True,
    ),
    "create_template": Operation(
        name="create_template",
        method="POST",
        path="/v1/templates",
        idempotent=IDEMPOTENT["create_template"],
        idempotency_key=IDEMPOTENCY_KEY["create_template"],
        paginated=False,
    ),
    "get_template": Operation(
        name="get_template",
        method="GET",
        path="/v1/templates/{template_id}",
        idempotent=IDEMPOTENT["get_template"],
        idempotency_key=IDEMPOTENCY_KEY["get_template"],
        paginated=False,
    ),
    "update_template": Operation(
        name="update_template",
        method="PUT",
        path="/v1/templates/{template_id}",
        idempotent=IDEMPOTENT["update_template"],
        idempotency_key=IDEMPOTENCY_KEY["update_template"],
        paginated=False,
    ),
    "delete_template": Operation(
        name="delete_template",
        method="DELETE",
        path="/v1/templates/{template_id}",
        idempotent=IDEMPOTENT["delete_template"],
        idempotency_key=IDEMPOTENCY_KEY["delete_template"],
        paginated=False,
    ),
    "list_template_history": Operation(
        name="list_template_history",
        method="GET",
        path="/v1/templates/{template_id}/history",
        idempotent=IDEMPOTENT["list_template_history"],
        idempotency_key=IDEMPOTENCY_KEY["list_template_history"],
        paginated=False,
    ),
    "get_template_version": Operation(
        name="get_template_version",
        method="GET",
        path="/v1/templates/{template_id}/versions/{version}",
        idempotent=IDEMPOTENT["get_template_version"],
        idempotency_key=IDEMPOTENCY_KEY["get_template_version"],
        paginated=False,
    ),
    "delete_template_version": Operation(
        name="delete_template_version",
        method="DELETE",
        path="/v1/templates/{template_id}/versions/{version}",
        idempotent=IDEMPOTENT["delete_template_version"],
        idempotency_key=IDEMPOTENCY_KEY["delete_template_version"],
        paginated=False,
    ),
    "list_template_fields": Operation(
        name="list_template_fields",
        method="GET",
        path="/v1/templates/{template_id}/fields",
        idempotent=IDEMPOTENT["list_template_fields"],
        idempotency_key=IDEMPOTENCY_KEY["list_template_fields"],
        paginated=False,
    ),
    "set_template_fields": Operation(
        name="set_template_fields",
        method="PUT",
        path="/v1/templates/{template_id}/fields",
        idempotent=IDEMPOTENT["set_template_fields"],
        idempotency_key=IDEMPOTENCY_KEY["set_template_fields"],
        paginated=False,
    ),
    "create_template_upload_url": Operation(
        name="create_template_upload_url",
        method="POST",
        path="/v1/templates/{template_id}/versions/{version}/upload-url",
        idempotent=IDEMPOTENT["create_template_upload_url"],
        idempotency_key=IDEMPOTENCY_KEY["create_template_upload_url"],
        paginated=False,
    ),
    "get_template_download_url": Operation(
        name="get_template_download_url",
        method="GET",
        path="/v1/templates/{template_id}/versions/{version}/download-url",
        idempotent=IDEMPOTENT["get_template_download_url"],
        idempotency_key=IDEMPOTENCY_KEY["get_template_download_url"],
        paginated=False,
    ),
}
"""Every operation of the spec: method, path, whether it is idempotent by itself, whether it
takes an `Idempotency-Key` (then it is retried too) and whether it is cursor-paginated."""


class SignlyClient(SyncPartnerBase):
    """The Signly partner API (`/v1`), blocking.

    `SignlyClient(tenant_id=..., api_key=..., base_url=...)`; missing arguments come from
    SIGNLY_TENANT_ID, SIGNLY_API_KEY and SIGNLY_BASE_URL. Use it as a context manager or
    call `close()`.
    """

    def list_documents(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
        status: DocumentStatus | Unset = UNSET,
    ) -> DocumentListEnvelope:
        """List documents (`GET /v1/documents`, operationId `list_documents`).

        Lists the tenant's signing processes a page at a time, optionally only those in one status,
        sorted by `createdAt`. Follow `pagination.nextCursor` while `pagination.hasMore` is true; a
        cursor is only valid with the same `sort` and `status`. A `pagination` of `null` means the
        answer holds the whole list.

        Returns the success envelope (`.data`, `.meta`, `.pagination`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["list_documents"],
            _list_documents,
            DocumentListEnvelope,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
                status=status,
            ),
        )

    def list_documents_detailed(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
        status: DocumentStatus | Unset = UNSET,
    ) -> Response[DocumentListEnvelope | ErrorEnvelope]:
        """`list_documents` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["list_documents"],
            _list_documents,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
                status=status,
            ),
        )

    def iter_documents(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
        status: DocumentStatus | Unset = UNSET,
    ) -> Iterator[DocumentListItem]:
        """List documents (`GET /v1/documents`, operationId `list_documents`).

        Lists the tenant's signing processes a page at a time, optionally only those in one status,
        sorted by `createdAt`. Follow `pagination.nextCursor` while `pagination.hasMore` is true; a
        cursor is only valid with the same `sort` and `status`. A `pagination` of `null` means the
        answer holds the whole list.

        Yields every item of every page, following `pagination.nextCursor` lazily, one request per page.
        """

        return self._paginate(
            OPERATIONS["list_documents"],
            _list_documents,
            DocumentListEnvelope,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
                status=status,
            ),
            lambda page: page.data,
        )

    def publish_document(
        self,
        *,
        body: PublishDocumentRequest,
        idempotency_key: str | Unset = UNSET,
    ) -> PublishedDocumentEnvelope:
        """Publish a signing document (`POST /v1/documents`, operationId `publish_document`).

        Creates the signing flow from a template version and a participant list: the central operation
        of a partner integration. Each participant gets a `participantId` and a `processId` whose
        timeline `/v1/events/{processId}` returns; `GET /v1/documents/{documentId}` always lists both.
        Publishing costs one credit and is not idempotent by itself: send an `Idempotency-Key` and retry
        with the same key after a timeout, and the retry answers the first document instead of
        publishing (and charging) a second one. A `templateId` or `templateVersion` that is well formed
        but names nothing is a 404 naming it.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["publish_document"],
            _publish_document,
            PublishedDocumentEnvelope,
            dict(
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def publish_document_detailed(
        self,
        *,
        body: PublishDocumentRequest,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | PublishedDocumentEnvelope]:
        """`publish_document` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["publish_document"],
            _publish_document,
            dict(
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def get_document(
        self,
        document_id: UUID | str,
    ) -> DocumentEnvelope:
        """Get a document (`GET /v1/documents/{document_id}`, operationId `get_document`).

        Returns the current status and metadata of a signing flow, with its participants; each
        participant carries the `processId` whose events `/v1/events/{processId}` returns.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["get_document"],
            _get_document,
            DocumentEnvelope,
            dict(
                document_id=document_id,
            ),
        )

    def get_document_detailed(
        self,
        document_id: UUID | str,
    ) -> Response[DocumentEnvelope | ErrorEnvelope]:
        """`get_document` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["get_document"],
            _get_document,
            dict(
                document_id=document_id,
            ),
        )

    def extend_document_deadline(
        self,
        document_id: UUID | str,
        *,
        body: ExtendDeadlineRequest,
        idempotency_key: str | Unset = UNSET,
    ) -> DocumentDeadlineEnvelope:
        """Extend a document's deadline (`POST /v1/documents/{document_id}/extend`, operationId `extend_document_deadline`).

        Moves the process deadline without creating a new document. The new deadline must be in the
        future and the document still active.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["extend_document_deadline"],
            _extend_document_deadline,
            DocumentDeadlineEnvelope,
            dict(
                document_id=document_id,
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def extend_document_deadline_detailed(
        self,
        document_id: UUID | str,
        *,
        body: ExtendDeadlineRequest,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[DocumentDeadlineEnvelope | ErrorEnvelope]:
        """`extend_document_deadline` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["extend_document_deadline"],
            _extend_document_deadline,
            dict(
                document_id=document_id,
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def cancel_document(
        self,
        document_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> CancelledDocumentEnvelope:
        """Cancel a document (`DELETE /v1/documents/{document_id}/cancel`, operationId `cancel_document`).

        Stops an active signing flow: the document becomes `CANCELLED` and its pending participants can
        no longer act. Cancelling a document that is not active is a 409; a retry with the `Idempotency-
        Key` of a cancel that succeeded answers that success again.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["cancel_document"],
            _cancel_document,
            CancelledDocumentEnvelope,
            dict(
                document_id=document_id,
                idempotency_key=idempotency_key,
            ),
        )

    def cancel_document_detailed(
        self,
        document_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[CancelledDocumentEnvelope | ErrorEnvelope]:
        """`cancel_document` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["cancel_document"],
            _cancel_document,
            dict(
                document_id=document_id,
                idempotency_key=idempotency_key,
            ),
        )

    def resend_invitation(
        self,
        document_id: UUID | str,
        participant_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> ResentInvitationEnvelope:
        """Resend a participant's invitation (`POST /v1/documents/{document_id}/participants/{participant_id}/resend`, operationId `resend_invitation`).

        Sends the invitation again to one participant who still has to act, on an active document.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["resend_invitation"],
            _resend_invitation,
            ResentInvitationEnvelope,
            dict(
                document_id=document_id,
                participant_id=participant_id,
                idempotency_key=idempotency_key,
            ),
        )

    def resend_invitation_detailed(
        self,
        document_id: UUID | str,
        participant_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | ResentInvitationEnvelope]:
        """`resend_invitation` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["resend_invitation"],
            _resend_invitation,
            dict(
                document_id=document_id,
                participant_id=participant_id,
                idempotency_key=idempotency_key,
            ),
        )

    def get_document_summary(
        self,
        document_id: UUID | str,
    ) -> DocumentSummaryEnvelope:
        """Get a document's progress summary (`GET /v1/documents/{document_id}/summary`, operationId `get_document_summary`).

        Returns a compact view of the document's progress for dashboards or reconciliation.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["get_document_summary"],
            _get_document_summary,
            DocumentSummaryEnvelope,
            dict(
                document_id=document_id,
            ),
        )

    def get_document_summary_detailed(
        self,
        document_id: UUID | str,
    ) -> Response[DocumentSummaryEnvelope | ErrorEnvelope]:
        """`get_document_summary` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["get_document_summary"],
            _get_document_summary,
            dict(
                document_id=document_id,
            ),
        )

    def list_process_events(
        self,
        process_id: str,
    ) -> ProcessEventListEnvelope:
        """List a process's events (`GET /v1/events/{process_id}`, operationId `list_process_events`).

        Returns the chronological timeline of one participant's process, `PROCESS_CREATED` first: the
        targeted lookup to reconstruct evidence beyond what webhooks delivered. Not paginated: every
        event is in this answer (`pagination` is `null`).

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["list_process_events"],
            _list_process_events,
            ProcessEventListEnvelope,
            dict(
                process_id=process_id,
            ),
        )

    def list_process_events_detailed(
        self,
        process_id: str,
    ) -> Response[ErrorEnvelope | ProcessEventListEnvelope]:
        """`list_process_events` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["list_process_events"],
            _list_process_events,
            dict(
                process_id=process_id,
            ),
        )

    def list_templates(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
    ) -> TemplateListEnvelope:
        """List templates (`GET /v1/templates`, operationId `list_templates`).

        Returns the latest version of each template of the tenant, a page at a time, with the same
        `limit`, `cursor` and `sort` as `GET /v1/documents`. Follow `pagination.nextCursor` while
        `pagination.hasMore` is true; a `pagination` of `null` means the answer holds the whole list.

        Returns the success envelope (`.data`, `.meta`, `.pagination`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["list_templates"],
            _list_templates,
            TemplateListEnvelope,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
            ),
        )

    def list_templates_detailed(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
    ) -> Response[ErrorEnvelope | TemplateListEnvelope]:
        """`list_templates` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["list_templates"],
            _list_templates,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
            ),
        )

    def iter_templates(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
    ) -> Iterator[TemplateSummary]:
        """List templates (`GET /v1/templates`, operationId `list_templates`).

        Returns the latest version of each template of the tenant, a page at a time, with the same
        `limit`, `cursor` and `sort` as `GET /v1/documents`. Follow `pagination.nextCursor` while
        `pagination.hasMore` is true; a `pagination` of `null` means the answer holds the whole list.

        Yields every item of every page, following `pagination.nextCursor` lazily, one request per page.
        """

        return self._paginate(
            OPERATIONS["list_templates"],
            _list_templates,
            TemplateListEnvelope,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
            ),
            lambda page: page.data,
        )

    def create_template(
        self,
        *,
        body: TemplateInput,
        idempotency_key: str | Unset = UNSET,
    ) -> TemplateCreatedEnvelope:
        """Create a template (`POST /v1/templates`, operationId `create_template`).

        Creates a template at version 1. Then request a presigned URL to upload the PDF for that
        version.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["create_template"],
            _create_template,
            TemplateCreatedEnvelope,
            dict(
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def create_template_detailed(
        self,
        *,
        body: TemplateInput,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | TemplateCreatedEnvelope]:
        """`create_template` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["create_template"],
            _create_template,
            dict(
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def get_template(
        self,
        template_id: UUID | str,
    ) -> TemplateEnvelope:
        """Get the latest version of a template (`GET /v1/templates/{template_id}`, operationId `get_template`).

        Returns the current version of one template, with its fields.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["get_template"],
            _get_template,
            TemplateEnvelope,
            dict(
                template_id=template_id,
            ),
        )

    def get_template_detailed(
        self,
        template_id: UUID | str,
    ) -> Response[ErrorEnvelope | TemplateEnvelope]:
        """`get_template` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["get_template"],
            _get_template,
            dict(
                template_id=template_id,
            ),
        )

    def update_template(
        self,
        template_id: UUID | str,
        *,
        body: TemplateInput,
        idempotency_key: str | Unset = UNSET,
    ) -> TemplateVersionEnvelope:
        """Create a new version of a template (`PUT /v1/templates/{template_id}`, operationId `update_template`).

        Updates the template's metadata by creating the next version (never reusing a deleted number),
        on which you can then upload an updated PDF. The new version starts with a copy of the previous
        latest version's fields. Although it is a `PUT`, every call creates one more version, so it is
        not idempotent: do not retry it blindly.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["update_template"],
            _update_template,
            TemplateVersionEnvelope,
            dict(
                template_id=template_id,
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def update_template_detailed(
        self,
        template_id: UUID | str,
        *,
        body: TemplateInput,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | TemplateVersionEnvelope]:
        """`update_template` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["update_template"],
            _update_template,
            dict(
                template_id=template_id,
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def delete_template(
        self,
        template_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> EmptyEnvelope:
        """Delete a template (`DELETE /v1/templates/{template_id}`, operationId `delete_template`).

        Deletes every version of a template. Use it carefully: it affects history and future documents
        based on it. Documents already published keep working. The answer's `data` is `null`.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["delete_template"],
            _delete_template,
            EmptyEnvelope,
            dict(
                template_id=template_id,
                idempotency_key=idempotency_key,
            ),
        )

    def delete_template_detailed(
        self,
        template_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[EmptyEnvelope | ErrorEnvelope]:
        """`delete_template` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["delete_template"],
            _delete_template,
            dict(
                template_id=template_id,
                idempotency_key=idempotency_key,
            ),
        )

    def list_template_history(
        self,
        template_id: UUID | str,
    ) -> TemplateHistoryEnvelope:
        """List a template's versions (`GET /v1/templates/{template_id}/history`, operationId `list_template_history`).

        Returns every version of a template that has not been deleted, oldest first, for audit or
        operational rollback. Not paginated: every version is in this answer (`pagination` is `null`).

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["list_template_history"],
            _list_template_history,
            TemplateHistoryEnvelope,
            dict(
                template_id=template_id,
            ),
        )

    def list_template_history_detailed(
        self,
        template_id: UUID | str,
    ) -> Response[ErrorEnvelope | TemplateHistoryEnvelope]:
        """`list_template_history` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["list_template_history"],
            _list_template_history,
            dict(
                template_id=template_id,
            ),
        )

    def get_template_version(
        self,
        template_id: UUID | str,
        version: int,
    ) -> TemplateVersionEnvelope:
        """Get one version of a template (`GET /v1/templates/{template_id}/versions/{version}`, operationId `get_template_version`).

        Returns an exact template version, whatever the latest version is.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["get_template_version"],
            _get_template_version,
            TemplateVersionEnvelope,
            dict(
                template_id=template_id,
                version=version,
            ),
        )

    def get_template_version_detailed(
        self,
        template_id: UUID | str,
        version: int,
    ) -> Response[ErrorEnvelope | TemplateVersionEnvelope]:
        """`get_template_version` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["get_template_version"],
            _get_template_version,
            dict(
                template_id=template_id,
                version=version,
            ),
        )

    def delete_template_version(
        self,
        template_id: UUID | str,
        version: int,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> DeletedEnvelope:
        """Delete one version of a template (`DELETE /v1/templates/{template_id}/versions/{version}`, operationId `delete_template_version`).

        Deletes one version without touching the rest of the history. Deleting the latest version makes
        the previous one latest; the only remaining version cannot be deleted (delete the template
        instead). Numbers are never reused.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["delete_template_version"],
            _delete_template_version,
            DeletedEnvelope,
            dict(
                template_id=template_id,
                version=version,
                idempotency_key=idempotency_key,
            ),
        )

    def delete_template_version_detailed(
        self,
        template_id: UUID | str,
        version: int,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[DeletedEnvelope | ErrorEnvelope]:
        """`delete_template_version` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["delete_template_version"],
            _delete_template_version,
            dict(
                template_id=template_id,
                version=version,
                idempotency_key=idempotency_key,
            ),
        )

    def list_template_fields(
        self,
        template_id: UUID | str,
    ) -> TemplateFieldListEnvelope:
        """Get the signable fields of a template (`GET /v1/templates/{template_id}/fields`, operationId `list_template_fields`).

        Returns the signable or fillable fields of the template's latest version, with every property
        stored. Not paginated: every field is in this answer (`pagination` is `null`).

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["list_template_fields"],
            _list_template_fields,
            TemplateFieldListEnvelope,
            dict(
                template_id=template_id,
            ),
        )

    def list_template_fields_detailed(
        self,
        template_id: UUID | str,
    ) -> Response[ErrorEnvelope | TemplateFieldListEnvelope]:
        """`list_template_fields` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["list_template_fields"],
            _list_template_fields,
            dict(
                template_id=template_id,
            ),
        )

    def set_template_fields(
        self,
        template_id: UUID | str,
        *,
        body: list[TemplateField],
    ) -> TemplateFieldsUpdatedEnvelope:
        """Replace the signable fields of a template (`PUT /v1/templates/{template_id}/fields`, operationId `set_template_fields`).

        Overwrites the field definition of the template's latest version with the list sent (an empty
        list removes every field). It does not create a version. `page`, `x` and `y` are optional and
        stored; the answer lists each field's name, type and page, and `GET .../fields` returns every
        property stored.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["set_template_fields"],
            _set_template_fields,
            TemplateFieldsUpdatedEnvelope,
            dict(
                template_id=template_id,
                body=body,
            ),
        )

    def set_template_fields_detailed(
        self,
        template_id: UUID | str,
        *,
        body: list[TemplateField],
    ) -> Response[ErrorEnvelope | TemplateFieldsUpdatedEnvelope]:
        """`set_template_fields` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["set_template_fields"],
            _set_template_fields,
            dict(
                template_id=template_id,
                body=body,
            ),
        )

    def create_template_upload_url(
        self,
        template_id: UUID | str,
        version: int,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> UploadUrlEnvelope:
        """Get a URL to upload a version's PDF (`POST /v1/templates/{template_id}/versions/{version}/upload-url`, operationId `create_template_upload_url`).

        Returns a presigned storage URL for the PDF of one template version. The upload itself goes
        straight to storage: `PUT` the bytes to `uploadUrl` before it expires. Uploading again replaces
        the file.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["create_template_upload_url"],
            _create_template_upload_url,
            UploadUrlEnvelope,
            dict(
                template_id=template_id,
                version=version,
                idempotency_key=idempotency_key,
            ),
        )

    def create_template_upload_url_detailed(
        self,
        template_id: UUID | str,
        version: int,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | UploadUrlEnvelope]:
        """`create_template_upload_url` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["create_template_upload_url"],
            _create_template_upload_url,
            dict(
                template_id=template_id,
                version=version,
                idempotency_key=idempotency_key,
            ),
        )

    def get_template_download_url(
        self,
        template_id: UUID | str,
        version: int,
    ) -> DownloadUrlEnvelope:
        """Get a URL to download a version's PDF (`GET /v1/templates/{template_id}/versions/{version}/download-url`, operationId `get_template_download_url`).

        Returns a presigned storage URL from which to download the PDF stored for one template version.
        When no PDF was uploaded yet, the URL answers 404 from storage.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["get_template_download_url"],
            _get_template_download_url,
            DownloadUrlEnvelope,
            dict(
                template_id=template_id,
                version=version,
            ),
        )

    def get_template_download_url_detailed(
        self,
        template_id: UUID | str,
        version: int,
    ) -> Response[DownloadUrlEnvelope | ErrorEnvelope]:
        """`get_template_download_url` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["get_template_download_url"],
            _get_template_download_url,
            dict(
                template_id=template_id,
                version=version,
            ),
        )

    def upload_template_pdf(self, template_id: UUID | str, version: int, pdf: PdfSource) -> UploadUrl:
        """Upload a template version's PDF in one call: request a presigned URL, PUT the bytes
        (a path, bytes or a binary file) and check storage's answer (StorageError if it refused)."""
        target = (self.create_template_upload_url(template_id, version)).data
        self._put_pdf(target.upload_url, pdf)
        return target

    def download_template_pdf(self, template_id: UUID | str, version: int) -> bytes:
        """The PDF of a template version: request a presigned URL and GET it (StorageError
        when storage has none, for example before any upload)."""
        target = (self.get_template_download_url(template_id, version)).data
        return self._get_pdf(target.download_url)


class AsyncSignlyClient(AsyncPartnerBase):
    """The Signly partner API (`/v1`) on asyncio: the same methods as SignlyClient, awaited;
    `iter_*` methods are async iterators. Use `async with` or call `aclose()`."""

    async def list_documents(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
        status: DocumentStatus | Unset = UNSET,
    ) -> DocumentListEnvelope:
        """List documents (`GET /v1/documents`, operationId `list_documents`).

        Lists the tenant's signing processes a page at a time, optionally only those in one status,
        sorted by `createdAt`. Follow `pagination.nextCursor` while `pagination.hasMore` is true; a
        cursor is only valid with the same `sort` and `status`. A `pagination` of `null` means the
        answer holds the whole list.

        Returns the success envelope (`.data`, `.meta`, `.pagination`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["list_documents"],
            _list_documents,
            DocumentListEnvelope,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
                status=status,
            ),
        )

    async def list_documents_detailed(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
        status: DocumentStatus | Unset = UNSET,
    ) -> Response[DocumentListEnvelope | ErrorEnvelope]:
        """`list_documents` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["list_documents"],
            _list_documents,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
                status=status,
            ),
        )

    def iter_documents(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
        status: DocumentStatus | Unset = UNSET,
    ) -> AsyncIterator[DocumentListItem]:
        """List documents (`GET /v1/documents`, operationId `list_documents`).

        Lists the tenant's signing processes a page at a time, optionally only those in one status,
        sorted by `createdAt`. Follow `pagination.nextCursor` while `pagination.hasMore` is true; a
        cursor is only valid with the same `sort` and `status`. A `pagination` of `null` means the
        answer holds the whole list.

        Yields every item of every page, following `pagination.nextCursor` lazily, one request per page.
        """

        return self._paginate(
            OPERATIONS["list_documents"],
            _list_documents,
            DocumentListEnvelope,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
                status=status,
            ),
            lambda page: page.data,
        )

    async def publish_document(
        self,
        *,
        body: PublishDocumentRequest,
        idempotency_key: str | Unset = UNSET,
    ) -> PublishedDocumentEnvelope:
        """Publish a signing document (`POST /v1/documents`, operationId `publish_document`).

        Creates the signing flow from a template version and a participant list: the central operation
        of a partner integration. Each participant gets a `participantId` and a `processId` whose
        timeline `/v1/events/{processId}` returns; `GET /v1/documents/{documentId}` always lists both.
        Publishing costs one credit and is not idempotent by itself: send an `Idempotency-Key` and retry
        with the same key after a timeout, and the retry answers the first document instead of
        publishing (and charging) a second one. A `templateId` or `templateVersion` that is well formed
        but names nothing is a 404 naming it.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["publish_document"],
            _publish_document,
            PublishedDocumentEnvelope,
            dict(
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    async def publish_document_detailed(
        self,
        *,
        body: PublishDocumentRequest,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | PublishedDocumentEnvelope]:
        """`publish_document` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["publish_document"],
            _publish_document,
            dict(
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    async def get_document(
        self,
        document_id: UUID | str,
    ) -> DocumentEnvelope:
        """Get a document (`GET /v1/documents/{document_id}`, operationId `get_document`).

        Returns the current status and metadata of a signing flow, with its participants; each
        participant carries the `processId` whose events `/v1/events/{processId}` returns.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["get_document"],
            _get_document,
            DocumentEnvelope,
            dict(
                document_id=document_id,
            ),
        )

    async def get_document_detailed(
        self,
        document_id: UUID | str,
    ) -> Response[DocumentEnvelope | ErrorEnvelope]:
        """`get_document` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["get_document"],
            _get_document,
            dict(
                document_id=document_id,
            ),
        )

    async def extend_document_deadline(
        self,
        document_id: UUID | str,
        *,
        body: ExtendDeadlineRequest,
        idempotency_key: str | Unset = UNSET,
    ) -> DocumentDeadlineEnvelope:
        """Extend a document's deadline (`POST /v1/documents/{document_id}/extend`, operationId `extend_document_deadline`).

        Moves the process deadline without creating a new document. The new deadline must be in the
        future and the document still active.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["extend_document_deadline"],
            _extend_document_deadline,
            DocumentDeadlineEnvelope,
            dict(
                document_id=document_id,
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    async def extend_document_deadline_detailed(
        self,
        document_id: UUID | str,
        *,
        body: ExtendDeadlineRequest,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[DocumentDeadlineEnvelope | ErrorEnvelope]:
        """`extend_document_deadline` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["extend_document_deadline"],
            _extend_document_deadline,
            dict(
                document_id=document_id,
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    async def cancel_document(
        self,
        document_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> CancelledDocumentEnvelope:
        """Cancel a document (`DELETE /v1/documents/{document_id}/cancel`, operationId `cancel_document`).

        Stops an active signing flow: the document becomes `CANCELLED` and its pending participants can
        no longer act. Cancelling a document that is not active is a 409; a retry with the `Idempotency-
        Key` of a cancel that succeeded answers that success again.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["cancel_document"],
            _cancel_document,
            CancelledDocumentEnvelope,
            dict(
                document_id=document_id,
                idempotency_key=idempotency_key,
            ),
        )

    async def cancel_document_detailed(
        self,
        document_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[CancelledDocumentEnvelope | ErrorEnvelope]:
        """`cancel_document` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["cancel_document"],
            _cancel_document,
            dict(
                document_id=document_id,
                idempotency_key=idempotency_key,
            ),
        )

    async def resend_invitation(
        self,
        document_id: UUID | str,
        participant_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> ResentInvitationEnvelope:
        """Resend a participant's invitation (`POST /v1/documents/{document_id}/participants/{participant_id}/resend`, operationId `resend_invitation`).

        Sends the invitation again to one participant who still has to act, on an active document.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["resend_invitation"],
            _resend_invitation,
            ResentInvitationEnvelope,
            dict(
                document_id=document_id,
                participant_id=participant_id,
                idempotency_key=idempotency_key,
            ),
        )

    async def resend_invitation_detailed(
        self,
        document_id: UUID | str,
        participant_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | ResentInvitationEnvelope]:
        """`resend_invitation` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["resend_invitation"],
            _resend_invitation,
            dict(
                document_id=document_id,
                participant_id=participant_id,
                idempotency_key=idempotency_key,
            ),
        )

    async def get_document_summary(
        self,
        document_id: UUID | str,
    ) -> DocumentSummaryEnvelope:
        """Get a document's progress summary (`GET /v1/documents/{document_id}/summary`, operationId `get_document_summary`).

        Returns a compact view of the document's progress for dashboards or reconciliation.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["get_document_summary"],
            _get_document_summary,
            DocumentSummaryEnvelope,
            dict(
                document_id=document_id,
            ),
        )

    async def get_document_summary_detailed(
        self,
        document_id: UUID | str,
    ) -> Response[DocumentSummaryEnvelope | ErrorEnvelope]:
        """`get_document_summary` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["get_document_summary"],
            _get_document_summary,
            dict(
                document_id=document_id,
            ),
        )

    async def list_process_events(
        self,
        process_id: str,
    ) -> ProcessEventListEnvelope:
        """List a process's events (`GET /v1/events/{process_id}`, operationId `list_process_events`).

        Returns the chronological timeline of one participant's process, `PROCESS_CREATED` first: the
        targeted lookup to reconstruct evidence beyond what webhooks delivered. Not paginated: every
        event is in this answer (`pagination` is `null`).

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["list_process_events"],
            _list_process_events,
            ProcessEventListEnvelope,
            dict(
                process_id=process_id,
            ),
        )

    async def list_process_events_detailed(
        self,
        process_id: str,
    ) -> Response[ErrorEnvelope | ProcessEventListEnvelope]:
        """`list_process_events` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["list_process_events"],
            _list_process_events,
            dict(
                process_id=process_id,
            ),
        )

    async def list_templates(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
    ) -> TemplateListEnvelope:
        """List templates (`GET /v1/templates`, operationId `list_templates`).

        Returns the latest version of each template of the tenant, a page at a time, with the same
        `limit`, `cursor` and `sort` as `GET /v1/documents`. Follow `pagination.nextCursor` while
        `pagination.hasMore` is true; a `pagination` of `null` means the answer holds the whole list.

        Returns the success envelope (`.data`, `.meta`, `.pagination`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["list_templates"],
            _list_templates,
            TemplateListEnvelope,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
            ),
        )

    async def list_templates_detailed(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
    ) -> Response[ErrorEnvelope | TemplateListEnvelope]:
        """`list_templates` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["list_templates"],
            _list_templates,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
            ),
        )

    def iter_templates(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        sort: SortOrder | Unset = UNSET,
    ) -> AsyncIterator[TemplateSummary]:
        """List templates (`GET /v1/templates`, operationId `list_templates`).

        Returns the latest version of each template of the tenant, a page at a time, with the same
        `limit`, `cursor` and `sort` as `GET /v1/documents`. Follow `pagination.nextCursor` while
        `pagination.hasMore` is true; a `pagination` of `null` means the answer holds the whole list.

        Yields every item of every page, following `pagination.nextCursor` lazily, one request per page.
        """

        return self._paginate(
            OPERATIONS["list_templates"],
            _list_templates,
            TemplateListEnvelope,
            dict(
                limit=limit,
                cursor=cursor,
                sort=sort,
            ),
            lambda page: page.data,
        )

    async def create_template(
        self,
        *,
        body: TemplateInput,
        idempotency_key: str | Unset = UNSET,
    ) -> TemplateCreatedEnvelope:
        """Create a template (`POST /v1/templates`, operationId `create_template`).

        Creates a template at version 1. Then request a presigned URL to upload the PDF for that
        version.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["create_template"],
            _create_template,
            TemplateCreatedEnvelope,
            dict(
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    async def create_template_detailed(
        self,
        *,
        body: TemplateInput,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | TemplateCreatedEnvelope]:
        """`create_template` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["create_template"],
            _create_template,
            dict(
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    async def get_template(
        self,
        template_id: UUID | str,
    ) -> TemplateEnvelope:
        """Get the latest version of a template (`GET /v1/templates/{template_id}`, operationId `get_template`).

        Returns the current version of one template, with its fields.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["get_template"],
            _get_template,
            TemplateEnvelope,
            dict(
                template_id=template_id,
            ),
        )

    async def get_template_detailed(
        self,
        template_id: UUID | str,
    ) -> Response[ErrorEnvelope | TemplateEnvelope]:
        """`get_template` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["get_template"],
            _get_template,
            dict(
                template_id=template_id,
            ),
        )

    async def update_template(
        self,
        template_id: UUID | str,
        *,
        body: TemplateInput,
        idempotency_key: str | Unset = UNSET,
    ) -> TemplateVersionEnvelope:
        """Create a new version of a template (`PUT /v1/templates/{template_id}`, operationId `update_template`).

        Updates the template's metadata by creating the next version (never reusing a deleted number),
        on which you can then upload an updated PDF. The new version starts with a copy of the previous
        latest version's fields. Although it is a `PUT`, every call creates one more version, so it is
        not idempotent: do not retry it blindly.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["update_template"],
            _update_template,
            TemplateVersionEnvelope,
            dict(
                template_id=template_id,
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    async def update_template_detailed(
        self,
        template_id: UUID | str,
        *,
        body: TemplateInput,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | TemplateVersionEnvelope]:
        """`update_template` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["update_template"],
            _update_template,
            dict(
                template_id=template_id,
                body=body,
                idempotency_key=idempotency_key,
            ),
        )

    async def delete_template(
        self,
        template_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> EmptyEnvelope:
        """Delete a template (`DELETE /v1/templates/{template_id}`, operationId `delete_template`).

        Deletes every version of a template. Use it carefully: it affects history and future documents
        based on it. Documents already published keep working. The answer's `data` is `null`.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["delete_template"],
            _delete_template,
            EmptyEnvelope,
            dict(
                template_id=template_id,
                idempotency_key=idempotency_key,
            ),
        )

    async def delete_template_detailed(
        self,
        template_id: UUID | str,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[EmptyEnvelope | ErrorEnvelope]:
        """`delete_template` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["delete_template"],
            _delete_template,
            dict(
                template_id=template_id,
                idempotency_key=idempotency_key,
            ),
        )

    async def list_template_history(
        self,
        template_id: UUID | str,
    ) -> TemplateHistoryEnvelope:
        """List a template's versions (`GET /v1/templates/{template_id}/history`, operationId `list_template_history`).

        Returns every version of a template that has not been deleted, oldest first, for audit or
        operational rollback. Not paginated: every version is in this answer (`pagination` is `null`).

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["list_template_history"],
            _list_template_history,
            TemplateHistoryEnvelope,
            dict(
                template_id=template_id,
            ),
        )

    async def list_template_history_detailed(
        self,
        template_id: UUID | str,
    ) -> Response[ErrorEnvelope | TemplateHistoryEnvelope]:
        """`list_template_history` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["list_template_history"],
            _list_template_history,
            dict(
                template_id=template_id,
            ),
        )

    async def get_template_version(
        self,
        template_id: UUID | str,
        version: int,
    ) -> TemplateVersionEnvelope:
        """Get one version of a template (`GET /v1/templates/{template_id}/versions/{version}`, operationId `get_template_version`).

        Returns an exact template version, whatever the latest version is.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["get_template_version"],
            _get_template_version,
            TemplateVersionEnvelope,
            dict(
                template_id=template_id,
                version=version,
            ),
        )

    async def get_template_version_detailed(
        self,
        template_id: UUID | str,
        version: int,
    ) -> Response[ErrorEnvelope | TemplateVersionEnvelope]:
        """`get_template_version` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["get_template_version"],
            _get_template_version,
            dict(
                template_id=template_id,
                version=version,
            ),
        )

    async def delete_template_version(
        self,
        template_id: UUID | str,
        version: int,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> DeletedEnvelope:
        """Delete one version of a template (`DELETE /v1/templates/{template_id}/versions/{version}`, operationId `delete_template_version`).

        Deletes one version without touching the rest of the history. Deleting the latest version makes
        the previous one latest; the only remaining version cannot be deleted (delete the template
        instead). Numbers are never reused.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["delete_template_version"],
            _delete_template_version,
            DeletedEnvelope,
            dict(
                template_id=template_id,
                version=version,
                idempotency_key=idempotency_key,
            ),
        )

    async def delete_template_version_detailed(
        self,
        template_id: UUID | str,
        version: int,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[DeletedEnvelope | ErrorEnvelope]:
        """`delete_template_version` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["delete_template_version"],
            _delete_template_version,
            dict(
                template_id=template_id,
                version=version,
                idempotency_key=idempotency_key,
            ),
        )

    async def list_template_fields(
        self,
        template_id: UUID | str,
    ) -> TemplateFieldListEnvelope:
        """Get the signable fields of a template (`GET /v1/templates/{template_id}/fields`, operationId `list_template_fields`).

        Returns the signable or fillable fields of the template's latest version, with every property
        stored. Not paginated: every field is in this answer (`pagination` is `null`).

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["list_template_fields"],
            _list_template_fields,
            TemplateFieldListEnvelope,
            dict(
                template_id=template_id,
            ),
        )

    async def list_template_fields_detailed(
        self,
        template_id: UUID | str,
    ) -> Response[ErrorEnvelope | TemplateFieldListEnvelope]:
        """`list_template_fields` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["list_template_fields"],
            _list_template_fields,
            dict(
                template_id=template_id,
            ),
        )

    async def set_template_fields(
        self,
        template_id: UUID | str,
        *,
        body: list[TemplateField],
    ) -> TemplateFieldsUpdatedEnvelope:
        """Replace the signable fields of a template (`PUT /v1/templates/{template_id}/fields`, operationId `set_template_fields`).

        Overwrites the field definition of the template's latest version with the list sent (an empty
        list removes every field). It does not create a version. `page`, `x` and `y` are optional and
        stored; the answer lists each field's name, type and page, and `GET .../fields` returns every
        property stored.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["set_template_fields"],
            _set_template_fields,
            TemplateFieldsUpdatedEnvelope,
            dict(
                template_id=template_id,
                body=body,
            ),
        )

    async def set_template_fields_detailed(
        self,
        template_id: UUID | str,
        *,
        body: list[TemplateField],
    ) -> Response[ErrorEnvelope | TemplateFieldsUpdatedEnvelope]:
        """`set_template_fields` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["set_template_fields"],
            _set_template_fields,
            dict(
                template_id=template_id,
                body=body,
            ),
        )

    async def create_template_upload_url(
        self,
        template_id: UUID | str,
        version: int,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> UploadUrlEnvelope:
        """Get a URL to upload a version's PDF (`POST /v1/templates/{template_id}/versions/{version}/upload-url`, operationId `create_template_upload_url`).

        Returns a presigned storage URL for the PDF of one template version. The upload itself goes
        straight to storage: `PUT` the bytes to `uploadUrl` before it expires. Uploading again replaces
        the file.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["create_template_upload_url"],
            _create_template_upload_url,
            UploadUrlEnvelope,
            dict(
                template_id=template_id,
                version=version,
                idempotency_key=idempotency_key,
            ),
        )

    async def create_template_upload_url_detailed(
        self,
        template_id: UUID | str,
        version: int,
        *,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[ErrorEnvelope | UploadUrlEnvelope]:
        """`create_template_upload_url` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["create_template_upload_url"],
            _create_template_upload_url,
            dict(
                template_id=template_id,
                version=version,
                idempotency_key=idempotency_key,
            ),
        )

    async def get_template_download_url(
        self,
        template_id: UUID | str,
        version: int,
    ) -> DownloadUrlEnvelope:
        """Get a URL to download a version's PDF (`GET /v1/templates/{template_id}/versions/{version}/download-url`, operationId `get_template_download_url`).

        Returns a presigned storage URL from which to download the PDF stored for one template version.
        When no PDF was uploaded yet, the URL answers 404 from storage.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["get_template_download_url"],
            _get_template_download_url,
            DownloadUrlEnvelope,
            dict(
                template_id=template_id,
                version=version,
            ),
        )

    async def get_template_download_url_detailed(
        self,
        template_id: UUID | str,
        version: int,
    ) -> Response[DownloadUrlEnvelope | ErrorEnvelope]:
        """`get_template_download_url` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["get_template_download_url"],
            _get_template_download_url,
            dict(
                template_id=template_id,
                version=version,
            ),
        )

    async def upload_template_pdf(self, template_id: UUID | str, version: int, pdf: PdfSource) -> UploadUrl:
        """Upload a template version's PDF in one call: request a presigned URL, PUT the bytes
        (a path, bytes or a binary file) and check storage's answer (StorageError if it refused)."""
        target = (await self.create_template_upload_url(template_id, version)).data
        await self._put_pdf(target.upload_url, pdf)
        return target

    async def download_template_pdf(self, template_id: UUID | str, version: int) -> bytes:
        """The PDF of a template version: request a presigned URL and GET it (StorageError
        when storage has none, for example before any upload)."""
        target = (await self.get_template_download_url(template_id, version)).data
        return await self._get_pdf(target.download_url)


class SignlyAdminClient(SyncAdminBase):
    """The partner configuration bootstrap (`/api`) with the Signly App session token,
    blocking: `SignlyAdminClient(token=..., base_url=...)` (or SIGNLY_ADMIN_TOKEN)."""

    def get_api_integration(
        self,
    ) -> ApiIntegrationEnvelope:
        """Get the tenant's partner configuration (`GET /api`, operationId `get_api_integration`).

        Consumed from Signly App to check whether the tenant already has a partner credential and which
        method it uses. It is configuration bootstrap, not the M2M authentication channel: it takes the
        administrative session, never a partner key. The session token identifies the tenant.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(OPERATIONS["get_api_integration"], _get_api_integration, ApiIntegrationEnvelope, dict())

    def get_api_integration_detailed(
        self,
    ) -> Response[ApiIntegrationEnvelope | ErrorEnvelope]:
        """`get_api_integration` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(OPERATIONS["get_api_integration"], _get_api_integration, dict())

    def create_api_integration(
        self,
        *,
        body: CreateApiIntegrationRequest,
    ) -> ApiIntegrationCreatedEnvelope:
        """Create a partner credential (`POST /api`, operationId `create_api_integration`).

        Generates the credential your backend will send in `X-Auth-Signly`. `KEY` and `HMAC` are open;
        `JWT` exists in the authorizer but is refused here with `invalid_auth_method`. The secret is in
        this response only. A tenant has one credential: while it exists, creating another is a 409
        `api_integration_exists` and the live credential keeps working. To rotate, revoke it with
        `DELETE /api`, then create the new one.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(
            OPERATIONS["create_api_integration"],
            _create_api_integration,
            ApiIntegrationCreatedEnvelope,
            dict(
                body=body,
            ),
        )

    def create_api_integration_detailed(
        self,
        *,
        body: CreateApiIntegrationRequest,
    ) -> Response[ApiIntegrationCreatedEnvelope | ErrorEnvelope]:
        """`create_api_integration` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(
            OPERATIONS["create_api_integration"],
            _create_api_integration,
            dict(
                body=body,
            ),
        )

    def delete_api_integration(
        self,
    ) -> DeletedEnvelope:
        """Revoke the partner credential (`DELETE /api`, operationId `delete_api_integration`).

        Deletes the tenant's partner configuration. Your backend can no longer authenticate with the
        revoked credential, from the next request on; `GET /api` then answers 404.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return self._call(OPERATIONS["delete_api_integration"], _delete_api_integration, DeletedEnvelope, dict())

    def delete_api_integration_detailed(
        self,
    ) -> Response[DeletedEnvelope | ErrorEnvelope]:
        """`delete_api_integration` as the generated `sync_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return self._call_detailed(OPERATIONS["delete_api_integration"], _delete_api_integration, dict())


class AsyncSignlyAdminClient(AsyncAdminBase):
    """The partner configuration bootstrap (`/api`) on asyncio."""

    async def get_api_integration(
        self,
    ) -> ApiIntegrationEnvelope:
        """Get the tenant's partner configuration (`GET /api`, operationId `get_api_integration`).

        Consumed from Signly App to check whether the tenant already has a partner credential and which
        method it uses. It is configuration bootstrap, not the M2M authentication channel: it takes the
        administrative session, never a partner key. The session token identifies the tenant.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(OPERATIONS["get_api_integration"], _get_api_integration, ApiIntegrationEnvelope, dict())

    async def get_api_integration_detailed(
        self,
    ) -> Response[ApiIntegrationEnvelope | ErrorEnvelope]:
        """`get_api_integration` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(OPERATIONS["get_api_integration"], _get_api_integration, dict())

    async def create_api_integration(
        self,
        *,
        body: CreateApiIntegrationRequest,
    ) -> ApiIntegrationCreatedEnvelope:
        """Create a partner credential (`POST /api`, operationId `create_api_integration`).

        Generates the credential your backend will send in `X-Auth-Signly`. `KEY` and `HMAC` are open;
        `JWT` exists in the authorizer but is refused here with `invalid_auth_method`. The secret is in
        this response only. A tenant has one credential: while it exists, creating another is a 409
        `api_integration_exists` and the live credential keeps working. To rotate, revoke it with
        `DELETE /api`, then create the new one.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(
            OPERATIONS["create_api_integration"],
            _create_api_integration,
            ApiIntegrationCreatedEnvelope,
            dict(
                body=body,
            ),
        )

    async def create_api_integration_detailed(
        self,
        *,
        body: CreateApiIntegrationRequest,
    ) -> Response[ApiIntegrationCreatedEnvelope | ErrorEnvelope]:
        """`create_api_integration` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(
            OPERATIONS["create_api_integration"],
            _create_api_integration,
            dict(
                body=body,
            ),
        )

    async def delete_api_integration(
        self,
    ) -> DeletedEnvelope:
        """Revoke the partner credential (`DELETE /api`, operationId `delete_api_integration`).

        Deletes the tenant's partner configuration. Your backend can no longer authenticate with the
        revoked credential, from the next request on; `GET /api` then answers 404.

        Returns the success envelope (`.data`, `.meta`); an error answer raises its signly_client.errors.SignlyError subclass.
        """

        return await self._call(OPERATIONS["delete_api_integration"], _delete_api_integration, DeletedEnvelope, dict())

    async def delete_api_integration_detailed(
        self,
    ) -> Response[DeletedEnvelope | ErrorEnvelope]:
        """`delete_api_integration` as the generated `asyncio_detailed`: the raw Response (status, headers, content, parsed), retried but never raised."""
        return await self._call_detailed(OPERATIONS["delete_api_integration"], _delete_api_integration, dict())
