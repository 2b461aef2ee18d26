"""Who may see what: 404s that name the id, tenant isolation, the credential lifecycle.

Why: these are the failures with consequences beyond a wrong field — a 404 that does not
say which id it could not find is undebuggable, a cross-tenant read is a data leak, and a
revoked key that still works is a security incident (D10, D23, D24).
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

from signly_contract.client import Exchange
from signly_contract.properties.base import Ctx, new_template, ok
from signly_contract.settings import MASK, Identity
from signly_contract.violations import expect

LOOKUPS = (
    ("/v1/templates/{id}", "templateId"),
    ("/v1/templates/{id}/history", "templateId"),
    ("/v1/templates/{id}/fields", "templateId"),
    ("/v1/templates/{id}/versions/1", "templateId"),
    ("/v1/documents/{id}", "documentId"),
    ("/v1/documents/{id}/summary", "documentId"),
    ("/v1/events/{id}-{id}", "processId"),
)


def not_found(ctx: Ctx) -> None:
    """An unknown id is a 404 `not_found` whose details name the id (the page's bodies)."""

    @ctx.given(share=0.3, lookup=st.sampled_from(LOOKUPS), missing=st.uuids().map(str))
    def check(lookup: tuple[str, str], missing: str) -> None:
        template, _ = lookup
        got = ctx.api.call("GET", template.replace("{id}", missing))
        expect(got.status == 404, "not_found.status", f"unknown id answered HTTP {got.status}", got)
        details = ((got.json or {}).get("error") or {}).get("details") or {}
        expect(
            any(missing in str(value) for value in details.values()),
            "not_found.names_id",
            f"the 404 details {details} do not name {missing}",
            got,
        )


def foreign_tenant_refused(ctx: Ctx) -> None:
    """Our valid key sent with another tenant's id is refused (401/403), never served."""
    others = [ctx.target.other.tenant_id] if ctx.target.other else []

    tenants = st.uuids().map(str) | st.sampled_from(others) if others else st.uuids().map(str)

    @ctx.given(share=0.2, tenant=tenants, path=st.sampled_from(["/v1/templates", "/v1/documents"]))
    def check(tenant: str, path: str) -> None:
        if tenant in others:
            MASK.add(tenant, "$SIGNLY_OTHER_TENANT_ID")
        got = ctx.api.call("GET", path, headers={"X-Tenant-Signly": tenant})
        expect(
            got.status in (401, 403),
            "isolation.foreign_tenant_refused",
            f"our key with tenant {tenant} got HTTP {got.status}",
            got,
        )


def no_cross_read(ctx: Ctx) -> None:
    """Another tenant never reads, lists or changes our templates and documents."""
    other = ctx.target.other
    if other is None:
        return
    theirs = ctx.api.as_identity(other)
    template = new_template(ctx, "Isolation")
    template_id = template["templateId"]

    @ctx.given(share=0.12, suffix=st.sampled_from(["", "/history", "/fields", "/versions/1"]))
    def check(suffix: str) -> None:
        got = theirs.call("GET", f"/v1/templates/{template_id}{suffix}")
        expect(
            got.status in (403, 404),
            "isolation.no_cross_read",
            f"another tenant read our template: HTTP {got.status}",
            got,
        )

    listed = theirs.call("GET", "/v1/templates", params={"limit": 100, "sort": "-createdAt"})
    ids = {item.get("templateId") for item in ok(listed, "isolation.no_cross_read")}
    expect(
        template_id not in ids,
        "isolation.no_cross_read",
        "another tenant lists our template",
        listed,
    )
    changed = theirs.call(
        "PUT", f"/v1/templates/{template_id}", json_body={"templateName": "stolen"}
    )
    expect(
        changed.status in (403, 404),
        "isolation.no_cross_read",
        f"another tenant changed our template: HTTP {changed.status}",
        changed,
    )


def credential_lifecycle(ctx: Ctx) -> None:
    """One credential per tenant: a second is refused while it lives, the secret shows only
    at creation, and a revoked key is refused (D08, D23)."""
    admin_identity = ctx.target.admin
    if admin_identity is None:
        return
    admin = ctx.api.as_identity(admin_identity)
    live = {"key": admin_identity.api_key}

    def probe(key: str) -> Exchange:
        return admin.as_identity(admin_identity.with_key(key)).call("GET", "/v1/templates")

    def check(method: str, prefixed: bool) -> None:
        second = admin.call("POST", "/api", json_body={"auth_method": method}, auth="admin")
        expect(
            second.status == 409 and (second.json or {}).get("code") == "api_integration_exists",
            "credentials.second_refused",
            f"a second credential while one exists got HTTP {second.status}",
            second,
        )
        still = probe(live["key"])
        expect(
            still.status == 200,
            "credentials.second_refused",
            f"the live key stopped working after a refused second credential: HTTP {still.status}",
            still,
        )
        ok(admin.call("DELETE", "/api", auth="admin"), "credentials.revoke")
        revoked = probe(live["key"])
        expect(
            revoked.status == 401,
            "credentials.revoked_key_refused",
            f"a revoked key still got HTTP {revoked.status}",
            revoked,
        )
        missing = admin.call("GET", "/api", auth="admin")
        expect(
            missing.status == 404,
            "credentials.revoke",
            f"GET /api after DELETE: {missing.status}",
            missing,
        )
        created = create(ctx, admin, method)
        live["key"] = created if not prefixed or method == "KEY" else f"HMAC {created}"
        shown = admin.call("GET", "/api", auth="admin")
        body = json.dumps(ok(shown, "credentials.secret_not_shown"))
        expect(
            "apiKey" not in body and "apiSecret" not in body and created not in body,
            "credentials.secret_not_shown",
            "GET /api shows the credential's secret",
            shown,
        )

    try:  # runs the check at once; whatever happens, the suite keeps the live key
        ctx.given(share=0.08, method=st.sampled_from(["KEY", "HMAC"]), prefixed=st.booleans())(
            check
        )
    finally:
        ctx.target.admin = admin_identity.with_key(live["key"])
        if admin_identity.tenant_id == ctx.target.primary.tenant_id:
            ctx.target.primary = ctx.target.primary.with_key(live["key"])
            ctx.api.identity = ctx.target.primary


def create(ctx: Ctx, admin: object, method: str) -> str:
    """Create a credential; check the secret is there and works; return it."""
    from signly_contract.client import ApiClient

    assert isinstance(admin, ApiClient)
    got = admin.call("POST", "/api", json_body={"auth_method": method}, auth="admin")
    data = ok(got, "credentials.create", 201)
    secret = str(data.get("apiKey") or data.get("apiSecret") or "")
    expect(bool(secret), "credentials.create", f"no secret in the {method} creation response", got)
    MASK.add(secret, "$NEW_SECRET")
    identity = Identity(admin.identity.tenant_id, secret, admin.identity.admin_token)
    works = admin.as_identity(identity).call("GET", "/v1/templates")
    expect(
        works.status == 200,
        "credentials.new_key_works",
        f"a new {method} secret got HTTP {works.status}",
        works,
    )
    return secret
