"""The run's settings and credentials, with secrets that never reach output.

Why a separate type for credentials: the suite prints curl lines and responses, and the
easiest leak is a `repr()` of a settings object in a traceback. `Identity` masks itself, and
`Masker` turns every secret it knows back into the environment variable that holds it, so a
printed curl line is safe to paste into a ticket and still runnable by whoever has the env.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

ENV_TENANT = "SIGNLY_TENANT_ID"
ENV_KEY = "SIGNLY_API_KEY"
ENV_ADMIN = "SIGNLY_ADMIN_TOKEN"


@dataclass(frozen=True)
class Identity:
    """One tenant's credentials: its id, partner key and (optionally) admin session token."""

    tenant_id: str
    api_key: str = field(repr=False)
    admin_token: str | None = field(default=None, repr=False)
    label: str = "tenant"

    def partner_headers(self) -> dict[str, str]:
        return {"X-Tenant-Signly": self.tenant_id, "X-Auth-Signly": self.api_key}

    def admin_headers(self) -> dict[str, str]:
        if self.admin_token is None:
            raise LookupError(f"no admin session token for {self.label}; set {ENV_ADMIN}")
        return {"X-Auth-Signly": f"Bearer {self.admin_token}"}

    def with_key(self, api_key: str) -> Identity:
        return Identity(self.tenant_id, api_key, self.admin_token, self.label)


@dataclass(frozen=True)
class RunSettings:
    """What the command line and the environment asked for."""

    base_url: str | None
    read_only: bool = False
    no_billable: bool = False
    include_admin: bool = False
    rate_limit: float | None = None
    seed: int = 0
    max_examples: int = 25
    workers: int = 1
    webhook_url: str | None = None  # --base-url: where the tenant's webhook delivers
    webhook_listen: str | None = None  # HOST:PORT of the receiver
    cassettes: str | None = None  # directory of the failures' HAR cassettes

    @property
    def embedded(self) -> bool:
        return self.base_url is None

    @property
    def admin_allowed(self) -> bool:
        """Admin (`/api`) operations run on the embedded sandbox always, elsewhere on request."""
        return (self.embedded or self.include_admin) and not self.read_only


def parse_rate(value: str | None) -> float | None:
    """`"5/s"` (or `"5"`) to 5.0 requests per second; `None` for no limit."""
    if value is None:
        return None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:/\s*s)?\s*", value)
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"--rate-limit wants N/s with N > 0, got {value!r}")
    return float(match.group(1))


def identity_from_env(tenant_override: str | None = None) -> Identity | None:
    """The identity in SIGNLY_* (tenant id overridable), or None when no key is set."""
    key = os.environ.get(ENV_KEY)
    tenant = tenant_override or os.environ.get(ENV_TENANT)
    if not key or not tenant:
        return None
    return Identity(tenant, key, os.environ.get(ENV_ADMIN) or None, "primary")


class Masker:
    """Replaces known secrets in any text with the name of the variable that holds them."""

    def __init__(self) -> None:
        self._secrets: dict[str, str] = {}

    def add(self, secret: str | None, placeholder: str) -> None:
        if secret and len(secret) >= 4:
            self._secrets[secret] = placeholder

    def add_identity(self, identity: Identity, prefix: str = "SIGNLY") -> None:
        self.add(identity.api_key, f"${prefix}_API_KEY")
        self.add(identity.admin_token, f"${prefix}_ADMIN_TOKEN")

    def __call__(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, self._secrets[secret])
        return re.sub(r'("api(?:Key|Secret)"\s*:\s*")[^"]+"', r'\1***"', text)


MASK = Masker()
