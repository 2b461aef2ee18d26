"""`/v1/templates`: templates, versions (D15, D16), fields (D05) and PDF URLs."""

from __future__ import annotations

from signly_sandbox.blobs import BlobKey
from signly_sandbox.handlers.base import Call, Reply, Services, drop_none

UPDATED_FIELD_KEYS = ("fieldName", "fieldType", "page")


async def list_templates(services: Services, call: Call) -> Reply:
    page = services.store.list_templates(
        call.tenant_id,
        limit=call.query["limit"],
        descending=call.query["sort"] == "-createdAt",
        cursor=call.query.get("cursor"),
    )
    items = [drop_none(item) for item in page.items]
    return Reply(200, "templates_listed", "Templates listed.", items, page.pagination)


async def create_template(services: Services, call: Call) -> Reply:
    data = services.store.create_template(
        call.tenant_id, call.body["templateName"], call.body.get("description")
    )
    return Reply(201, "template_created", "Template created.", drop_none(data))


async def get_template(services: Services, call: Call) -> Reply:
    data = services.store.get_template_version(call.tenant_id, call.path["templateId"])
    return Reply(200, "template_fetched", "Template fetched.", drop_none(data))


async def update_template(services: Services, call: Call) -> Reply:
    data = services.store.new_template_version(
        call.tenant_id,
        call.path["templateId"],
        call.body["templateName"],
        call.body.get("description"),
    )
    return Reply(200, "template_updated", "Template updated.", drop_none(data))


async def delete_template(services: Services, call: Call) -> Reply:
    services.store.delete_template(call.tenant_id, call.path["templateId"])
    return Reply(200, "template_deleted", "Template deleted.", None)


async def list_template_history(services: Services, call: Call) -> Reply:
    data = services.store.template_history(call.tenant_id, call.path["templateId"])
    return Reply(
        200, "template_history_listed", "Template history listed.", [drop_none(d) for d in data]
    )


async def get_template_version(services: Services, call: Call) -> Reply:
    data = services.store.get_template_version(
        call.tenant_id, call.path["templateId"], call.path["version"]
    )
    del data["fields"], data["updatedAt"]
    return Reply(200, "template_version_fetched", "Template version fetched.", drop_none(data))


async def delete_template_version(services: Services, call: Call) -> Reply:
    services.store.delete_template_version(
        call.tenant_id, call.path["templateId"], call.path["version"]
    )
    return Reply(200, "template_version_deleted", "Template version deleted.", {"deleted": True})


async def list_template_fields(services: Services, call: Call) -> Reply:
    data = services.store.get_template_version(call.tenant_id, call.path["templateId"])
    return Reply(200, "template_fields_fetched", "Template fields fetched.", data["fields"])


async def set_template_fields(services: Services, call: Call) -> Reply:
    fields = services.store.set_template_fields(call.tenant_id, call.path["templateId"], call.body)
    # D05: the answer is the documented one (name, type, page); GET returns every property.
    data = [{key: f[key] for key in UPDATED_FIELD_KEYS if key in f} for f in fields]
    return Reply(200, "template_fields_updated", "Template fields updated.", data)


def _blob_key(call: Call) -> BlobKey:
    return BlobKey(call.tenant_id, call.path["templateId"], call.path["version"])


async def create_template_upload_url(services: Services, call: Call) -> Reply:
    key = _blob_key(call)
    services.store.require_template_version(*key)
    data = {
        "method": "PUT",
        "uploadUrl": services.blobs.upload_url(key.object_key),
        "expiresInSeconds": services.blobs.expires_seconds,
    }
    return Reply(200, "template_upload_url_generated", "Upload URL generated.", data)


async def get_template_download_url(services: Services, call: Call) -> Reply:
    key = _blob_key(call)
    services.store.require_template_version(*key)
    data = {
        "downloadUrl": services.blobs.download_url(key.object_key),
        "expiresInSeconds": services.blobs.expires_seconds,
    }
    return Reply(200, "template_download_url_generated", "Download URL generated.", data)
