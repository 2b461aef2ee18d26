"""Auto-pagination over cursor pages, lazily, sync and async."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal
from signly_client import SignlyClient
from signly_client.models import TemplateInput

from tests.lib.client import FailFirst, async_client, publish_request, sync_client

TEMPLATES = 11  # with limit=3: four pages (3, 3, 3, 2)
DOCUMENTS = 9  # with limit=2: five pages (2, 2, 2, 2, 1)


def seed(client: SignlyClient) -> list[str]:
    names = [f"Template {n:02d}" for n in range(TEMPLATES)]
    ids = [
        client.create_template(body=TemplateInput(template_name=n)).data.template_id for n in names
    ]
    for template_id in ids[:DOCUMENTS]:
        client.publish_document(body=publish_request(template_id))
    return names


def test_iterates_every_template_and_document_across_pages(
    app: Any, portal: BlockingPortal
) -> None:
    counted = FailFirst(app, 0)
    with sync_client(counted, portal) as client:
        names = seed(client)
        counted.seen.clear()
        oldest_first = [t.template_name for t in client.iter_templates(limit=3, sort="createdAt")]
        assert oldest_first == names
        assert counted.seen == ["GET /v1/templates"] * 4

        counted.seen.clear()
        documents = list(client.iter_documents(limit=2, status="CREATED"))
        assert len(documents) == DOCUMENTS == len({d.document_id for d in documents})
        assert len(counted.seen) == 5
        assert [d.created_at for d in documents] == sorted(
            (d.created_at for d in documents), reverse=True
        )


def test_pages_are_fetched_lazily(app: Any, portal: BlockingPortal) -> None:
    counted = FailFirst(app, 0)
    with sync_client(counted, portal) as client:
        seed(client)
        counted.seen.clear()
        iterator = client.iter_templates(limit=3)
        assert counted.seen == []  # nothing until the first item is asked for
        first_four = list(itertools.islice(iterator, 4))
        assert len(first_four) == 4 and len(counted.seen) == 2


def test_an_empty_list_yields_nothing(client: SignlyClient) -> None:
    assert list(client.iter_documents()) == []


@pytest.mark.anyio
async def test_async_iterates_across_pages(app: Any, portal: BlockingPortal) -> None:
    counted = FailFirst(app, 0)
    async with async_client(counted) as client:
        for n in range(TEMPLATES):
            await client.create_template(body=TemplateInput(template_name=f"T{n:02d}"))
        counted.seen.clear()
        names = [t.template_name async for t in client.iter_templates(limit=3, sort="createdAt")]
    assert names == [f"T{n:02d}" for n in range(TEMPLATES)]
    assert counted.seen == ["GET /v1/templates"] * 4


def _page_server(pages: list[dict[str, Any] | None]) -> Any:
    """A transport answering GET /v1/templates with one page per call, in order."""
    import httpx

    calls = iter(pages)

    def handler(request: httpx.Request) -> httpx.Response:
        pagination = next(calls)
        item = {
            "templateId": "3f34581a-5b4a-4068-ab72-5f2b36611fa1",
            "templateName": f"page {request.url.params.get('cursor', 'first')}",
            "version": 1,
            "createdAt": "2026-04-18T20:00:00Z",
            "updatedAt": "2026-04-18T20:00:00Z",
        }
        body = {
            "success": True,
            "status": 200,
            "code": "templates_listed",
            "message": "Templates listed.",
            "data": [item],
            "pagination": pagination,
            "meta": {
                "request_id": "req_01J8XQ7M8VW2A6G2B0N7J5AZ7Q",
                "timestamp": "2026-04-23T15:00:00Z",
                "api_version": "v1",
                "tenant_id": "58bff266-cdad-46db-b373-1b06476146cd",
            },
            "error": None,
        }
        return httpx.Response(200, json=body, headers={"X-Request-Id": "req_x"})

    return httpx.MockTransport(handler)


def _listed(pages: list[dict[str, Any] | None]) -> list[str]:
    client = SignlyClient(
        "58bff266-cdad-46db-b373-1b06476146cd",
        "sk_live_partner_abc123",
        "http://signly.test",
        httpx_args={"transport": _page_server(pages)},
    )
    with client:
        return [t.template_name for t in client.iter_templates()]


def test_a_null_pagination_is_the_whole_list() -> None:
    assert _listed([None]) == ["page first"]


def test_has_more_false_ends_the_list_whatever_the_cursor_says() -> None:
    more = {"limit": 1, "hasMore": True, "nextCursor": "c2"}
    last = {"limit": 1, "hasMore": False, "nextCursor": "ignored"}
    assert _listed([more, last]) == ["page first", "page c2"]


def test_more_items_without_a_cursor_is_an_error_not_a_silent_end() -> None:
    from signly_client.errors import SignlyError

    with pytest.raises(SignlyError, match="no next cursor"):
        _listed([{"limit": 1, "hasMore": True, "nextCursor": None}])
