"""`/v1/templates`: templates, versions (D15, D16), fields (D05) and PDF URLs."""

from __future__ import annotations

from signly_sandbox import views
from signly_sandbox.blobs import BlobKey
from signly_sandbox.handlers.base import Call, Reply, Services


async def list_templates(services: Services, call: Call) -> Reply:
    page = services.store.list_templates(
        call.tenant_id,
        limit=call.query["limit"],
        descending=call.query["sort"] == "-createdAt",
        cursor=call.query.get("cursor"),
    )
    items = [views.template_summary(record) for record in page.items]
    return Reply(200, "templates_listed", "Templates listed.", items, views.pagination(page))


async def create_template(services: Services, call: Call) -> Reply:
    record = services.store.create_template(
        call.tenant_id, call.body["templateName"], call.body.get("description")
    )
    return Reply(201, "template_created", "Template created.", views.template_saved(record))


async def get_template(services: Services, call: Call) -> Reply:
    record = services.store.get_template_version(call.tenant_id, call.path["templateId"])
    return Reply(200, "template_fetched", "Template fetched.", views.template(record))


async def update_template(services: Services, call: Call) -> Reply:
    record = services.store.new_template_version(
        call.tenant_id,
        call.path["templateId"],
        call.body["templateName"],
        call.body.get("description"),
    )
    return Reply(200, "template_updated", "Template updated.", views.template_saved(record))


async def delete_template(services: Services, call: Call) -> Reply:
    services.store.delete_template(call.tenant_id, call.path["templateId"])
    return Reply(200, "template_deleted", "Template deleted.", None)


async def list_template_history(services: Services, call: Call) -> Reply:
    records = services.store.template_history(call.tenant_id, call.path["templateId"])
    data = views.template_history(records)
    return Reply(200, "template_history_listed", "Template history listed.", data)


async def get_template_version(services: Services, call: Call) -> Reply:
    record = services.store.get_template_version(
        call.tenant_id, call.path["templateId"], call.path["version"]
    )
    data = views.template_version(record)
    return Reply(200, "template_version_fetched", "Template version fetched.", data)


async def delete_template_version(services: Services, call: Call) -> Reply:
    services.store.delete_template_version(
        call.tenant_id, call.path["templateId"], call.path["version"]
    )
    return Reply(200, "template_version_deleted", "Template version deleted.", views.deleted())


async def list_template_fields(services: Services, call: Call) -> Reply:
    record = services.store.get_template_version(call.tenant_id, call.path["templateId"])
    data = views.template_fields(record)
    return Reply(200, "template_fields_fetched", "Template fields fetched.", data)


async def set_template_fields(services: Services, call: Call) -> Reply:
    fields = services.store.set_template_fields(call.tenant_id, call.path["templateId"], call.body)
    data = views.template_fields_updated(fields)
    return Reply(200, "template_fields_updated", "Template fields updated.", data)


def _blob_key(call: Call) -> BlobKey:
    return BlobKey(call.tenant_id, call.path["templateId"], call.path["version"])


async def create_template_upload_url(services: Services, call: Call) -> Reply:
    key = _blob_key(call)
    services.store.require_template_version(*key)
    data = views.upload_url(
        services.blobs.upload_url(key.object_key), services.blobs.expires_seconds
    )
    return Reply(200, "template_upload_url_generated", "Upload URL generated.", data)


async def get_template_download_url(services: Services, call: Call) -> Reply:
    key = _blob_key(call)
    services.store.require_template_version(*key)
    data = views.download_url(
        services.blobs.download_url(key.object_key), services.blobs.expires_seconds
    )
    return Reply(200, "template_download_url_generated", "Download URL generated.", data)
