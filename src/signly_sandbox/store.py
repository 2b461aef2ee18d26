"""The import path older code and the tests use; the store lives in `signly_sandbox.state`."""

from signly_sandbox.state import DB_FILE_NAME, Page, Store, StoredEvent

__all__ = ["DB_FILE_NAME", "Page", "Store", "StoredEvent"]
