"""A partner program using the whole client; tests/client/test_consumer.py type-checks it with
`mypy --strict` and runs it against the in-process sandbox.

Run it against a server: SIGNLY_TENANT_ID=... SIGNLY_API_KEY=... SIGNLY_BASE_URL=...
SIGNLY_ADMIN_TOKEN=... python tests/client/consumer_example.py
"""

from __future__ import annotations

import asyncio
import datetime
from uuid import UUID

from signly_client import (
    AsyncSignlyClient,
    ConflictError,
    InsufficientCreditsError,
    NotFoundError,
    RetryPolicy,
    SignlyAdminClient,
    SignlyClient,
    SignlyError,
)
from signly_client.api.templates import get_template
from signly_client.models import (
    DocumentListItem,
    ExtendDeadlineRequest,
    Participant,
    ParticipantIdentity,
    PublishDocumentRequest,
    TemplateField,
    TemplateInput,
    TemplateSummary,
)

PDF = b"%PDF-1.7\n%%EOF\n"


def bootstrap(admin: SignlyAdminClient) -> str:
    """The tenant's partner credential method, from the admin session."""
    configuration = admin.get_api_integration().data
    return configuration.auth_method


def partner_flow(client: SignlyClient) -> UUID:
    """Create a template with a PDF and fields, publish a document, follow and cancel it."""
    template = client.create_template(body=TemplateInput(template_name="Service agreement")).data
    template_id: UUID = template.template_id
    client.upload_template_pdf(template_id, template.version, PDF)
    assert client.download_template_pdf(template_id, template.version) == PDF
    fields = [TemplateField(field_name="signature", field_type="SIGNATURE", page=1, x=72, y=640)]
    client.set_template_fields(template_id, body=fields)

    request = PublishDocumentRequest(
        template_id=template_id,
        template_version="0001",
        participants=[
            Participant(
                display_name="Juan David Otero",
                signature_mode=["SIGNATURE_EMAIL"],
                identity=ParticipantIdentity(email="juanoterot@outlook.com"),
            )
        ],
        order_mode="PARALLEL",
    )
    try:
        published = client.publish_document(body=request)
    except InsufficientCreditsError as error:
        raise SystemExit(f"buy credits first ({error.request_id})") from error
    document_id: UUID = published.data.document_id
    print("published", document_id, "request", published.meta.request_id)

    deadline = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=14)
    client.extend_document_deadline(
        document_id, body=ExtendDeadlineRequest(new_deadline_at=deadline)
    )
    for participant in client.get_document(document_id).data.participants or []:
        if isinstance(participant.process_id, str):
            events = client.list_process_events(participant.process_id).data
            print(participant.display_name, [event.event_type for event in events])

    # Every active document across pages, lazily; typed items.
    active: list[DocumentListItem] = list(client.iter_documents(status="CREATED", limit=50))
    templates: list[TemplateSummary] = list(client.iter_templates(sort="createdAt"))
    print(len(active), "active documents,", len(templates), "templates")

    # Typed errors carry the envelope's fields.
    try:
        client.get_template("0e51e6ee-4643-4381-97e0-5164c00a0142")
    except NotFoundError as error:
        print(error.status, error.code, error.error_type, error.details, error.request_id)
    client.cancel_document(document_id)
    try:
        client.cancel_document(document_id)
    except ConflictError as error:
        print("already cancelled:", error.code)
    except SignlyError as error:
        raise AssertionError(f"unexpected {error!r}") from error

    # Retrying a publish only when the caller says it is safe; a longer timeout for one call.
    patient = client.with_options(retry_non_idempotent=True, max_retries=5, timeout=60.0)
    assert patient.retry_policy.retry_non_idempotent

    # Raw access: the generated Response, and the generated functions themselves.
    raw = client.get_template_detailed(template_id)
    print(raw.status_code, raw.headers.get("X-Request-Id"))
    direct = get_template.sync_detailed(template_id, client=client.generated)
    assert direct.status_code == 200
    return document_id


async def async_flow(client: AsyncSignlyClient) -> int:
    created = await client.create_template(body=TemplateInput(template_name="Async NDA"))
    await client.upload_template_pdf(created.data.template_id, 1, PDF)
    names = [template.template_name async for template in client.iter_templates(limit=2)]
    return len(names)


def main() -> None:
    """Everything from SIGNLY_* environment variables."""
    policy = RetryPolicy(max_retries=3, initial_backoff=0.25, max_backoff=4.0)
    with SignlyAdminClient() as admin:
        print("auth method:", bootstrap(admin))
    with SignlyClient(retry=policy, timeout=20.0) as client:
        partner_flow(client)

    async def run() -> None:
        async with AsyncSignlyClient() as client:
            print(await async_flow(client), "templates")

    asyncio.run(run())


if __name__ == "__main__":
    main()
