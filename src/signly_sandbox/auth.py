"""Who is calling: the admin session on `/api`, the partner credential on `/v1` (D10, D23).

401 when credentials are missing, unknown, revoked or malformed; 403 when a valid credential
is used outside its scope (another tenant's id, a partner key on `/api`, an admin session on
`/v1`). Secrets are compared as SHA-256 digests with `hmac.compare_digest`.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from signly_sandbox.errors import Forbidden, Unauthorized
from signly_sandbox.ids import is_uuid
from signly_sandbox.state import Store, secret_hash

TENANT_HEADER = "x-tenant-signly"
AUTH_HEADER = "x-auth-signly"
BEARER = "Bearer "
HMAC_PREFIX = "HMAC "


def admin_tenant(store: Store, headers: Mapping[str, str]) -> str:
    """The tenant whose administrative session this is."""
    value = headers.get(AUTH_HEADER, "").strip()
    if not value:
        raise Unauthorized()
    if value.startswith(BEARER):
        tenant_id = store.tenant_for_admin_token(value[len(BEARER) :].strip())
        if tenant_id is None:
            raise Unauthorized("Unknown or expired session.")
        return tenant_id
    if store.tenant_for_secret(value.removeprefix(HMAC_PREFIX)) is not None:
        raise Forbidden("A partner credential cannot manage the partner configuration.")
    raise Unauthorized("Malformed session; send `Bearer <token>`.")


def partner_tenant(store: Store, headers: Mapping[str, str]) -> str:
    """The tenant the partner credential authenticates, checked against X-Tenant-Signly."""
    tenant_id = headers.get(TENANT_HEADER, "").strip()
    value = headers.get(AUTH_HEADER, "").strip()
    if not tenant_id or not value:
        raise Unauthorized()
    if value.startswith(BEARER) and store.tenant_for_admin_token(value[len(BEARER) :].strip()):
        raise Forbidden("An administrative session cannot call the partner API.")
    if not is_uuid(tenant_id):
        raise Unauthorized("Malformed tenant id.")
    credential = store.credential_for_tenant(tenant_id)
    secret = value
    if credential is not None:
        if credential.auth_method == "HMAC":
            secret = value.removeprefix(HMAC_PREFIX).strip()
        if hmac.compare_digest(secret_hash(secret), credential.secret_hash):
            return tenant_id
    owner = store.tenant_for_secret(value.removeprefix(HMAC_PREFIX).strip())
    if owner is not None and owner != tenant_id:
        raise Forbidden()
    raise Unauthorized("Unknown or revoked credential.")
