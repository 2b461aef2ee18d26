"""`create_app`: the sandbox as an ASGI app, with every part replaceable for test variants.

Per request: route (from the spec) -> what came due on the sandbox clock -> authenticate ->
a simulated answer or the rate limit (the workbench) -> (with an `Idempotency-Key`: claim the
key, or replay its first answer; idempotency.py) -> read and parse the body -> validate
against the compiled spec -> handler -> envelope. The request journal and CORS wrap it
all. Every `ApiError` becomes its envelope here, in one place; anything else is logged
and answered as a 500 envelope, never a stack trace.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import orjson
from starlette.datastructures import State
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route, Router
from starlette.types import Receive, Scope, Send

from signly_sandbox import idempotency
from signly_sandbox.auth import admin_tenant, partner_tenant
from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import Clock, SandboxClock
from signly_sandbox.config import PAGE_ADMIN_TOKEN, SandboxConfig, TenantSeed
from signly_sandbox.envelope import error_response, success_response
from signly_sandbox.errors import (
    ApiError,
    InternalError,
    MethodNotAllowed,
    PayloadTooLarge,
    RouteNotFound,
    UnsupportedMediaType,
    Validation,
)
from signly_sandbox.fixtures import ReferenceWorld, reference_world
from signly_sandbox.handlers import HANDLERS, Call, Handler, Reply, Services
from signly_sandbox.ids import new_request_id
from signly_sandbox.journal import OPERATION_KEY, REQUEST_ID_KEY
from signly_sandbox.routing import (
    Operation,
    Security,
    build_routes,
    check_handlers,
    compile_operations,
    load_spec,
)
from signly_sandbox.state import Store
from signly_sandbox.webhooks import DeliveryPolicy, WebhookDispatcher
from signly_sandbox.workbench import Workbench

log = logging.getLogger("signly_sandbox")


class SandboxApp:
    """Serves operations: owns the services and the handler table."""

    def __init__(self, services: Services, handlers: Mapping[str, Handler]) -> None:
        self.services = services
        self.handlers = handlers

    async def run(self, request: Request, operation: Operation) -> Response:
        request_id = new_request_id()
        tenant_id: str | None = None
        clock = self.services.clock
        headers: dict[str, str] | None = None
        workbench = self.services.workbench
        request.scope[OPERATION_KEY] = operation.operation_id
        request.scope[REQUEST_ID_KEY] = request_id
        try:
            if workbench is not None:
                workbench.check_time()
            tenant_id = self._authenticate(operation, request)
            if workbench is not None:
                simulated = await workbench.before(
                    operation.operation_id, request, tenant_id, request_id
                )
                if simulated is not None:
                    return simulated
            key = idempotency.key_of(operation, request.headers)
            if key is None:
                call = await self._call(request, operation, tenant_id)
                reply = await self.handlers[operation.operation_id](self.services, call)
            else:
                reply, replayed = await self._run_once(request, operation, tenant_id, key)
                headers = {idempotency.REPLAYED_HEADER: "true"} if replayed else None
        except ApiError as error:
            established = None if error.status in (401, 403) else tenant_id
            return error_response(error, request_id=request_id, tenant_id=established, clock=clock)
        except Exception:
            log.exception("unexpected error in %s (request %s)", operation.operation_id, request_id)
            return error_response(
                InternalError(), request_id=request_id, tenant_id=tenant_id, clock=clock
            )
        return success_response(
            status=reply.status,
            code=reply.code,
            message=reply.message,
            data=reply.data,
            pagination=reply.pagination,
            request_id=request_id,
            tenant_id=tenant_id,
            clock=clock,
            headers=headers,
        )

    async def _run_once(
        self, request: Request, operation: Operation, tenant_id: str, key: str
    ) -> tuple[Reply, bool]:
        """D36: the key is checked against the raw request before it is validated."""
        raw = b""
        if operation.checks.body is not None:
            raw = await self._raw_body(request)
        scope = request.scope
        fingerprint = idempotency.fingerprint(
            operation, scope["path"], scope.get("query_string", b"").decode("latin-1"), raw
        )

        async def serve() -> Reply:
            call = await self._call(request, operation, tenant_id, raw)
            return await self.handlers[operation.operation_id](self.services, call)

        return await idempotency.run_once(
            self.services.store.idempotency, tenant_id, key, fingerprint, serve
        )

    def _authenticate(self, operation: Operation, request: Request) -> str:
        store = self.services.store
        if operation.security is Security.ADMIN:
            return admin_tenant(store, request.headers)
        if operation.security is Security.PARTNER:
            return partner_tenant(store, request.headers)
        return ""

    async def _call(
        self, request: Request, operation: Operation, tenant_id: str, raw: bytes | None = None
    ) -> Call:
        checks = operation.checks
        path = checks.check_path(request.path_params)
        query = checks.check_query(request.query_params)
        checks.check_headers(request.headers)
        body: Any = None
        if checks.body is not None:
            if raw is None:
                raw = await self._raw_body(request)
            body = self._json_body(raw, checks.body_required)
            checks.check_body(body)
        return Call(tenant_id, path, query, body)

    async def _raw_body(self, request: Request) -> bytes:
        """The body's bytes, refused before reading when too large or not JSON."""
        limit = self.services.config.max_body_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise PayloadTooLarge(details={"maxBytes": limit})
        content_type = request.headers.get("content-type", "")
        media_type = content_type.split(";", 1)[0].strip().lower()
        if media_type != "application/json" and not (media_type.endswith("+json")):
            raise UnsupportedMediaType(details={"contentType": content_type})
        chunks = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise PayloadTooLarge(details={"maxBytes": limit})
            chunks.append(chunk)
        return b"".join(chunks)

    @staticmethod
    def _json_body(raw: bytes, required: bool) -> Any:
        if not raw.strip():
            if required:
                raise Validation({"_schema": ["Missing request body."]})
            return None
        try:
            # orjson, like the envelope's encoder: whatever it reads it can write back
            # (no NaN, no integers past 64 bits that would break a later response).
            body = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise Validation({"_schema": [f"Malformed JSON: {error}."]}) from None
        _refuse_duplicate_keys(raw)
        return body

    def router_error(self, scope: Scope, exc: Exception) -> Response:
        """Router-level 404 (no such path) and 405 (path exists, method does not)."""
        status = getattr(exc, "status_code", 500)
        error: ApiError
        if status == 405:
            headers = dict(getattr(exc, "headers", None) or {})
            allow = headers.get("Allow", "")
            error = MethodNotAllowed(
                details={"allowed": allow.split(", ")}, headers={"Allow": allow}
            )
        elif status == 404:
            error = RouteNotFound(details={"path": scope.get("path", "")})
        else:
            log.error("unexpected router error", exc_info=exc)
            error = InternalError()
        return error_response(
            error, request_id=new_request_id(), tenant_id=None, clock=self.services.clock
        )


def _refuse_duplicate_keys(raw: bytes) -> None:
    """A JSON object naming a key twice is refused: parsers disagree on which value wins
    (first, last, error), so a proxy and the sandbox could read two different requests.
    orjson keeps the last silently; the stdlib parser's pair hook sees every pair."""

    def pairs(items: list[tuple[str, Any]]) -> None:
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                raise Validation({"_schema": [f"Malformed JSON: duplicate key {key[:100]!r}."]})
            seen.add(key)

    try:
        json.loads(raw, object_pairs_hook=pairs)
    except RecursionError:
        raise Validation({"_schema": ["Malformed JSON: nested too deeply."]}) from None
    except ValueError as error:  # what orjson read, the stdlib parser should read too
        raise Validation({"_schema": [f"Malformed JSON: {error}."]}) from None


class SandboxASGI:
    """The ASGI entry point: the spec's Starlette routes with our error envelope around them.

    Not a full `Starlette` app: its two middleware layers cost more per request than the
    whole rest of a read, and every error they would handle is already an envelope here.
    Requests only try the routes with as many path segments as they have (a third of them
    at most), in Starlette's own order; the `Router` still serves the lifespan."""

    def __init__(self, sandbox: SandboxApp, router: Router) -> None:
        self.sandbox = sandbox
        self.router = router
        workbench = sandbox.services.workbench
        self._http = self._serve if workbench is None else workbench.wrap(self._serve)
        self.routes = router.routes
        self.state = State({"sandbox": sandbox, "services": sandbox.services})
        self._by_depth: dict[int, list[Route]] = {}
        for route in router.routes:
            if isinstance(route, Route):
                self._by_depth.setdefault(route.path.count("/"), []).append(route)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.router(scope, receive, send)
            return
        await self._http(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        # With "app" in scope, Starlette's routes raise HTTPException for 405.
        scope["app"] = self
        try:
            await self._dispatch(scope, receive, send)
        except Exception as exc:
            await self.sandbox.router_error(scope, exc)(scope, receive, send)

    async def _dispatch(self, scope: Scope, receive: Receive, send: Send) -> None:
        partial: tuple[Route, Scope] | None = None
        for route in self._by_depth.get(scope["path"].count("/"), ()):
            match, child = route.matches(scope)
            if match is Match.FULL:
                scope.update(child)
                await route.handle(scope, receive, send)
                return
            if match is Match.PARTIAL and partial is None:
                partial = (route, child)
        if partial is None:
            raise HTTPException(status_code=404)
        scope.update(partial[1])
        await partial[0].handle(scope, receive, send)


def create_app(
    config: SandboxConfig | None = None,
    *,
    clock: Clock | None = None,
    store: Store | None = None,
    store_class: type[Store] = Store,
    blobs: BlobStore | None = None,
    handlers: Mapping[str, Handler] | None = None,
    spec: dict[str, Any] | None = None,
) -> SandboxASGI:
    """Build the sandbox. Every part can be injected, so tests can build variants (a faulty
    store class, a handler table with one handler swapped, a manual clock, a shared S3)."""
    config = config or SandboxConfig.from_env()
    document = spec if spec is not None else load_spec(config.spec_path)
    world = _world(config, document)
    # The sandbox clock (D39): real time, or the fixture world's moment, moved by partners.
    clock = clock or SandboxClock(None if world is None else world.moment)
    owned: list[Any] = []
    if store is None:
        store = store_class(clock, config.data_dir, default_credits=config.credits)
        owned.append(store)
    for seed in config.tenants:
        store.seed_tenant(seed, config.credits)
    if blobs is None:
        blobs = _start_blobs(config, clock)
        owned.append(blobs)
    if world is not None:
        seed = TenantSeed(world.tenant_id, world.api_key, PAGE_ADMIN_TOKEN, world.key_id)
        store.seed_tenant(seed, config.credits)
        world.load(store, blobs)
    handler_table = dict(HANDLERS if handlers is None else handlers)
    operations = compile_operations(document)
    check_handlers(operations, handler_table)
    webhooks = WebhookDispatcher(
        store,
        DeliveryPolicy(
            attempts=config.webhook_attempts,
            backoff_seconds=config.webhook_backoff_seconds,
            max_backoff_seconds=config.webhook_max_backoff_seconds,
            timeout_seconds=config.webhook_timeout_seconds,
        ),
    )
    workbench = Workbench(config, document, store, clock, blobs, world)
    services = Services(config, store, clock, blobs, webhooks, workbench)
    sandbox = SandboxApp(services, handler_table)

    @asynccontextmanager
    async def lifespan(app: object) -> AsyncIterator[None]:
        await workbench.start()
        await webhooks.start()  # deliveries a previous run left pending go out now
        yield
        await workbench.close()
        await webhooks.close()
        for part in reversed(owned):
            part.close()

    router = Router(build_routes(operations, sandbox.run), lifespan=lifespan)
    return SandboxASGI(sandbox, router)


def _world(config: SandboxConfig, document: dict[str, Any]) -> ReferenceWorld | None:
    """The fixture world to start in; its tenant keeps the key the sandbox was given."""
    if config.fixtures is None:
        return None
    if config.fixtures != "reference":
        raise ValueError(f"unknown fixtures {config.fixtures!r}; known: reference")
    world = reference_world(document)
    for seed in config.tenants:
        if seed.tenant_id == world.tenant_id:
            return world.with_api_key(seed.api_key)
    return world


def _start_blobs(config: SandboxConfig, clock: Clock) -> BlobStore:
    if config.s3_endpoint_url:
        return BlobStore(
            config.s3_endpoint_url,
            config.s3_bucket,
            config.s3_region,
            config.s3_access_key,
            config.s3_secret_key,
            config.url_expires_seconds,
        )
    return BlobStore.start_local(
        config.s3_bucket,
        config.s3_region,
        config.s3_access_key,
        config.s3_secret_key,
        config.url_expires_seconds,
        clock=clock,
    )
