"""The request journal: each tenant's recent requests, newest first, bounded in memory
(`GET /_sandbox/requests`).

An ASGI layer around the sandbox records every answered request once its response is
sent: method, path, operationId, status, code, request id, duration and, for refused
ones, the error's details (the validation messages of a 400). A request is the tenant's
when it authenticated as the tenant, or, refused before that (401, an unknown route),
when its `X-Tenant-Signly` names a tenant the sandbox has (D42). Only error bodies are
read back, and the time is formatted when the journal is read, so a successful read costs
a clock read, a timer read and one append.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import datetime
from typing import Any, NamedTuple

import orjson

from signly_sandbox.clock import Clock

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Keys the sandbox puts in the ASGI scope as it serves a request (app.py).
OPERATION_KEY = "signly.operation"
TENANT_KEY = "signly.tenant"
REQUEST_ID_KEY = "signly.request_id"
MAX_TENANTS = 10_000
MAX_ERROR_BODY = 64 * 1024


class Entry(NamedTuple):  # a tuple: built on every request, cheaper than a dataclass
    request_id: str
    method: str
    path: str
    query: str
    operation_id: str | None
    status: int
    code: str | None
    error: Any
    duration_ms: float
    received_at: datetime


class Journal:
    """Per tenant, the last `size` requests (a bounded deque each; tenants bounded too)."""

    def __init__(self, clock: Clock, size: int = 500, enabled: bool = True) -> None:
        self.clock = clock
        self.size = size
        self.enabled = enabled
        self._entries: dict[str, deque[Entry]] = {}
        self._lock = threading.Lock()

    def record(self, tenant_id: str, entry: Entry) -> None:
        with self._lock:
            entries = self._entries.get(tenant_id)
            if entries is None:
                if len(self._entries) >= MAX_TENANTS:
                    return
                entries = self._entries[tenant_id] = deque(maxlen=self.size)
            entries.append(entry)

    def recent(self, tenant_id: str, limit: int, operation_id: str | None = None) -> list[Entry]:
        """Newest first."""
        with self._lock:
            entries = list(self._entries.get(tenant_id, ()))
        found = []
        for entry in reversed(entries):
            if operation_id is None or entry.operation_id == operation_id:
                found.append(entry)
                if len(found) >= limit:
                    break
        return found

    def forget(self, tenant_id: str) -> None:
        with self._lock:
            self._entries.pop(tenant_id, None)


class JournalLayer:
    """ASGI middleware recording each HTTP exchange in the journal."""

    def __init__(self, app: ASGIApp, journal: Journal, known_tenant: Callable[[str], bool]) -> None:
        self.app = app
        self.journal = journal
        self.known_tenant = known_tenant

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.journal.enabled:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        received_at = self.journal.clock.now()
        status = 500
        error_chunks: list[bytes] | None = None

        async def recording_send(message: Message) -> None:
            nonlocal status, error_chunks
            if message["type"] == "http.response.start":
                status = int(message["status"])
                if REQUEST_ID_KEY not in scope:  # answered before the operation was known
                    for name, value in message.get("headers", ()):
                        if name.lower() == b"x-request-id":
                            scope[REQUEST_ID_KEY] = value.decode("latin-1")
                if status >= 400:
                    error_chunks = []
            elif error_chunks is not None and sum(map(len, error_chunks)) < MAX_ERROR_BODY:
                error_chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            self._record(scope, status, error_chunks, started, received_at)

    def _record(
        self,
        scope: Scope,
        status: int,
        error_chunks: list[bytes] | None,
        started: float,
        received_at: datetime,
    ) -> None:
        tenant_id = scope.get(TENANT_KEY)
        if not tenant_id:
            tenant_id = _header(scope, b"x-tenant-signly")
            if not tenant_id or not self.known_tenant(tenant_id):
                return
        code: str | None = None
        error: Any = None
        if error_chunks is not None:
            try:
                body = orjson.loads(b"".join(error_chunks))
            except orjson.JSONDecodeError:
                body = None
            if isinstance(body, dict):
                code = body.get("code") if isinstance(body.get("code"), str) else None
                info = body.get("error")
                error = info.get("details") if isinstance(info, dict) else None
        self.journal.record(
            tenant_id,
            Entry(
                scope.get(REQUEST_ID_KEY, ""),
                scope.get("method", ""),
                scope.get("path", ""),
                scope.get("query_string", b"").decode("latin-1"),
                scope.get(OPERATION_KEY),
                status,
                code,
                error,
                round((time.perf_counter() - started) * 1000, 3),
                received_at,
            ),
        )


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1")).strip()
    return None
