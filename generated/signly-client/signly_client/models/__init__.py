"""Contains all the data models used in inputs/outputs"""

from .api_integration import ApiIntegration
from .api_integration_created import ApiIntegrationCreated
from .api_integration_created_envelope import ApiIntegrationCreatedEnvelope
from .api_integration_envelope import ApiIntegrationEnvelope
from .api_integration_status import ApiIntegrationStatus
from .auth_method import AuthMethod
from .cancelled_document import CancelledDocument
from .cancelled_document_envelope import CancelledDocumentEnvelope
from .create_api_integration_request import CreateApiIntegrationRequest
from .deleted import Deleted
from .deleted_envelope import DeletedEnvelope
from .document import Document
from .document_deadline import DocumentDeadline
from .document_deadline_envelope import DocumentDeadlineEnvelope
from .document_envelope import DocumentEnvelope
from .document_flow_policy import DocumentFlowPolicy
from .document_list_envelope import DocumentListEnvelope
from .document_list_item import DocumentListItem
from .document_metadata import DocumentMetadata
from .document_participant import DocumentParticipant
from .document_status import DocumentStatus
from .document_summary import DocumentSummary
from .document_summary_envelope import DocumentSummaryEnvelope
from .download_url import DownloadUrl
from .download_url_envelope import DownloadUrlEnvelope
from .empty_envelope import EmptyEnvelope
from .error_code import ErrorCode
from .error_envelope import ErrorEnvelope
from .error_info import ErrorInfo
from .error_info_details import ErrorInfoDetails
from .error_type import ErrorType
from .event_actor import EventActor
from .event_status import EventStatus
from .event_type import EventType
from .extend_deadline_request import ExtendDeadlineRequest
from .field_type import FieldType
from .flow_policy import FlowPolicy
from .meta import Meta
from .order_mode import OrderMode
from .pagination import Pagination
from .participant import Participant
from .participant_fail_policy import ParticipantFailPolicy
from .participant_identity import ParticipantIdentity
from .participant_policy import ParticipantPolicy
from .participant_status import ParticipantStatus
from .process_event import ProcessEvent
from .process_event_list_envelope import ProcessEventListEnvelope
from .process_event_notification import ProcessEventNotification
from .publish_document_request import PublishDocumentRequest
from .publish_document_request_metadata import PublishDocumentRequestMetadata
from .published_document import PublishedDocument
from .published_document_envelope import PublishedDocumentEnvelope
from .published_participant import PublishedParticipant
from .resent_invitation import ResentInvitation
from .resent_invitation_envelope import ResentInvitationEnvelope
from .signature_mode import SignatureMode
from .sort_order import SortOrder
from .stored_template_field import StoredTemplateField
from .success_envelope import SuccessEnvelope
from .template import Template
from .template_created import TemplateCreated
from .template_created_envelope import TemplateCreatedEnvelope
from .template_envelope import TemplateEnvelope
from .template_field import TemplateField
from .template_field_list_envelope import TemplateFieldListEnvelope
from .template_fields_updated_envelope import TemplateFieldsUpdatedEnvelope
from .template_history_envelope import TemplateHistoryEnvelope
from .template_input import TemplateInput
from .template_list_envelope import TemplateListEnvelope
from .template_summary import TemplateSummary
from .template_version import TemplateVersion
from .template_version_envelope import TemplateVersionEnvelope
from .template_version_ref import TemplateVersionRef
from .updated_template_field import UpdatedTemplateField
from .upload_url import UploadUrl
from .upload_url_envelope import UploadUrlEnvelope

__all__ = (
    "ApiIntegration",
    "ApiIntegrationCreated",
    "ApiIntegrationCreatedEnvelope",
    "ApiIntegrationEnvelope",
    "ApiIntegrationStatus",
    "AuthMethod",
    "CancelledDocument",
    "CancelledDocumentEnvelope",
    "CreateApiIntegrationRequest",
    "Deleted",
    "DeletedEnvelope",
    "Document",
    "DocumentDeadline",
    "DocumentDeadlineEnvelope",
    "DocumentEnvelope",
    "DocumentFlowPolicy",
    "DocumentListEnvelope",
    "DocumentListItem",
    "DocumentMetadata",
    "DocumentParticipant",
    "DocumentStatus",
    "DocumentSummary",
    "DocumentSummaryEnvelope",
    "DownloadUrl",
    "DownloadUrlEnvelope",
    "EmptyEnvelope",
    "ErrorCode",
    "ErrorEnvelope",
    "ErrorInfo",
    "ErrorInfoDetails",
    "ErrorType",
    "EventActor",
    "EventStatus",
    "EventType",
    "ExtendDeadlineRequest",
    "FieldType",
    "FlowPolicy",
    "Meta",
    "OrderMode",
    "Pagination",
    "Participant",
    "ParticipantFailPolicy",
    "ParticipantIdentity",
    "ParticipantPolicy",
    "ParticipantStatus",
    "ProcessEvent",
    "ProcessEventListEnvelope",
    "ProcessEventNotification",
    "PublishDocumentRequest",
    "PublishDocumentRequestMetadata",
    "PublishedDocument",
    "PublishedDocumentEnvelope",
    "PublishedParticipant",
    "ResentInvitation",
    "ResentInvitationEnvelope",
    "SignatureMode",
    "SortOrder",
    "StoredTemplateField",
    "SuccessEnvelope",
    "Template",
    "TemplateCreated",
    "TemplateCreatedEnvelope",
    "TemplateEnvelope",
    "TemplateField",
    "TemplateFieldListEnvelope",
    "TemplateFieldsUpdatedEnvelope",
    "TemplateHistoryEnvelope",
    "TemplateInput",
    "TemplateListEnvelope",
    "TemplateSummary",
    "TemplateVersion",
    "TemplateVersionEnvelope",
    "TemplateVersionRef",
    "UpdatedTemplateField",
    "UploadUrl",
    "UploadUrlEnvelope",
)
