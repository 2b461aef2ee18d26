"""Pagination and the status filter, as the page and D01/D02 describe them.

Why walk every page: the visible failure of a broken cursor is not an error but a list that
silently repeats or skips items; only a complete walk compared with one big page finds it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from signly_contract.properties.base import Ctx, new_template, ok, publish
from signly_contract.violations import expect

STATUSES = ("CREATED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "REJECTED", "EXPIRED")
ID_FIELD = {"/v1/documents": "documentId", "/v1/templates": "templateId"}


def ensure_items(ctx: Ctx, path: str, at_least: int = 6) -> None:
    """Make sure the list has a few items (created by the run when it may write)."""
    have = ok(ctx.api.call("GET", path, params={"limit": 100, "sort": "-createdAt"}), "setup.list")
    if len(have) >= at_least or not ctx.target.can_write:
        return
    if path == "/v1/templates":
        for index in range(at_least - len(have)):
            new_template(ctx, f"Pagination {index}")
    elif ctx.target.can_publish:
        template = new_template(ctx, "Pagination documents")
        for index in range(at_least - len(have)):
            document = publish(ctx, template["templateId"])
            if index % 3 == 0:  # some CANCELLED ones, for the status filter
                ctx.api.call("DELETE", f"/v1/documents/{document['documentId']}/cancel")


def walk(ctx: Ctx, path: str, limit: int, sort: str, status: str | None) -> list[dict[str, Any]]:
    """Follow nextCursor to the end, checking each page; returns every item seen."""
    seen: list[dict[str, Any]] = []
    cursor: str | None = None
    reference = ok(
        ctx.api.call("GET", path, params={"limit": 100, "sort": sort, "status": status}),
        "pagination.page",
    )
    for _ in range(len(reference) + 3):
        got = ctx.api.call(
            "GET", path, params={"limit": limit, "sort": sort, "status": status, "cursor": cursor}
        )
        page = ok(got, "pagination.page")
        pagination = (got.json or {}).get("pagination") or {}
        expect(
            not (cursor is not None and not page),
            "pagination.has_more",
            "the previous page said hasMore, and the next page is empty",
            got,
        )
        expect(
            len(page) <= limit,
            "pagination.limit",
            f"{len(page)} items on a page with limit={limit}",
            got,
        )
        expect(
            pagination.get("limit") == limit,
            "pagination.limit",
            f"pagination.limit is {pagination.get('limit')!r}, asked {limit}",
            got,
        )
        expect(
            bool(pagination.get("hasMore")) == (pagination.get("nextCursor") is not None),
            "pagination.cursor",
            "hasMore disagrees with nextCursor",
            got,
        )
        ids = [item[ID_FIELD[path]] for item in page]
        repeated = {i for i in ids if i in {s[ID_FIELD[path]] for s in seen}} | {
            i for i in ids if ids.count(i) > 1
        }
        expect(
            not repeated,
            "pagination.unique",
            f"items seen twice while paging: {sorted(repeated)}",
            got,
        )
        seen += page
        cursor = pagination.get("nextCursor")
        if cursor is None:
            break
        expect(bool(page), "pagination.ends", "an empty page still offers a next cursor", got)
    else:
        expect(
            False, "pagination.ends", f"still a next cursor after {len(reference) + 3} pages", got
        )
    missing = {i[ID_FIELD[path]] for i in reference} - {i[ID_FIELD[path]] for i in seen}
    expect(
        not missing or len(reference) == 100,
        "pagination.complete",
        f"walking limit={limit} never showed {sorted(missing)[:5]}",
        got,
    )
    stamps = [item.get("createdAt") or "" for item in seen]
    ordered = sorted(stamps, reverse=sort.startswith("-"))
    expect(stamps == ordered, "pagination.sort", f"items are not sorted by {sort}", got)
    return seen


def pagination_property(path: str) -> Any:
    def prop(ctx: Ctx) -> None:
        ensure_items(ctx, path)

        @ctx.given(
            share=0.4, limit=st.integers(1, 7), sort=st.sampled_from(["createdAt", "-createdAt"])
        )
        def check(limit: int, sort: str) -> None:
            walk(ctx, path, limit, sort, None)

    prop.__name__ = f"pagination{path.replace('/', '_')}"
    return prop


documents_pagination = pagination_property("/v1/documents")
templates_pagination = pagination_property("/v1/templates")


def status_filter(ctx: Ctx) -> None:
    """`?status=X` lists only documents in X, and all of them."""
    ensure_items(ctx, "/v1/documents")
    everything = ok(
        ctx.api.call("GET", "/v1/documents", params={"limit": 100, "sort": "-createdAt"}),
        "status_filter.page",
    )

    @ctx.given(share=0.3, status=st.sampled_from(STATUSES), limit=st.integers(2, 6))
    def check(status: str, limit: int) -> None:
        items = walk(ctx, "/v1/documents", limit, "-createdAt", status)
        wrong = [i["documentId"] for i in items if i.get("status") != status]
        expect(
            not wrong,
            "documents.status_filter",
            f"status={status} listed documents in other statuses: {wrong[:3]}",
            ctx.api.call("GET", "/v1/documents", params={"limit": limit, "status": status}),
        )
        expected = {i["documentId"] for i in everything if i["status"] == status}
        if len(everything) < 100:
            expect(
                expected <= {i["documentId"] for i in items},
                "documents.status_filter",
                f"status={status} hid documents in that status",
                ctx.api.call("GET", "/v1/documents", params={"limit": limit, "status": status}),
            )
