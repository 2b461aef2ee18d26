"""The behaviour the reference page documents, as hypothesis properties over HTTP.

Why separate from the schemathesis phases: a response can match its schema and still be
wrong — a cursor that repeats, a deadline not stored, a cross-tenant read. Each property
here names the rule it checks; the report lists them beside schemathesis's checks.
"""

from __future__ import annotations

import pytest

from signly_contract.client import ApiClient
from signly_contract.properties import PROPERTIES, Property
from signly_contract.properties.base import Ctx, run_property
from signly_contract.settings import RunSettings
from signly_contract.target import Target


def _marks(prop: Property) -> list[pytest.MarkDecorator]:
    marks = []
    if prop.writes:
        marks.append(pytest.mark.contract_write)
    if prop.billable:
        marks.append(pytest.mark.contract_billable)
    if prop.admin:
        marks.append(pytest.mark.contract_admin)
    if prop.last:
        marks.append(pytest.mark.contract_last)
    return marks


@pytest.mark.parametrize(
    "name", [pytest.param(n, id=n, marks=_marks(p)) for n, p in PROPERTIES.items()]
)
def test_property(
    name: str, api: ApiClient, contract_target: Target, run_settings: RunSettings
) -> None:
    prop = PROPERTIES[name]
    if name == "no_cross_tenant_read" and contract_target.other is None:
        pytest.skip("needs a second tenant: SIGNLY_OTHER_TENANT_ID and SIGNLY_OTHER_API_KEY")
    if name == "webhook_deliveries" and not (
        contract_target.sandbox_controls or run_settings.webhook_url
    ):
        pytest.skip("needs the sandbox's webhook control, or --webhook-url for a staging tenant")
    if prop.admin and contract_target.admin is None:
        pytest.skip("needs an admin session: SIGNLY_ADMIN_TOKEN")
    run_property(prop.run, Ctx(api, contract_target, run_settings.max_examples, run_settings.seed))
