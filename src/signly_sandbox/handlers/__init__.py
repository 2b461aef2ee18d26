"""The handler table: one async handler per spec operationId."""

from __future__ import annotations

import inspect

from signly_sandbox.handlers import admin, documents, sandbox, templates, workbench
from signly_sandbox.handlers.base import Call, Handler, Reply, Services

HANDLERS: dict[str, Handler] = {
    name: getattr(module, name)
    for module in (admin, templates, documents, sandbox, workbench)
    for name in dir(module)
    if not name.startswith("_")
    and inspect.iscoroutinefunction(getattr(module, name))
    and getattr(module, name).__module__ == module.__name__
}

__all__ = ["HANDLERS", "Call", "Handler", "Reply", "Services"]
