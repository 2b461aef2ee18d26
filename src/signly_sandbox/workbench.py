"""The partner's test bench: what the sandbox adds to the API for testing a client.

One object per sandbox, shared by the request path and the `/_sandbox` controls: the
sandbox clock and what follows it (deadlines, scripted participants), failures on demand
(`Prefer`, fault rules, the rate limit), the request journal, CORS, and the fixture world
a reset gives back. The request path calls it twice: `check_time` before authentication
(reads never see a document past its deadline as active) and `before` after it (a
simulated answer instead of the operation, or a real 429).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import Clock
from signly_sandbox.config import SandboxConfig
from signly_sandbox.cors import CorsLayer
from signly_sandbox.deadlines import TimeKeeper
from signly_sandbox.faults import Faults, compile_answers
from signly_sandbox.fixtures import ReferenceWorld
from signly_sandbox.journal import TENANT_KEY, Journal, JournalLayer
from signly_sandbox.state import Store

ASGIApp = Callable[[Any, Any, Any], Awaitable[None]]


class Workbench:
    def __init__(
        self,
        config: SandboxConfig,
        document: dict[str, Any],
        store: Store,
        clock: Clock,
        blobs: BlobStore,
        world: ReferenceWorld | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self.blobs = blobs
        self.world = world
        self.faults = Faults(
            compile_answers(document),
            clock,
            enabled=config.faults,
            rate_limit=config.rate_limit,
            retry_after_seconds=config.retry_after_seconds,
        )
        self.journal = Journal(clock, config.journal_size, enabled=config.journal)
        self.time = TimeKeeper(store, clock)

    def check_time(self) -> None:
        self.time.check()

    async def before(
        self, operation_id: str, request: Request, tenant_id: str, request_id: str
    ) -> Response | None:
        request.scope[TENANT_KEY] = tenant_id
        return await self.faults.intercept(operation_id, request.headers, tenant_id, request_id)

    def restore(self, tenant_id: str) -> None:
        """After a reset: the fixture world's tenant gets its world back."""
        self.time.forget(tenant_id)
        if self.world is not None and self.world.tenant_id == tenant_id:
            self.world.load(self.store, self.blobs)
            self.time.run_due()

    def wrap(self, app: ASGIApp) -> ASGIApp:
        """The journal around the sandbox, CORS around both (preflights are not journaled)."""
        wrapped = app
        if self.journal.enabled:
            wrapped = JournalLayer(app, self.journal, self._known_tenant)
        if self.config.cors_origins:
            wrapped = CorsLayer(wrapped, self.config.cors_origins)
        return wrapped

    def _known_tenant(self, tenant_id: str) -> bool:
        return self.store.credential_for_tenant(tenant_id) is not None

    async def start(self) -> None:
        await self.time.start()

    async def close(self) -> None:
        await self.time.close()
