"""Python client of the Signly Partner API, generated from its OpenAPI spec.

from signly_client import SignlyClient

with SignlyClient(tenant_id=..., api_key=...) as client:  # or SIGNLY_* env variables
    for document in client.iter_documents(status="IN_PROGRESS"):
        print(document.document_id, document.status)

event = webhooks.verify(raw_body, headers, "whsec_...")  # a webhook delivery, checked
"""

from . import errors, webhooks
from ._runtime import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, Operation, PdfSource, RetryPolicy
from .api import OPERATIONS, AsyncSignlyAdminClient, AsyncSignlyClient, SignlyAdminClient, SignlyClient
from .client import AuthenticatedClient, Client
from .errors import (
    AuthenticationError,
    ConflictError,
    ConnectionError,
    InsufficientCreditsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    SignlyError,
    StorageError,
    TimeoutError,
    ValidationError,
)

__all__ = (
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "OPERATIONS",
    "AsyncSignlyAdminClient",
    "AsyncSignlyClient",
    "AuthenticatedClient",
    "AuthenticationError",
    "Client",
    "ConflictError",
    "ConnectionError",
    "InsufficientCreditsError",
    "NotFoundError",
    "Operation",
    "PdfSource",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "ServerError",
    "SignlyAdminClient",
    "SignlyClient",
    "SignlyError",
    "StorageError",
    "TimeoutError",
    "ValidationError",
    "errors",
    "webhooks",
)
