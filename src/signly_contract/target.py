"""The server under test: where it is, who we are on it, and what we may do there.

Why one object: every test (schemathesis phases, our properties, the fault catalogue) needs
the same answers — base URL, the primary identity, maybe a second tenant for isolation, an
admin session, whether the sandbox's `/_sandbox` controls exist — and the answers differ
between the embedded sandbox (we seed three tenants: the page's, a second one for isolation
and a third whose partner credential the `/api` fuzzing may revoke; the environment is never
read) and a live server (`--base-url`: whatever SIGNLY_* gives us).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from signly_contract.settings import MASK, Identity, RunSettings, identity_from_env

PAGE_TENANT = Identity(
    "58bff266-cdad-46db-b373-1b06476146cd", "sk_live_partner_abc123", "eyJhbGciOi...", "page tenant"
)
SECOND_TENANT = Identity(
    "7c1d4a52-2f6e-4b8a-9d3c-5e7f8a9b0c1d",
    "sk_test_partner_second456",
    "eyJzZWNvbmQtdGVuYW50...",
    "second tenant",
)
ADMIN_PLAYGROUND = Identity(
    "0b7e9f3a-41c2-4d5e-8a6b-2c3d4e5f6a7b",
    "sk_test_partner_playground789",
    "eyJwbGF5Z3JvdW5kLXRlbmFudA...",
    "admin playground tenant",
)


@dataclass
class Target:
    """A running server and the identities the suite uses on it."""

    base_url: str
    primary: Identity
    settings: RunSettings
    other: Identity | None = None
    admin: Identity | None = None
    sandbox_controls: bool = False
    created_templates: list[str] = field(default_factory=list)
    created_documents: list[str] = field(default_factory=list)

    @property
    def can_write(self) -> bool:
        return not self.settings.read_only

    @property
    def can_publish(self) -> bool:
        return self.can_write and not self.settings.no_billable


def register_secrets(*identities: Identity | None) -> None:
    names = ["SIGNLY", "SIGNLY_OTHER", "SIGNLY_ADMIN_TENANT"]
    for name, identity in zip(names, identities, strict=False):
        if identity is not None:
            MASK.add_identity(identity, name)
            MASK.add(identity.tenant_id, f"${name}_TENANT_ID")


def sandbox_config(primary: Identity = PAGE_TENANT, data_dir: Any = None) -> Any:
    """A sandbox configuration seeding the primary, second and admin-playground tenants."""
    from signly_sandbox.config import SandboxConfig, TenantSeed

    seeds = []
    for index, identity in enumerate((primary, SECOND_TENANT, ADMIN_PLAYGROUND)):
        assert identity.admin_token is not None
        key_id = f"pk_01J8XQ8B0P8XSH6M3B2P0N5W{index}A"
        seeds.append(TenantSeed(identity.tenant_id, identity.api_key, identity.admin_token, key_id))
    return SandboxConfig(tenants=tuple(seeds), data_dir=data_dir)


def embedded_app(
    wrap: Callable[[Any], Any] | None = None, *, primary: Identity = PAGE_TENANT, **create: Any
) -> Any:
    """The sandbox's ASGI app (optionally wrapped by a fault), seeded for the suite."""
    from signly_sandbox import create_app

    app = create_app(sandbox_config(primary), **create)
    return wrap(app) if wrap is not None else app


@contextmanager
def open_target(
    settings: RunSettings,
    tenant_override: str | None = None,
    app_factory: Callable[[], Any] | None = None,
) -> Iterator[Target]:
    """Start the embedded sandbox (or use --base-url) and describe it as a Target.

    Only `--base-url` mode reads credentials from the environment (and `tenant_override`,
    the `--tenant-id` option); the embedded sandbox is always its seeded tenants."""
    from signly_contract.agreement import forget_clock
    from signly_contract.server import serve

    if settings.base_url is not None:
        primary = identity_from_env(tenant_override)
        if primary is None:
            raise RuntimeError(
                "--base-url needs credentials in the environment: SIGNLY_TENANT_ID (or "
                "--tenant-id) and SIGNLY_API_KEY; SIGNLY_ADMIN_TOKEN for --include-admin"
            )
        other = _other_from_env()
        register_secrets(primary, other)
        forget_clock(settings.base_url)
        yield Target(
            settings.base_url.rstrip("/"),
            primary,
            settings,
            other=other,
            admin=primary if primary.admin_token else None,
        )
        return
    # The embedded sandbox seeds its own tenants: no credential comes from the environment,
    # so a developer's SIGNLY_* settings (for a live server) cannot change what is checked here.
    primary = PAGE_TENANT
    register_secrets(primary, SECOND_TENANT, ADMIN_PLAYGROUND)
    app = app_factory() if app_factory is not None else embedded_app(primary=primary)
    with serve(app) as base_url:
        forget_clock(base_url)
        yield Target(
            base_url,
            primary,
            settings,
            other=SECOND_TENANT,
            admin=ADMIN_PLAYGROUND,
            sandbox_controls=True,
        )


def _other_from_env() -> Identity | None:
    """A second tenant on a live server (optional): SIGNLY_OTHER_TENANT_ID / _API_KEY."""
    tenant = os.environ.get("SIGNLY_OTHER_TENANT_ID")
    key = os.environ.get("SIGNLY_OTHER_API_KEY")
    return Identity(tenant, key, None, "other tenant") if tenant and key else None
