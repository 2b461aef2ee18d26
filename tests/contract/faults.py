"""Deliberately broken sandboxes ("fault switches"): one plausible server bug each.

Why: a check that cannot fail proves nothing. Each fault wraps the real sandbox in an ASGI
middleware (signly_sandbox/ is never edited) that rewrites requests or responses the way a
buggy server would, and names the suite check expected to catch it. test_planted_faults.py
runs that check's part of the suite against the broken server and asserts it fails, naming
the right check.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode

from signly_contract.target import ADMIN_PLAYGROUND, PAGE_TENANT, SECOND_TENANT

Scope = dict[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]
SEEDED = (PAGE_TENANT, SECOND_TENANT, ADMIN_PLAYGROUND)


@dataclass
class Req:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class Resp:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def set_json(self, value: Any) -> None:
        self.body = json.dumps(value).encode()
        self.headers = [(k, v) for k, v in self.headers if k.lower() != "content-length"]

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


Forward = Callable[[Req], Awaitable[Resp]]
Rewrite = Callable[[Req, Forward], Awaitable[Resp]]


class FaultMiddleware:
    """Buffers each HTTP exchange so a `Rewrite` can change the request, the response, or both."""

    def __init__(self, app: ASGIApp, rewrite: Rewrite) -> None:
        self.app = app
        self.rewrite = rewrite

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        request = Req(
            scope["method"],
            scope["path"],
            dict(parse_qsl(scope.get("query_string", b"").decode(), keep_blank_values=True)),
            {k.decode().lower(): v.decode() for k, v in scope["headers"]},
            body,
        )
        response = await self.rewrite(request, lambda req: self._forward(scope, req))
        headers = [(k, v) for k, v in response.headers if k.lower() != "content-length"]
        headers.append(("content-length", str(len(response.body))))
        await send(
            {
                "type": "http.response.start",
                "status": response.status,
                "headers": [(k.encode(), v.encode()) for k, v in headers],
            }
        )
        await send({"type": "http.response.body", "body": response.body})

    async def _forward(self, scope: Scope, request: Req) -> Resp:
        inner = dict(scope)
        inner["method"] = request.method
        inner["query_string"] = urlencode(request.query).encode()
        inner["headers"] = [
            (k.encode(), v.encode()) for k, v in request.headers.items() if k != "content-length"
        ] + [(b"content-length", str(len(request.body)).encode())]
        sent = False

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": request.body, "more_body": False}

        status, headers, chunks = 500, [], []

        async def send(message: dict[str, Any]) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k.decode(), v.decode()) for k, v in message.get("headers", [])]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(inner, receive, send)
        return Resp(status, headers, b"".join(chunks))


def _is(request: Req, method: str, *parts: str) -> bool:
    """Method matches and the path has the given segments at the given ends."""
    segments = request.path.strip("/").split("/")
    pattern = "/".join(parts).strip("/").split("/")
    return (
        request.method == method
        and len(segments) == len(pattern)
        and all(p == "*" or p == s for p, s in zip(pattern, segments, strict=True))
    )


def _merged(headers: dict[str, str], extra: dict[str, str]) -> dict[str, str]:
    return {**headers, **{name.lower(): value for name, value in extra.items()}}


def _is_list(request: Req) -> bool:
    return request.method == "GET" and request.path in ("/v1/templates", "/v1/documents")


async def _fake(forward: Forward, request: Req, status: int, code: str, data: Any) -> Resp:
    """A well-formed success envelope for a request that is never forwarded."""
    request_id = "req_FAKE" + uuid.uuid4().hex.upper()
    meta = {
        "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "api_version": "v1",
        "tenant_id": request.headers.get("x-tenant-signly"),
        "request_id": request_id,
    }
    body = {
        "success": True,
        "status": status,
        "code": code,
        "message": "ok",
        "data": data,
        "pagination": None,
        "meta": meta,
        "error": None,
    }
    return Resp(
        status,
        [("content-type", "application/json"), ("x-request-id", request_id)],
        json.dumps(body).encode(),
    )


def _in_future(stamp: str) -> bool:
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")) > datetime.now(UTC)
    except ValueError:
        return False


def _edit_data(response: Resp, edit: Callable[[Any], Any]) -> Resp:
    body = response.json
    if isinstance(body, dict) and body.get("data") is not None:
        body["data"] = edit(body["data"])
        response.set_json(body)
    return response


# --- the faults ------------------------------------------------------------------------------


async def ignores_limit(request: Req, forward: Forward) -> Resp:
    if _is_list(request):
        request.query.pop("limit", None)
    return await forward(request)


async def cursor_repeats_item(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    if _is_list(request) and request.query.get("cursor") and response.status == 200:
        first = await forward(
            Req(
                "GET",
                request.path,
                {k: v for k, v in request.query.items() if k != "cursor"},
                request.headers,
                b"",
            )
        )
        earlier = (first.json or {}).get("data") or []
        return _edit_data(response, lambda data: earlier[:1] + data[:-1] if earlier else data)
    return response


async def wrong_sort_order(request: Req, forward: Forward) -> Resp:
    if _is_list(request):
        sort = request.query.get("sort", "-createdAt")
        request.query["sort"] = sort[1:] if sort.startswith("-") else f"-{sort}"
    return await forward(request)


async def status_filter_ignored(request: Req, forward: Forward) -> Resp:
    if _is_list(request):
        request.query.pop("status", None)
    return await forward(request)


async def extend_not_persisted(request: Req, forward: Forward) -> Resp:
    if _is(request, "POST", "v1", "documents", "*", "extend"):
        wanted = json.loads(request.body or b"{}").get("newDeadlineAt")
        document_id = request.path.split("/")[3]
        if isinstance(wanted, str) and _in_future(wanted):  # past ones still meet real validation
            return await _fake(
                forward,
                request,
                200,
                "document_deadline_extended",
                {"documentId": document_id, "deadlineAt": wanted},
            )
    return await forward(request)


async def cancel_leaves_active(request: Req, forward: Forward) -> Resp:
    if _is(request, "DELETE", "v1", "documents", "*", "cancel"):
        return await _fake(
            forward, request, 200, "document_cancelled", {"documentId": request.path.split("/")[3]}
        )
    return await forward(request)


async def put_skips_version(request: Req, forward: Forward) -> Resp:
    if _is(request, "PUT", "v1", "templates", "*"):
        first = await forward(request)
        if first.status != 200:
            return first
    return await forward(request)


async def deleted_version_readable(request: Req, forward: Forward) -> Resp:
    if _is(request, "DELETE", "v1", "templates", "*", "versions", "*"):
        latest = await forward(
            Req("GET", "/".join(request.path.split("/")[:4]), {}, request.headers, b"")
        )
        if latest.status == 200 and (latest.json or {}).get("data", {}).get("version", 1) > 1:
            return await _fake(forward, request, 200, "template_version_deleted", {"deleted": True})
    return await forward(request)


async def fields_drop_coordinates(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    if "/v1/templates/" in request.path and response.status == 200:

        def strip(data: Any) -> Any:
            items = (
                data
                if isinstance(data, list)
                else data.get("fields")
                if isinstance(data, dict)
                else None
            )
            for item in items or []:
                if isinstance(item, dict):
                    item.pop("x", None)
                    item.pop("y", None)
            return data

        return _edit_data(response, strip)
    return response


async def download_other_bytes(request: Req, forward: Forward) -> Resp:
    if request.path == "/_fault/blob":
        return Resp(200, [("content-type", "application/pdf")], b"%PDF-1.4 somebody else's file")
    response = await forward(request)
    if request.path.endswith("/download-url") and response.status == 200:
        host = request.headers.get("host", "127.0.0.1")
        return _edit_data(
            response, lambda data: {**data, "downloadUrl": f"http://{host}/_fault/blob"}
        )
    return response


async def summary_miscounts(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    if request.path.endswith("/summary") and response.status == 200:
        return _edit_data(
            response, lambda d: {**d, "pendingParticipants": d["pendingParticipants"] + 1}
        )
    return response


async def events_out_of_order(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    if request.path.startswith("/v1/events/") and response.status == 200:
        return _edit_data(response, lambda data: list(reversed(data)))
    return response


async def not_found_without_id(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    body = response.json
    if response.status == 404 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        body["error"]["details"] = {}
        response.set_json(body)
    return response


def _as_asked(response: Resp, request: Req) -> Resp:
    """The answer's meta names the tenant the request named (the bug is in the data only)."""
    body = response.json
    if isinstance(body, dict) and isinstance(body.get("meta"), dict):
        body["meta"]["tenant_id"] = request.headers.get("x-tenant-signly")
        response.set_json(body)
    return response


async def cross_tenant_read(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    if request.method == "GET" and request.path.startswith("/v1/") and response.status == 404:
        for owner in SEEDED:
            again = await forward(
                Req(
                    request.method,
                    request.path,
                    request.query,
                    _merged(request.headers, owner.partner_headers()),
                    b"",
                )
            )
            if again.status == 200:
                return _as_asked(again, request)
    return response


async def foreign_tenant_accepted(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    if response.status == 403 and request.path.startswith("/v1/"):
        key = request.headers.get("x-auth-signly")
        for owner in SEEDED:
            if owner.api_key == key:
                served = await forward(
                    Req(
                        request.method,
                        request.path,
                        request.query,
                        _merged(request.headers, owner.partner_headers()),
                        request.body,
                    )
                )
                return _as_asked(served, request)
    return response


async def revoked_key_accepted(request: Req, forward: Forward) -> Resp:
    if _is(request, "DELETE", "api"):
        return await _fake_admin(forward, request)
    return await forward(request)


async def second_credential_replaces_live_one(request: Req, forward: Forward) -> Resp:
    """The old behaviour: a second POST /api silently replaces the live credential."""
    if _is(request, "POST", "api"):
        await forward(Req("DELETE", "/api", {}, request.headers, b""))
    return await forward(request)


async def _fake_admin(forward: Forward, request: Req) -> Resp:
    probe = await forward(Req("GET", "/api", {}, request.headers, b""))
    body = probe.json or {}
    body.update({"status": 200, "code": "api_integration_deleted", "data": {"deleted": True}})
    probe.set_json(body)
    return probe


async def secret_shown_on_get(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    if _is(request, "GET", "api") and response.status == 200:
        return _edit_data(response, lambda data: {**data, "apiKey": "sk_live_leaked_secret_0001"})
    return response


async def server_error_on_long_name(request: Req, forward: Forward) -> Resp:
    if _is(request, "POST", "v1", "templates"):
        try:
            name = json.loads(request.body).get("templateName", "")
        except (ValueError, AttributeError):
            name = ""
        if isinstance(name, str) and len(name) > 150:
            return Resp(500, [("content-type", "text/plain")], b"Internal Server Error")
    return await forward(request)


async def missing_request_id(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    response.headers = [(k, v) for k, v in response.headers if k.lower() != "x-request-id"]
    return response


async def constant_request_id(request: Req, forward: Forward) -> Resp:
    """The page's example request id on every answer, header and body alike."""
    response = await forward(request)
    body = response.json
    if isinstance(body, dict) and isinstance(body.get("meta"), dict):
        body["meta"]["request_id"] = "req_01J8XQ7M8VW2A6G2B0N7J5AZ7Q"
        response.set_json(body)
        response.headers = [
            (k, "req_01J8XQ7M8VW2A6G2B0N7J5AZ7Q" if k.lower() == "x-request-id" else v)
            for k, v in response.headers
        ]
    return response


async def not_found_typed_as_validation(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    body = response.json
    if response.status == 404 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        body["error"]["type"] = "validation"
        response.set_json(body)
    return response


async def wrong_content_type(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    response.headers = [
        (k, "text/html; charset=utf-8" if k.lower() == "content-type" else v)
        for k, v in response.headers
    ]
    return response


async def undocumented_status(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    if response.status == 404 and request.path.startswith("/v1/templates/"):
        response.status = 410
        body = response.json
        if isinstance(body, dict):
            body["status"] = 410
            response.set_json(body)
    return response


async def version_as_string(request: Req, forward: Forward) -> Resp:
    response = await forward(request)
    if _is_list(request) and request.path == "/v1/templates" and response.status == 200:
        return _edit_data(
            response, lambda data: [{**item, "version": str(item.get("version"))} for item in data]
        )
    return response


async def auth_ignored(request: Req, forward: Forward) -> Resp:
    if request.path.startswith("/v1/") and "x-auth-signly" not in request.headers:
        request.headers.update(_merged({}, PAGE_TENANT.partner_headers()))
    return await forward(request)


async def key_without_tenant_served(request: Req, forward: Forward) -> Resp:
    """A key sent without X-Tenant-Signly is served as the tenant the key belongs to."""
    key = request.headers.get("x-auth-signly")
    if request.path.startswith("/v1/") and key and "x-tenant-signly" not in request.headers:
        for owner in SEEDED:
            if owner.api_key == key:
                request.headers["x-tenant-signly"] = owner.tenant_id
    return await forward(request)


async def credits_not_enforced(request: Req, forward: Forward) -> Resp:
    """Publishing never runs out of credit: a balance of 0 is acknowledged, not applied."""
    if _is(request, "PUT", "_sandbox", "credits"):
        wanted = json.loads(request.body or b"{}").get("credits")
        if wanted == 0:
            tenant = request.headers.get("x-tenant-signly")
            data = {"tenantId": tenant, "credits": 0}
            return await _fake(forward, request, 200, "sandbox_credits_set", data)
    return await forward(request)


async def payload_too_large_as_400(request: Req, forward: Forward) -> Resp:
    """An oversized body is answered as a validation error, not the documented 413 (D29)."""
    response = await forward(request)
    body = response.json
    if response.status == 413 and isinstance(body, dict):
        body.update({"status": 400, "code": "validation_error"})
        if isinstance(body.get("error"), dict):
            body["error"]["type"] = "validation"
        response.status = 400
        response.set_json(body)
    return response


async def meta_names_other_tenant(request: Req, forward: Forward) -> Resp:
    """Answers carry another tenant's id in meta (a shared response cache keyed badly)."""
    response = await forward(request)
    body = response.json
    ours = request.path.startswith("/v1/") and response.status < 300
    if ours and isinstance(body, dict) and isinstance(body.get("meta"), dict):
        body["meta"]["tenant_id"] = SECOND_TENANT.tenant_id
        response.set_json(body)
    return response


async def stale_meta_timestamp(request: Req, forward: Forward) -> Resp:
    """meta.timestamp from a day ago (a cached answer served as new)."""
    response = await forward(request)
    body = response.json
    if isinstance(body, dict) and isinstance(body.get("meta"), dict):
        body["meta"]["timestamp"] = "2026-01-01T00:00:00Z"
        response.set_json(body)
    return response


async def pagination_on_history(request: Req, forward: Forward) -> Resp:
    """The history (not paginated, D02) claims a page object."""
    response = await forward(request)
    if request.path.endswith("/history") and response.status == 200:
        body = response.json
        body["pagination"] = {"limit": 20, "hasMore": False, "nextCursor": None}
        response.set_json(body)
    return response


EMPTY_CURSOR = "fault-empty-page"


async def has_more_on_last_page(request: Req, forward: Forward) -> Resp:
    """The last page says hasMore and hands out a cursor to an empty page."""
    if _is_list(request) and request.query.get("cursor") == EMPTY_CURSOR:
        probe = await forward(Req("GET", request.path, {"limit": "1"}, request.headers, b""))
        body = probe.json
        body["data"] = []
        body["pagination"] = {
            "limit": int(request.query.get("limit", "20")),
            "hasMore": False,
            "nextCursor": None,
        }
        probe.set_json(body)
        return probe
    response = await forward(request)
    body = response.json
    if _is_list(request) and response.status == 200 and isinstance(body, dict):
        pagination = body.get("pagination")
        if isinstance(pagination, dict) and not pagination.get("hasMore") and body.get("data"):
            body["pagination"] = {**pagination, "hasMore": True, "nextCursor": EMPTY_CURSOR}
            response.set_json(body)
    return response


_DELETED: dict[str, dict[str, Any]] = {}


async def deleted_template_listed(request: Req, forward: Forward) -> Resp:
    """A deleted template stays on the first page of the list (a stale list cache)."""
    if _is(request, "DELETE", "v1", "templates", "*"):
        template_id = request.path.split("/")[3]
        read = await forward(Req("GET", request.path, {}, request.headers, b""))
        data = (read.json or {}).get("data") if read.status == 200 else None
        response = await forward(request)
        if response.status == 200 and isinstance(data, dict):
            _DELETED[template_id] = {
                "templateId": template_id,
                "templateName": data.get("templateName"),
                "version": data.get("version"),
                "createdAt": data.get("createdAt") or "2026-01-01T00:00:00Z",
                "updatedAt": data.get("updatedAt") or "2026-01-01T00:00:00Z",
            }
        return response
    response = await forward(request)
    if (
        request.method == "GET"
        and request.path == "/v1/templates"
        and response.status == 200
        and not request.query.get("cursor")
    ):
        extra = list(_DELETED.values())
        return _edit_data(response, lambda data: (extra + data)[: len(data) or 1])
    return response


async def summary_stale_when_final(request: Req, forward: Forward) -> Resp:
    """The summary keeps saying IN_PROGRESS once the document is rejected (a counter table
    updated on signatures only)."""
    response = await forward(request)
    if request.path.endswith("/summary") and response.status == 200:
        return _edit_data(
            response,
            lambda d: {**d, "status": "IN_PROGRESS"} if d.get("status") == "REJECTED" else d,
        )
    return response


async def timeline_misses_closing_event(request: Req, forward: Forward) -> Resp:
    """Timelines lose the event that closed the process (written elsewhere, never read)."""
    response = await forward(request)
    if request.path.startswith("/v1/events/") and response.status == 200:
        closing = ("PROCESS_COMPLETED", "PROCESS_CANCELLED", "PROCESS_EXPIRED")
        return _edit_data(
            response, lambda data: [e for e in data if e.get("eventType") not in closing]
        )
    return response


async def publish_answer_reorders_participants(request: Req, forward: Forward) -> Resp:
    """The publish answer lists participants newest first (a set turned back into a list)."""
    response = await forward(request)
    if _is(request, "POST", "v1", "documents") and response.status == 201:
        return _edit_data(
            response, lambda d: {**d, "participants": list(reversed(d.get("participants", [])))}
        )
    return response


_LAST_CREATED: dict[str, str] = {}


async def create_answers_previous_name(request: Req, forward: Forward) -> Resp:
    """A create answers with the name of the template created before (a reused buffer)."""
    response = await forward(request)
    if _is(request, "POST", "v1", "templates") and response.status == 201:
        name = str(json.loads(request.body or b"{}").get("templateName"))
        previous = _LAST_CREATED.get("name")
        _LAST_CREATED["name"] = name
        if previous is not None and previous != name:
            return _edit_data(response, lambda d: {**d, "templateName": previous})
    return response


async def list_updated_before_created(request: Req, forward: Forward) -> Resp:
    """Listed templates say they were updated an hour before they were created (the two
    columns swapped by a migration)."""
    response = await forward(request)
    if _is(request, "GET", "v1", "templates") and response.status == 200:

        def earlier(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
            for item in items:
                created = datetime.fromisoformat(item["createdAt"].replace("Z", "+00:00"))
                item["updatedAt"] = (created - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
            return items

        return _edit_data(response, earlier)
    return response


async def metadata_dropped(request: Req, forward: Forward) -> Resp:
    """A document read loses its metadata (stored in a column the read never selects)."""
    response = await forward(request)
    if _is(request, "GET", "v1", "documents", "*") and response.status == 200:
        return _edit_data(response, lambda d: {**d, "metadata": {}})
    return response


async def list_shows_first_version(request: Req, forward: Forward) -> Resp:
    """The template list keeps showing version 1 after an update (a summary row written on
    create only)."""
    response = await forward(request)
    if _is(request, "GET", "v1", "templates") and response.status == 200:

        def first(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{**item, "version": 1} for item in items]

        return _edit_data(response, first)
    return response


Change = Callable[[dict[str, str], bytes, str], list[tuple[dict[str, str], bytes]]]


def webhook_relay(change: Change) -> Rewrite:
    """A fault in the deliveries: the sandbox is made to deliver to a relay in front of the
    receiver, which passes on what `change` makes of each delivery (headers, body; it knows
    the secret, read from the webhook's configuration, so it can sign what it changed)."""
    secret = {"value": ""}

    async def rewrite(request: Req, forward: Forward) -> Resp:
        import httpx

        if request.path == "/_fault/relay" and request.method == "POST":
            to = request.query["to"]
            headers = {
                k: v for k, v in request.headers.items() if k not in ("host", "content-length")
            }
            async with httpx.AsyncClient(timeout=5) as client:
                for sent_headers, body in change(headers, request.body, secret["value"]):
                    await client.post(to, content=body, headers=sent_headers)
            return Resp(200, [("content-type", "application/json")], b"{}")
        if _is(request, "PUT", "_sandbox", "webhook"):
            body = json.loads(request.body or b"{}")
            secret["value"] = str(body.get("secret") or "")
            if isinstance(body.get("url"), str):
                host = request.headers.get("host", "127.0.0.1")
                relay = f"http://{host}/_fault/relay?" + urlencode({"to": body["url"]})
                request.body = json.dumps({**body, "url": relay}).encode()
        return await forward(request)

    return rewrite


def _sign(headers: dict[str, str], body: bytes, secret: str) -> dict[str, str]:
    """The headers of `body` signed with `secret` per Standard Webhooks, under the
    delivery's own webhook-id and timestamp."""
    from signly_client import webhooks

    signed = dict(headers)
    signed.update(
        webhooks.sign(
            body,
            secret,
            msg_id=signed["webhook-id"],
            timestamp=float(signed["webhook-timestamp"]),
        )
    )
    return signed


def _wrong_signature(
    headers: dict[str, str], body: bytes, secret: str
) -> list[tuple[dict[str, str], bytes]]:
    """Signed, but not with the tenant's secret (one bit of every signature flipped)."""
    forged = dict(headers)
    value = forged["webhook-signature"]
    # One base64 character changed before the padding: well-formed, wrongly signed.
    forged["webhook-signature"] = value[:-3] + ("1" if value[-3] == "0" else "0") + value[-2:]
    return [(forged, body)]


def _twice(headers: dict[str, str], body: bytes, secret: str) -> list[tuple[dict[str, str], bytes]]:
    """Sent again although the receiver acknowledged it at once (a lost acknowledgement)."""
    return [(headers, body), (headers, body)]


def _new_id_on_retry(
    headers: dict[str, str], body: bytes, secret: str
) -> list[tuple[dict[str, str], bytes]]:
    """Each event also sent under a fresh webhook-id (a retry that mints a new message id):
    a receiver de-duplicating on webhook-id, as the spec says, handles the event twice."""
    again = _sign({**headers, "webhook-id": f"msg_{uuid.uuid4().hex}"}, body, secret)
    return [(headers, body), (again, body)]


def _sent_at_not_happened_at(
    headers: dict[str, str], body: bytes, secret: str
) -> list[tuple[dict[str, str], bytes]]:
    """The payload's timestamp is when it was sent, an hour after the event happened (the
    sender fills it in): valid, signed, and not the event its timeline holds."""
    payload = json.loads(body)
    moment = datetime.fromisoformat(payload["timestamp"].replace("Z", "+00:00"))
    payload["timestamp"] = (moment + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    changed = json.dumps(payload, separators=(",", ":")).encode()
    return [(_sign(headers, changed, secret), changed)]


def _without_tenant(
    headers: dict[str, str], body: bytes, secret: str
) -> list[tuple[dict[str, str], bytes]]:
    """The payload loses `tenantId`, and is signed as sent (the signer signs what it sends)."""
    payload = json.loads(body)
    payload.pop("tenantId", None)
    changed = json.dumps(payload, separators=(",", ":")).encode()
    return [(_sign(headers, changed, secret), changed)]


@dataclass(frozen=True)
class Fault:
    """A broken variant, the part of the suite aimed at it, and the checks that may name it."""

    name: str
    rewrite: Rewrite
    catches: frozenset[str]
    prop: str | None = None
    phase: str | None = None
    operation: tuple[str, str] | None = None
    note: str = field(default="")


def _p(name: str, rewrite: Rewrite, prop: str, *checks: str) -> Fault:
    return Fault(name, rewrite, frozenset(checks), prop=prop)


def _s(name: str, rewrite: Rewrite, phase: str, method: str, path: str, *checks: str) -> Fault:
    return Fault(name, rewrite, frozenset(checks), phase=phase, operation=(method, path))


FAULTS: tuple[Fault, ...] = (
    _p(
        "ignores_limit",
        ignores_limit,
        "templates_pagination",
        "pagination.limit",
        "pagination.flags",  # the page's own word on its limit, checked on every list answer
    ),
    _p("cursor_repeats_item", cursor_repeats_item, "templates_pagination", "pagination.unique"),
    _p("wrong_sort_order", wrong_sort_order, "templates_pagination", "pagination.sort"),
    _p(
        "status_filter_ignored",
        status_filter_ignored,
        "documents_status_filter",
        "documents.status_filter",
    ),
    _p("extend_not_persisted", extend_not_persisted, "document_extend", "extend.persisted"),
    _p("cancel_leaves_active", cancel_leaves_active, "document_cancel", "cancel.status"),
    _p("put_skips_version", put_skips_version, "template_versions", "versions.next_number"),
    _p(
        "deleted_version_readable",
        deleted_version_readable,
        "template_versions",
        "versions.deleted_gone",
    ),
    _p("fields_drop_coordinates", fields_drop_coordinates, "template_fields", "fields.roundtrip"),
    _p("download_other_bytes", download_other_bytes, "template_storage", "storage.roundtrip"),
    _p("summary_miscounts", summary_miscounts, "document_summary_counts", "summary.counts"),
    _p(
        "events_out_of_order",
        events_out_of_order,
        "process_events",
        "events.starts_with_created",
        "events.chronological",
    ),
    _p("not_found_without_id", not_found_without_id, "unknown_ids_404", "not_found.names_id"),
    _p("cross_tenant_read", cross_tenant_read, "no_cross_tenant_read", "isolation.no_cross_read"),
    _p(
        "foreign_tenant_accepted",
        foreign_tenant_accepted,
        "foreign_tenant_refused",
        "isolation.foreign_tenant_refused",
    ),
    _p(
        "revoked_key_accepted",
        revoked_key_accepted,
        "credential_lifecycle",
        "credentials.revoked_key_refused",
    ),
    _p(
        "second_credential_replaces_live_one",
        second_credential_replaces_live_one,
        "credential_lifecycle",
        "credentials.second_refused",
    ),
    _p(
        "secret_shown_on_get",
        secret_shown_on_get,
        "credential_lifecycle",
        "credentials.secret_not_shown",
    ),
    _s(
        "server_error_on_long_name",
        server_error_on_long_name,
        "coverage",
        "POST",
        "/v1/templates",
        "not_a_server_error",
    ),
    _s(
        "missing_request_id",
        missing_request_id,
        "examples",
        "GET",
        "/v1/templates",
        "response_headers_conformance",
        "signly_envelope",
    ),
    _s(
        "constant_request_id",
        constant_request_id,
        "fuzzing",
        "GET",
        "/v1/templates",
        "signly_envelope",
    ),
    _s(
        "not_found_typed_as_validation",
        not_found_typed_as_validation,
        "examples",
        "GET",
        "/v1/templates/{templateId}",
        "signly_envelope",
    ),
    _s(
        "wrong_content_type",
        wrong_content_type,
        "examples",
        "GET",
        "/v1/templates",
        "content_type_conformance",
    ),
    _s(
        "undocumented_status",
        undocumented_status,
        "examples",
        "GET",
        "/v1/templates/{templateId}",
        "documented_status",
    ),
    _s(
        "version_as_string",
        version_as_string,
        "examples",
        "GET",
        "/v1/templates",
        "response_schema_conformance",
    ),
    _s("auth_ignored", auth_ignored, "examples", "POST", "/v1/templates", "ignored_auth"),
    _s(
        "meta_names_other_tenant",
        meta_names_other_tenant,
        "examples",
        "GET",
        "/v1/templates",
        "signly_agreement",
    ),
    _p("stale_meta_timestamp", stale_meta_timestamp, "unknown_ids_404", "meta.agrees"),
    _p("pagination_on_history", pagination_on_history, "template_versions", "pagination.flags"),
    _p(
        "has_more_on_last_page",
        has_more_on_last_page,
        "templates_pagination",
        "pagination.has_more",
    ),
    _p(
        "deleted_template_listed",
        deleted_template_listed,
        "lists_follow_writes",
        "lists.agree_with_writes",
    ),
    _p(
        "summary_stale_when_final",
        summary_stale_when_final,
        "views_agree_with_state",
        "views.summary",
    ),
    _p(
        "timeline_misses_closing_event",
        timeline_misses_closing_event,
        "views_agree_with_state",
        "views.timeline",
    ),
    _p(
        "publish_answer_reorders_participants",
        publish_answer_reorders_participants,
        "document_read_as_published",
        "answer.agrees",
    ),
    _s(
        "create_answers_previous_name",
        create_answers_previous_name,
        "examples",
        "POST",
        "/v1/templates",
        "signly_agreement",
    ),
    _s(
        "list_updated_before_created",
        list_updated_before_created,
        "examples",
        "GET",
        "/v1/templates",
        "signly_chronology",
    ),
    _p("metadata_dropped", metadata_dropped, "document_read_as_published", "reads.as_published"),
    _p(
        "list_shows_first_version",
        list_shows_first_version,
        "lists_follow_writes",
        "lists.agree_with_writes",
    ),
    _p(
        "webhook_wrong_signature",
        webhook_relay(_wrong_signature),
        "webhook_deliveries",
        "webhooks.signature",
    ),
    _p(
        "webhook_delivered_twice",
        webhook_relay(_twice),
        "webhook_deliveries",
        "webhooks.acknowledged",
    ),
    _p(
        "webhook_new_id_on_retry",
        webhook_relay(_new_id_on_retry),
        "webhook_deliveries",
        "webhooks.once",
    ),
    _p(
        "webhook_payload_not_the_timeline_event",
        webhook_relay(_sent_at_not_happened_at),
        "webhook_deliveries",
        "webhooks.matches_timeline",
    ),
    _p(
        "webhook_payload_incomplete",
        webhook_relay(_without_tenant),
        "webhook_deliveries",
        "webhooks.payload",
    ),
    _p(
        "key_without_tenant_served",
        key_without_tenant_served,
        "partial_and_crossed_credentials",
        "auth.key_without_tenant",
    ),
    _p(
        "credits_not_enforced",
        credits_not_enforced,
        "documented_statuses",
        "credits.exhausted_refused",
    ),
    _p(
        "payload_too_large_as_400",
        payload_too_large_as_400,
        "documented_statuses",
        "documented_status.reached",
    ),
)


def wrap(fault: Fault) -> Callable[[Any], Any]:
    return lambda app: FaultMiddleware(app, fault.rewrite)
