"""Retries against the sandbox wrapped in fault middlewares: one that answers the first
attempts with 503 (or 429) and Retry-After, one that loses the answer of a request the
sandbox did serve (the retry must then answer the first success, D36)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal
from signly_client import RetryPolicy, ServerError, SignlyAdminClient
from signly_client.models import CreateApiIntegrationRequest, TemplateInput

from signly_sandbox.config import PAGE_ADMIN_TOKEN
from tests.lib.client import (
    BASE_URL,
    FailFirst,
    LoseFirstAnswer,
    PortalTransport,
    async_client,
    publish_request,
    sync_client,
)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The blocking clients' sleeps between attempts, recorded instead of slept."""
    recorded: list[float] = []
    monkeypatch.setattr("time.sleep", recorded.append)
    return recorded


def test_503_then_success_honours_retry_after(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    faulty = FailFirst(app, 2, status=503, retry_after="1")
    with sync_client(faulty, portal) as client:
        templates = client.list_templates()
    assert templates.status == 200
    assert faulty.seen == ["GET /v1/templates"] * 3
    assert waits == [1.0, 1.0]  # Retry-After, not the exponential backoff


def test_gives_up_after_max_retries_with_the_last_error(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    faulty = FailFirst(app, 10, status=503, retry_after="1")
    client = sync_client(faulty, portal, max_retries=3)
    with client, pytest.raises(ServerError) as error:
        client.list_templates()
    assert len(faulty.seen) == 4 and waits == [1.0] * 3
    assert error.value.status == 503 and error.value.request_id == "req_fault_4"


def test_exponential_backoff_with_jitter_without_retry_after(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    faulty = FailFirst(app, 3, status=502, retry_after=None)
    policy = RetryPolicy(max_retries=3, initial_backoff=0.5, max_backoff=8.0, jitter=0.25)
    with sync_client(faulty, portal, retry=policy) as client:
        assert client.list_templates().status == 200
    assert len(waits) == 3
    for attempt, wait in enumerate(waits):
        assert 0.5 * 2**attempt <= wait <= 0.5 * 2**attempt + 0.25


def test_429_is_retried_and_too_long_retry_after_is_not_waited_for(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    limited = FailFirst(app, 1, status=429, retry_after="2")
    with sync_client(limited, portal) as client:
        assert (
            client.get_template_detailed("0e51e6ee-4643-4381-97e0-5164c00a0142").status_code == 404
        )
    assert waits == [2.0]

    hour = FailFirst(app, 1, status=429, retry_after="3600")
    with sync_client(hour, portal) as client:
        detailed = client.list_templates_detailed()
    assert detailed.status_code == 429 and len(hour.seen) == 1  # raised at once, not slept


def test_publish_document_is_retried_with_one_idempotency_key(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    """D36: the client sends a key on every publish, the same on each of its retries."""
    with sync_client(app, portal) as setup:
        template_id = setup.create_template(body=TemplateInput(template_name="T")).data.template_id
    request = publish_request(template_id)
    faulty = FailFirst(app, 1, status=503, methods=("POST",))
    with sync_client(faulty, portal) as client:
        published = client.publish_document(body=request)
        assert published.status == 201 and waits == [1.0]
        assert faulty.seen == ["POST /v1/documents"] * 2
        first, retry = faulty.keys
        assert first is not None and first == retry
        client.publish_document(body=request)
        assert faulty.keys[2] not in (None, first)  # a new call, a new key
        assert len(client.list_documents().data) == 2


def test_a_lost_answer_to_a_publish_is_retried_without_a_second_document(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    """The server published, the answer was lost: the retry gets that document, and one
    credit was spent, not two."""
    with sync_client(app, portal) as setup:
        template_id = setup.create_template(body=TemplateInput(template_name="T")).data.template_id
    lossy = LoseFirstAnswer(app, methods=("POST",))
    with sync_client(lossy, portal) as client:
        published = client.publish_document(body=publish_request(template_id)).data
        assert lossy.lost == [201] and len(waits) == 1
        documents = client.list_documents().data
    assert [d.document_id for d in documents] == [published.document_id]


def test_a_retried_cancel_whose_first_attempt_succeeded_answers_its_success(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    with sync_client(app, portal) as setup:
        template_id = setup.create_template(body=TemplateInput(template_name="T")).data.template_id
        document = setup.publish_document(body=publish_request(template_id)).data
    lossy = LoseFirstAnswer(app, methods=("DELETE",))
    with sync_client(lossy, portal) as client:
        cancelled = client.cancel_document(document.document_id)
    assert lossy.lost == [200]
    assert cancelled.status == 200 and cancelled.data.status == "CANCELLED"  # not a 409


def test_a_caller_key_is_sent_as_given(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    with sync_client(app, portal) as setup:
        template_id = setup.create_template(body=TemplateInput(template_name="T")).data.template_id
    faulty = FailFirst(app, 0)
    request = publish_request(template_id)
    with sync_client(faulty, portal) as client:
        one = client.publish_document(body=request, idempotency_key="order-42").data
        two = client.with_options(idempotency_key="order-42").publish_document(body=request).data
    assert faulty.keys == ["order-42", "order-42"]
    assert one.document_id == two.document_id


def test_update_template_is_retried_once_with_its_key(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    """Every PUT creates a version (D30): retried with its key, it still creates one."""
    with sync_client(app, portal) as setup:
        template_id = setup.create_template(body=TemplateInput(template_name="T")).data.template_id
    lossy = LoseFirstAnswer(app, methods=("PUT",))
    with sync_client(lossy, portal) as client:
        updated = client.update_template(template_id, body=TemplateInput(template_name="T2"))
        history = client.list_template_history(template_id).data
    assert lossy.lost == [200] and updated.data.version == 2
    assert [entry.version for entry in history] == [1, 2]


def test_an_operation_without_a_key_is_not_retried_unless_asked(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    """POST /api takes no Idempotency-Key: a blind retry could fail after a success."""
    faulty = FailFirst(app, 1, status=503, methods=("POST",))
    with (
        SignlyAdminClient(
            token=PAGE_ADMIN_TOKEN,
            base_url=BASE_URL,
            httpx_args={"transport": PortalTransport(faulty, portal)},
        ) as admin,
        pytest.raises(ServerError),
    ):
        admin.create_api_integration(body=CreateApiIntegrationRequest(auth_method="KEY"))
    assert faulty.seen == ["POST /api"] and faulty.keys == [None] and waits == []


def test_max_retries_zero_disables_retries(app: Any, portal: BlockingPortal) -> None:
    faulty = FailFirst(app, 1)
    with sync_client(faulty, portal, max_retries=0) as client:
        with pytest.raises(ServerError):
            client.list_documents()
        assert len(faulty.seen) == 1
        assert client.with_options(max_retries=1).list_documents().status == 200


@pytest.mark.anyio
async def test_async_retries_really_wait_retry_after(app: Any) -> None:
    # A fractional Retry-After keeps the test short; the backoff (10 s) would blow the bound.
    faulty = FailFirst(app, 2, status=503, retry_after="0.2")
    policy = RetryPolicy(initial_backoff=10.0, max_backoff=10.0)
    async with async_client(faulty, retry=policy) as client:
        began = time.monotonic()
        documents = [d async for d in client.iter_documents()]
        elapsed = time.monotonic() - began
    assert documents == [] and len(faulty.seen) == 3
    assert 0.4 <= elapsed < 5.0


@pytest.mark.anyio
async def test_async_create_template_is_retried_once_with_its_key(app: Any) -> None:
    lossy = LoseFirstAnswer(app, methods=("POST",))
    policy = RetryPolicy(initial_backoff=0.01, max_backoff=0.01, jitter=0)
    async with async_client(lossy, retry=policy) as client:
        created = await client.create_template(body=TemplateInput(template_name="T"))
        listed = (await client.list_templates()).data
    assert lossy.lost == [201]
    assert [t.template_id for t in listed] == [created.data.template_id]
