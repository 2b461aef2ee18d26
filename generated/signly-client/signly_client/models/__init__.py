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
from .error_envelope import ErrorEnvelope
from .error_info import ErrorInfo
from .error_info_details import ErrorInfoDetails
from .error_info_type import ErrorInfoType
from .extend_deadline_request import ExtendDeadlineRequest
from .flow_policy import FlowPolicy
from .flow_policy_on_participant_fail import FlowPolicyOnParticipantFail
from .meta import Meta
from .order_mode import OrderMode
from .pagination import Pagination
from .participant import Participant
from .participant_identity import ParticipantIdentity
from .participant_policy import ParticipantPolicy
from .participant_status import ParticipantStatus
from .process_event import ProcessEvent
from .process_event_list_envelope import ProcessEventListEnvelope
from .process_event_notification import ProcessEventNotification
from .process_event_status import ProcessEventStatus
from .publish_document_request import PublishDocumentRequest
from .publish_document_request_metadata import PublishDocumentRequestMetadata
from .published_document import PublishedDocument
from .published_document_envelope import PublishedDocumentEnvelope
from .resent_invitation import ResentInvitation
from .resent_invitation_envelope import ResentInvitationEnvelope
from .signature_mode import SignatureMode
from .sort_order import SortOrder
from .success_envelope import SuccessEnvelope
from .template import Template
from .template_created import TemplateCreated
from .template_created_envelope import TemplateCreatedEnvelope
from .template_envelope import TemplateEnvelope
from .template_field import TemplateField
from .template_field_list_envelope import TemplateFieldListEnvelope
from .template_history_envelope import TemplateHistoryEnvelope
from .template_input import TemplateInput
from .template_list_envelope import TemplateListEnvelope
from .template_summary import TemplateSummary
from .template_version import TemplateVersion
from .template_version_envelope import TemplateVersionEnvelope
from .template_version_ref import TemplateVersionRef
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
    "ErrorEnvelope",
    "ErrorInfo",
    "ErrorInfoDetails",
    "ErrorInfoType",
    "ExtendDeadlineRequest",
    "FlowPolicy",
    "FlowPolicyOnParticipantFail",
    "Meta",
    "OrderMode",
    "Pagination",
    "Participant",
    "ParticipantIdentity",
    "ParticipantPolicy",
    "ParticipantStatus",
    "ProcessEvent",
    "ProcessEventListEnvelope",
    "ProcessEventNotification",
    "ProcessEventStatus",
    "PublishDocumentRequest",
    "PublishDocumentRequestMetadata",
    "PublishedDocument",
    "PublishedDocumentEnvelope",
    "ResentInvitation",
    "ResentInvitationEnvelope",
    "SignatureMode",
    "SortOrder",
    "SuccessEnvelope",
    "Template",
    "TemplateCreated",
    "TemplateCreatedEnvelope",
    "TemplateEnvelope",
    "TemplateField",
    "TemplateFieldListEnvelope",
    "TemplateHistoryEnvelope",
    "TemplateInput",
    "TemplateListEnvelope",
    "TemplateSummary",
    "TemplateVersion",
    "TemplateVersionEnvelope",
    "TemplateVersionRef",
    "UploadUrl",
    "UploadUrlEnvelope",
)
