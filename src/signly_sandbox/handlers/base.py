"""What a handler receives and returns. Handlers are thin: validated input in, a store call,
a view (views.py) of its record, a `Reply` out; the envelope and every error body are built
elsewhere (envelope.py, errors.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import Clock
from signly_sandbox.config import SandboxConfig
from signly_sandbox.state import Store
from signly_sandbox.webhooks import WebhookDispatcher

if TYPE_CHECKING:
    from signly_sandbox.workbench import Workbench


@dataclass(frozen=True)
class Services:
    """The sandbox's replaceable parts, shared by every handler."""

    config: SandboxConfig
    store: Store
    clock: Clock
    blobs: BlobStore
    webhooks: WebhookDispatcher
    workbench: Workbench | None = None


@dataclass(frozen=True)
class Call:
    """One validated request: the authenticated tenant and the spec-checked inputs."""

    tenant_id: str
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any


@dataclass(frozen=True)
class Reply:
    status: int
    code: str
    message: str
    data: Any = None
    pagination: dict[str, Any] | None = None


Handler = Callable[[Services, Call], Awaitable[Reply]]
