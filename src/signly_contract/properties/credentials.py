"""Partial and crossed credentials, on every operation (D10, D23).

Why every operation and not a sample: authentication is usually one middleware, but the bug
that matters is the route that skips it or the fallback that fills a missing header in
("no tenant header: use the key's own tenant"). A server that does that passes every
schemathesis auth check — they remove or corrupt both credentials at once — and serves a
partner's key to whoever holds it without the tenant id it is bound to.

Each case sends otherwise valid requests (the spec's example body, made-up ids) and must be
refused with the documented envelope: 401 `unauthorized` (`error.type` authentication)
when the credential is missing, malformed, unknown or revoked, 403 `forbidden`
(authorization) when a valid one is used outside its scope; `meta.tenant_id` is `null`
either way. Only operations this run may send are tried (read-only: GET; no-billable: never
publish; `/api` writes only with an admin session). Against a live server without a second
tenant the crossed cases use a tenant id that exists nowhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from signly_contract.client import Exchange
from signly_contract.coverage import OperationSpec, documented, example_body, fill_path
from signly_contract.properties.base import Ctx, ok
from signly_contract.settings import MASK, Identity
from signly_contract.violations import expect

UNAUTHORIZED = (401, "unauthorized")
FORBIDDEN = (403, "forbidden")


@dataclass(frozen=True)
class Case:
    name: str  # the check: auth.<name>
    scope: str  # "v1" or "api"
    refusal: tuple[int, str]
    headers: Callable[[Ctx], dict[str, str] | None]  # None: cannot be tried here (why below)
    why_not: str = ""


def _other_tenant(ctx: Ctx) -> str:
    other = ctx.target.other
    if other is not None:
        MASK.add(other.tenant_id, "$SIGNLY_OTHER_TENANT_ID")
        return other.tenant_id
    return str(uuid.uuid4())  # a tenant id that exists nowhere


def _admin_token(ctx: Ctx) -> str | None:
    for identity in (ctx.target.admin, ctx.target.primary):
        if identity is not None and identity.admin_token:
            return identity.admin_token
    return None


CASES = (
    Case(
        "key_without_tenant",
        "v1",
        UNAUTHORIZED,
        lambda ctx: {"X-Auth-Signly": ctx.target.primary.api_key},
    ),
    Case(
        "tenant_without_key",
        "v1",
        UNAUTHORIZED,
        lambda ctx: {"X-Tenant-Signly": ctx.target.primary.tenant_id},
    ),
    Case(
        "malformed_tenant",
        "v1",
        UNAUTHORIZED,
        lambda ctx: {
            "X-Tenant-Signly": "not-a-tenant-id",
            "X-Auth-Signly": ctx.target.primary.api_key,
        },
    ),
    Case(
        "crossed_tenant",
        "v1",
        FORBIDDEN,
        lambda ctx: {
            "X-Tenant-Signly": _other_tenant(ctx),
            "X-Auth-Signly": ctx.target.primary.api_key,
        },
    ),
    Case(
        "admin_on_v1",
        "v1",
        FORBIDDEN,
        lambda ctx: (
            {
                "X-Tenant-Signly": ctx.target.primary.tenant_id,
                "X-Auth-Signly": f"Bearer {token}",
            }
            if (token := _admin_token(ctx))
            else None
        ),
        "no admin session token ($SIGNLY_ADMIN_TOKEN)",
    ),
    Case("no_session", "api", UNAUTHORIZED, lambda ctx: {}),
    Case(
        "partner_on_api",
        "api",
        FORBIDDEN,
        lambda ctx: {"X-Auth-Signly": ctx.target.primary.api_key},
    ),
)


def may_send(ctx: Ctx, spec: OperationSpec) -> bool:
    """Whether this run may send `spec` at all, whatever the credentials."""
    settings = ctx.target.settings
    if spec.method != "GET" and not ctx.target.can_write:
        return False
    if spec.operation_id == "publish_document" and not ctx.target.can_publish:
        return False
    return not (spec.path == "/api" and spec.method != "GET" and not settings.admin_allowed)


def refused(
    ctx: Ctx, spec: OperationSpec, check: str, refusal: tuple[int, str], headers: dict[str, str]
) -> Exchange:
    """Send `spec` with exactly `headers` as credentials; it must be refused as `refusal`."""
    status, code = refusal
    body = example_body(spec.label)
    got = ctx.api.call(spec.method, fill_path(spec), json_body=body, auth="none", headers=headers)
    _forget_if_created(ctx, got)
    envelope: dict[str, Any] = got.json if isinstance(got.json, dict) else {}
    meta: dict[str, Any] = envelope["meta"] if isinstance(envelope.get("meta"), dict) else {}
    expect(
        got.status == status and envelope.get("code") == code,
        check,
        f"{check.removeprefix('auth.').replace('_', ' ')} on {spec.label}: HTTP {got.status} "
        f"{envelope.get('code')!r}, expected {status} {code!r} (D10)",
        got,
    )
    expect(
        meta.get("tenant_id") is None,
        check,
        f"a refused request names tenant {meta.get('tenant_id')!r} in meta (D10: null)",
        got,
    )
    return got


def _forget_if_created(ctx: Ctx, got: Exchange) -> None:
    """A broken server may have acted on the request: clean up what it created."""
    data = got.data if 200 <= got.status < 300 else None
    if isinstance(data, dict):
        if "documentId" in data and got.method == "POST" and got.url.endswith("/v1/documents"):
            ctx.target.created_documents.append(str(data["documentId"]))
        if "templateId" in data and got.method == "POST" and got.url.endswith("/v1/templates"):
            ctx.target.created_templates.append(str(data["templateId"]))


def partial_and_crossed(ctx: Ctx) -> None:
    """Every case of CASES on every operation this run may send."""
    for spec in documented().values():
        if not may_send(ctx, spec):
            continue
        scope = "api" if spec.path == "/api" else "v1"
        for case in CASES:
            if case.scope != scope:
                continue
            headers = case.headers(ctx)
            if headers is None:  # case.why_not: it cannot be tried on this target
                continue
            refused(ctx, spec, f"auth.{case.name}", case.refusal, headers)


def revoked_key(ctx: Ctx) -> None:
    """A revoked partner key is refused (401) on every operation of `/v1`.

    Needs an admin session: the admin tenant's credential is rotated (DELETE /api, POST
    /api), which revokes the key it had; the suite goes on with the new one."""
    admin_identity = ctx.target.admin
    if admin_identity is None or not ctx.target.settings.admin_allowed:
        return
    admin = ctx.api.as_identity(admin_identity)
    old = admin_identity
    ok(admin.call("DELETE", "/api", auth="admin"), "credentials.revoke")
    for method in ("GET", "DELETE"):  # D23: no credential now, both say so
        gone = admin.call(method, "/api", auth="admin")
        expect(
            gone.status == 404 and (gone.json or {}).get("code") == "api_integration_not_found",
            "credentials.revoke",
            f"{method} /api with no credential: HTTP {gone.status}, expected 404 (D23)",
            gone,
        )
    created = ok(
        admin.call("POST", "/api", json_body={"auth_method": "KEY"}, auth="admin"),
        "credentials.create",
        201,
    )
    secret = str(created.get("apiKey") or "")
    MASK.add(secret, "$ROTATED_API_KEY")
    MASK.add(old.api_key, "$REVOKED_API_KEY")
    fresh = old.with_key(secret)
    ctx.target.admin = fresh
    if old.tenant_id == ctx.target.primary.tenant_id:
        ctx.target.primary = ctx.target.primary.with_key(secret)
        ctx.api.identity = ctx.target.primary
    revoked = Identity(old.tenant_id, old.api_key, None, "revoked")
    for spec in documented().values():
        if spec.path == "/api" or not may_send(ctx, spec):
            continue
        refused(ctx, spec, "auth.revoked_key", UNAUTHORIZED, revoked.partner_headers())
