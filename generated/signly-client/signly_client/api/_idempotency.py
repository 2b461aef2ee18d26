"""Which operations may be retried safely: by HTTP method (RFC 9110) unless the spec
says `x-idempotent`. Generated from the API description; do not edit."""

IDEMPOTENT: dict[str, bool] = {
    "cancel_document": True,
    "create_api_integration": False,
    "create_template": False,
    "create_template_upload_url": False,
    "delete_api_integration": True,
    "delete_template": True,
    "delete_template_version": True,
    "extend_document_deadline": False,
    "get_api_integration": True,
    "get_document": True,
    "get_document_summary": True,
    "get_template": True,
    "get_template_download_url": True,
    "get_template_version": True,
    "list_documents": True,
    "list_process_events": True,
    "list_template_fields": True,
    "list_template_history": True,
    "list_templates": True,
    "publish_document": False,
    "resend_invitation": False,
    "set_template_fields": True,
    "update_template": False,
}
