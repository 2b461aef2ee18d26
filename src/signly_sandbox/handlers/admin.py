"""`/api`: the tenant's partner credential, managed with the admin session (D08, D23)."""

from __future__ import annotations

from signly_sandbox import views
from signly_sandbox.handlers.base import Call, Reply, Services


async def get_api_integration(services: Services, call: Call) -> Reply:
    record = services.store.get_integration(call.tenant_id)
    data = views.integration(record, services.config.partner_base_url)
    return Reply(200, "api_integration_fetched", "API integration configuration fetched.", data)


async def create_api_integration(services: Services, call: Call) -> Reply:
    record = services.store.create_integration(call.tenant_id, call.body["auth_method"])
    data = views.integration_created(record)
    return Reply(201, "api_integration_created", "API integration created.", data)


async def delete_api_integration(services: Services, call: Call) -> Reply:
    services.store.delete_integration(call.tenant_id)
    return Reply(200, "api_integration_deleted", "API integration deleted.", views.deleted())
