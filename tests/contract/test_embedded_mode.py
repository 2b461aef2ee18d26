"""The suite's embedded mode checks its own seeded sandbox, whatever the environment says.

Only `--base-url` mode takes credentials from `SIGNLY_*` (a live server's tenant); against the
embedded sandbox the suite always acts as the seeded tenants, so a developer's settings for
a live server can neither break nor change a local run.
"""

from __future__ import annotations

import httpx
import pytest

from signly_contract.settings import RunSettings
from signly_contract.target import ADMIN_PLAYGROUND, PAGE_TENANT, SECOND_TENANT, open_target

FOREIGN = {
    "SIGNLY_TENANT_ID": "11111111-1111-4111-8111-111111111111",
    "SIGNLY_API_KEY": "sk_foreign",
    "SIGNLY_ADMIN_TOKEN": "x",
    "SIGNLY_OTHER_TENANT_ID": "22222222-2222-4222-8222-222222222222",
    "SIGNLY_OTHER_API_KEY": "sk_foreign_other",
}


def test_embedded_mode_ignores_foreign_signly_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in FOREIGN.items():
        monkeypatch.setenv(name, value)
    with open_target(RunSettings(base_url=None), tenant_override=None) as target:
        assert (target.primary, target.other, target.admin) == (
            PAGE_TENANT,
            SECOND_TENANT,
            ADMIN_PLAYGROUND,
        )
        assert target.sandbox_controls
        seeded = httpx.get(f"{target.base_url}/v1/templates", headers=PAGE_TENANT.partner_headers())
        assert seeded.status_code == 200, seeded.text
        foreign = {"X-Tenant-Signly": FOREIGN["SIGNLY_TENANT_ID"], "X-Auth-Signly": "sk_foreign"}
        refused = httpx.get(f"{target.base_url}/v1/templates", headers=foreign)
        assert refused.status_code == 401, "the embedded sandbox seeded the foreign tenant"


def test_base_url_mode_takes_its_credentials_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in FOREIGN.items():
        monkeypatch.setenv(name, value)
    with open_target(RunSettings(base_url="http://127.0.0.1:9/")) as target:
        assert target.base_url == "http://127.0.0.1:9"
        assert target.primary.tenant_id == FOREIGN["SIGNLY_TENANT_ID"]
        assert target.primary.api_key == "sk_foreign" and target.primary.admin_token == "x"
        assert target.other is not None and target.other.api_key == "sk_foreign_other"
        assert not target.sandbox_controls
