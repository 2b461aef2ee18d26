"""The sandbox's state in SQLite: one module per resource behind the `Store` facade.

db (connection, schema version, transactions), credentials (tenants, credentials,
credits), templates, documents (with the participant state machine), events, outbox
(webhook endpoints and deliveries until acknowledged), deliveries (the log of attempts),
idempotency (keys and the answers they replay), pagination (keyset pages and cursors).
The store hands out records; shaping them into API answers is views.py's job.
"""

from signly_sandbox.state.credentials import PartnerCredential, secret_hash
from signly_sandbox.state.db import (
    DB_FILE_NAME,
    SCHEMA_VERSION,
    Record,
    SchemaVersionMismatch,
    StateFileError,
)
from signly_sandbox.state.events import StoredEvent
from signly_sandbox.state.facade import Store
from signly_sandbox.state.pagination import Page

__all__ = [
    "DB_FILE_NAME",
    "SCHEMA_VERSION",
    "Page",
    "PartnerCredential",
    "Record",
    "SchemaVersionMismatch",
    "StateFileError",
    "Store",
    "StoredEvent",
    "secret_hash",
]
