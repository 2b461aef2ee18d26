"""`/_sandbox/*`: controls that exist only in the sandbox (see overlays/sandbox.yaml)."""

from __future__ import annotations

from signly_sandbox import views, webhooks
from signly_sandbox.errors import Validation
from signly_sandbox.handlers.base import Call, Reply, Services

DEFAULT_ROTATION_GRACE_SECONDS = 86_400


async def sandbox_reset(services: Services, call: Call) -> Reply:
    services.store.reset_tenant(call.tenant_id)
    if services.workbench is not None:  # a fixture world's tenant gets its world back
        services.workbench.restore(call.tenant_id)
    return Reply(200, "sandbox_reset", "Sandbox data reset.", views.sandbox_reset(call.tenant_id))


async def sandbox_set_credits(services: Services, call: Call) -> Reply:
    record = services.store.set_credits(call.tenant_id, call.body["credits"])
    return Reply(200, "sandbox_credits_set", "Credit balance set.", views.credits(record))


async def sandbox_sign_participant(services: Services, call: Call) -> Reply:
    record = services.store.complete_participant(
        call.tenant_id, call.path["documentId"], call.path["participantId"], signed=True
    )
    data = views.participant_completed(record)
    return Reply(200, "sandbox_participant_signed", "Participant signed.", data)


async def sandbox_reject_participant(services: Services, call: Call) -> Reply:
    record = services.store.complete_participant(
        call.tenant_id, call.path["documentId"], call.path["participantId"], signed=False
    )
    data = views.participant_completed(record)
    return Reply(200, "sandbox_participant_rejected", "Participant rejected.", data)


async def sandbox_expire_document(services: Services, call: Call) -> Reply:
    record = services.store.expire_document(call.tenant_id, call.path["documentId"])
    return Reply(
        200, "sandbox_document_expired", "Document expired.", views.document_status(record)
    )


async def sandbox_set_webhook(services: Services, call: Call) -> Reply:
    """D22: a `whsec_` secret of 24..64 bytes, or one generated and shown once."""
    given = call.body.get("secret")
    secret = given if given is not None else webhooks.new_secret()
    try:
        webhooks.secret_key(secret)
    except ValueError as error:
        raise Validation({"secret": [f"The secret {error}."]}) from None
    grace = call.body.get("rotationGraceSeconds", DEFAULT_ROTATION_GRACE_SECONDS)
    record = services.store.set_webhook(call.tenant_id, call.body["url"], secret, grace)
    services.webhooks.wake()  # deliveries that waited for a disabled endpoint may go now
    data = views.webhook(record, generated_secret=None if given is not None else secret)
    return Reply(200, "sandbox_webhook_set", "Webhook configured.", data)


async def sandbox_list_webhook_deliveries(services: Services, call: Call) -> Reply:
    data = views.deliveries(services.store.list_deliveries(call.tenant_id))
    return Reply(200, "sandbox_webhook_deliveries_listed", "Webhook deliveries listed.", data)


async def sandbox_redeliver_webhook(services: Services, call: Call) -> Reply:
    record = services.store.redeliver_webhook(call.tenant_id, call.path["deliveryId"])
    services.webhooks.wake()
    data = views.redelivery(record)
    return Reply(202, "sandbox_webhook_redelivery_queued", "Delivery queued again.", data)
