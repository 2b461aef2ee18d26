"""Retries against the sandbox wrapped in a fault middleware that answers the first
attempts with 503 (or 429) and Retry-After."""

from __future__ import annotations

import time
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal
from signly_client import RetryPolicy, ServerError
from signly_client.models import TemplateInput

from tests.lib.client import FailFirst, async_client, publish_request, sync_client


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


def test_publish_document_is_not_retried_unless_asked(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    with sync_client(app, portal) as setup:
        template_id = setup.create_template(body=TemplateInput(template_name="T")).data.template_id
    request = publish_request(template_id)

    faulty = FailFirst(app, 1, status=503, methods=("POST",))
    with sync_client(faulty, portal) as client:
        with pytest.raises(ServerError):
            client.publish_document(body=request)
        assert faulty.seen == ["POST /v1/documents"] and waits == []

        faulty.remaining = 1
        published = client.with_options(retry_non_idempotent=True).publish_document(body=request)
    assert published.status == 201
    assert faulty.seen == ["POST /v1/documents"] * 3 and waits == [1.0]


def test_update_template_is_a_put_that_is_not_retried(
    app: Any, portal: BlockingPortal, waits: list[float]
) -> None:
    """Every PUT creates a version (D30): a blind retry would create two."""
    with sync_client(app, portal) as setup:
        template_id = setup.create_template(body=TemplateInput(template_name="T")).data.template_id
    faulty = FailFirst(app, 1, status=503, methods=("PUT",))
    with sync_client(faulty, portal) as client:
        with pytest.raises(ServerError):
            client.update_template(template_id, body=TemplateInput(template_name="T2"))
        assert faulty.seen == [f"PUT /v1/templates/{template_id}"] and waits == []
        history = client.list_template_history(template_id).data
    assert [entry.version for entry in history] == [1]


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
async def test_async_publish_is_not_retried(app: Any) -> None:
    faulty = FailFirst(app, 1, status=503, methods=("POST",))
    async with async_client(faulty) as client:
        with pytest.raises(ServerError):
            await client.create_template(body=TemplateInput(template_name="T"))
    assert len(faulty.seen) == 1
