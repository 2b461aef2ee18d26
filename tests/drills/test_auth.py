"""Auth drill: every operation of the spec, called with credentials that must not work (no
credentials, a wrong key, another tenant's key, a revoked key, an admin session on /v1, a
partner key on /api), is refused with a 401/403 envelope (D10), and changes nothing."""

from __future__ import annotations

import time
from collections import Counter

import httpx
import pytest

from signly_contract.operations import spec_operations
from signly_sandbox.process import Server
from tests.drills.resources import body_for, fill, make_ids, snapshot
from tests.lib.drills import FIGURES, Tenant, refusal_problems

pytestmark = pytest.mark.slow


def test_auth_drill(live: Server, tenants: tuple[Tenant, Tenant]) -> None:
    started = time.monotonic()
    owner, other = tenants
    operations = spec_operations()
    assert len(operations) == 23, operations
    with httpx.Client(base_url=live.url, timeout=30) as client:
        ids = make_ids(client, owner)
        revoked = owner.api_key
        assert client.delete("/api", headers=owner.admin()).status_code == 200  # rotate (D23)
        rotated = client.post("/api", json={"auth_method": "KEY"}, headers=owner.admin())
        assert rotated.status_code == 201, rotated.text
        owner.api_key = rotated.json()["data"]["apiKey"]
        before = [snapshot(client, tenant) for tenant in tenants]

        partner_cases = {
            "no credentials": ({}, 401),
            "wrong key": (owner.partner("sk_live_wrong_key_000"), 401),
            "another tenant's key": (owner.partner(other.api_key), 403),
            "revoked key": (owner.partner(revoked), 401),
            "admin session on /v1": ({**owner.partner(), **owner.admin()}, 403),
        }
        admin_cases = {
            "no credentials": ({}, 401),
            "wrong key": ({"X-Auth-Signly": "Bearer not-a-session"}, 401),
            "another tenant's key": (other.partner(), 403),
            "revoked key": ({"X-Auth-Signly": revoked}, 401),
            "partner key on /api": (owner.partner(), 403),
        }
        counts: Counter[str] = Counter()
        problems: list[str] = []
        for method, path, operation_id in operations:
            cases = admin_cases if path == "/api" else partner_cases
            body = body_for(operation_id, ids)
            for case, (headers, expected) in cases.items():
                response = client.request(method, fill(path, ids), json=body, headers=headers)
                found = refusal_problems(response, (expected,))
                meta = response.json().get("meta") if not found else {}
                if not found and meta.get("tenant_id") is not None:
                    found.append("meta.tenant_id is set on an auth refusal")
                if found:
                    problems.append(f"{method} {path} [{case}]: {'; '.join(found)}")
                counts[str(response.status_code)] += 1
                counts[case] += 1
        after = [snapshot(client, tenant) for tenant in tenants]

    FIGURES.put(
        "auth",
        operations=len(operations),
        requests=sum(counts[case] for case in {**partner_cases, **admin_cases}),
        refused_401=counts["401"],
        refused_403=counts["403"],
        per_case=", ".join(f"{c}: {n}" for c, n in counts.items() if not c.isdigit()),
        problems=len(problems),
        seconds=round(time.monotonic() - started, 2),
    )
    assert not problems, "\n".join(problems)
    assert before == after, "a refused request changed state"
