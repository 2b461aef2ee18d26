"""Sandbox configuration: seeded tenants, credits, storage and S3 settings."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# The page's own example values, so its curl examples work verbatim.
PAGE_TENANT_ID = "58bff266-cdad-46db-b373-1b06476146cd"
PAGE_API_KEY = "sk_live_partner_abc123"
PAGE_ADMIN_TOKEN = "eyJhbGciOi..."
PAGE_KEY_ID = "pk_01J8XQ8B0P8XSH6M3B2P0N5W9K"

# A second tenant with fixed, documented values for isolation tests.
SECOND_TENANT_ID = "7c1d4a52-2f6e-4b8a-9d3c-5e7f8a9b0c1d"
SECOND_API_KEY = "sk_test_partner_second456"
SECOND_ADMIN_TOKEN = "eyJzZWNvbmQtdGVuYW50..."
SECOND_KEY_ID = "pk_01J8XQ8B0P8XSH6M3B2P0N5W9Z"

DEFAULT_CREDITS = 1000
MAX_BODY_BYTES = 1024 * 1024
# Worlds `--fixtures` can start the sandbox in (see signly_sandbox/fixtures).
FIXTURES = ("reference",)


@dataclass(frozen=True)
class TenantSeed:
    """A tenant that exists at startup with an active KEY credential."""

    tenant_id: str
    api_key: str
    admin_token: str
    key_id: str


@dataclass(frozen=True)
class SandboxConfig:
    tenants: tuple[TenantSeed, ...] = (
        TenantSeed(PAGE_TENANT_ID, PAGE_API_KEY, PAGE_ADMIN_TOKEN, PAGE_KEY_ID),
        TenantSeed(SECOND_TENANT_ID, SECOND_API_KEY, SECOND_ADMIN_TOKEN, SECOND_KEY_ID),
    )
    credits: int = DEFAULT_CREDITS
    data_dir: Path | None = None
    s3_endpoint_url: str | None = None
    s3_bucket: str = "signly-templates"
    s3_region: str = "us-east-1"
    s3_access_key: str = "AKIASIGNLYSANDBOX0001"
    s3_secret_key: str = "signly-sandbox-secret-key"
    url_expires_seconds: int = 900
    partner_base_url: str = "http://127.0.0.1:8080"
    spec_path: Path | None = None
    # D37: the sandbox's delivery schedule (0.5 s doubling up to 30 s, 12 attempts: ~3 min).
    webhook_attempts: int = 12
    webhook_backoff_seconds: float = 0.5
    webhook_max_backoff_seconds: float = 30.0
    webhook_timeout_seconds: float = 15.0
    max_body_bytes: int = MAX_BODY_BYTES
    # The partner test bench: the world to start in, failures on demand, the request
    # journal, a real rate limit and CORS for browser apps.
    fixtures: str | None = None
    faults: bool = True
    journal: bool = True
    journal_size: int = 500
    rate_limit: float | None = None
    retry_after_seconds: int = 1
    cors_origins: tuple[str, ...] | None = ("*",)

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: object
    ) -> SandboxConfig:
        """The first tenant comes from SIGNLY_TENANT_ID / SIGNLY_API_KEY / SIGNLY_ADMIN_TOKEN,
        defaulting to the page's example values."""
        env = os.environ if environ is None else environ
        first = TenantSeed(
            env.get("SIGNLY_TENANT_ID", PAGE_TENANT_ID),
            env.get("SIGNLY_API_KEY", PAGE_API_KEY),
            env.get("SIGNLY_ADMIN_TOKEN", PAGE_ADMIN_TOKEN),
            PAGE_KEY_ID,
        )
        second = TenantSeed(SECOND_TENANT_ID, SECOND_API_KEY, SECOND_ADMIN_TOKEN, SECOND_KEY_ID)
        return cls(tenants=(first, second), **overrides)  # type: ignore[arg-type]
