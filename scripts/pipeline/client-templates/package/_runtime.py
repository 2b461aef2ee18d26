"""What the generated Signly clients run on: auth, timeouts, retries, typed errors,
pagination and presigned storage transfers.

The per-operation methods and the OPERATIONS table that call into it are generated from
the API description, so a new operation needs no change here.

A call: the generated module's `_get_kwargs` builds the request (with an `Idempotency-Key`
when the operation takes one: the caller's, or a new UUID, the same on every retry); it is
sent on the generated client's httpx client, retried by tenacity on connection errors, 429
and 5xx (idempotent operations and those with a key only, unless the caller opts in); a 2xx
answer is parsed by the generated module's `_parse_response`, any other becomes a typed
`SignlyError`.

Logging: every attempt is logged on the `signly_client` logger (standard `logging`, so an
application routes it as it likes): method, path, status, request id, attempt and time at
INFO, headers and bodies at DEBUG, credentials and secrets masked. `SIGNLY_LOG=info` or
`SIGNLY_LOG=debug` also prints them to stderr.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import platform
import re
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from http import HTTPStatus
from importlib import metadata
from pathlib import Path
from types import ModuleType, TracebackType
from typing import IO, Any, Self, TypeVar
from uuid import UUID
from xml.etree import ElementTree

import httpx
import tenacity
from signly_client import errors
from signly_client.client import AuthenticatedClient
from signly_client.types import UNSET, Response, Unset

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "AsyncAdminBase",
    "AsyncPartnerBase",
    "Operation",
    "PdfSource",
    "RetryPolicy",
    "SyncAdminBase",
    "SyncPartnerBase",
]

T = TypeVar("T")
P = TypeVar("P")

DEFAULT_BASE_URL = "https://api.signly.apologs.com"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_STORAGE_TIMEOUT = httpx.Timeout(120.0, connect=5.0)
ENV_TENANT_ID = "SIGNLY_TENANT_ID"
ENV_API_KEY = "SIGNLY_API_KEY"
ENV_BASE_URL = "SIGNLY_BASE_URL"
ENV_ADMIN_TOKEN = "SIGNLY_ADMIN_TOKEN"
ENV_LOG = "SIGNLY_LOG"
AUTH_HEADER = "X-Auth-Signly"
TENANT_HEADER = "X-Tenant-Signly"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def _version() -> str:
    try:
        return metadata.version("signly-client")
    except metadata.PackageNotFoundError:
        return "unknown"


CLIENT_VERSION = _version()
USER_AGENT = (
    f"signly-client-python/{CLIENT_VERSION} python/{platform.python_version()} "
    f"httpx/{httpx.__version__}"
)
# RFC 9110 9.2.2: repeating these has the effect of sending them once.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
# Transport failures worth another attempt (not a bad URL or a local protocol error).
RETRYABLE_TRANSPORT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

PdfSource = bytes | str | os.PathLike[str] | IO[bytes]
"""A PDF to upload: its bytes, a path to it, or a binary file object."""

log = logging.getLogger("signly_client")
_MASKED = "***"
_SECRET_HEADERS = frozenset({"x-auth-signly", "authorization", "proxy-authorization", "cookie"})
_SECRET_KEYS = re.compile(r"secret|api_?key|token|password|signature", re.IGNORECASE)
_LOGGED_BODY = 2000  # characters of a body at DEBUG


def _configure_logging(environ: Mapping[str, str] = os.environ) -> None:
    """`SIGNLY_LOG=debug|info`: print the client's log to stderr at that level (once)."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(
        environ.get(ENV_LOG, "").strip().lower()
    )
    if level is None:
        return
    log.setLevel(level)
    if not any(getattr(h, "_signly", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._signly = True  # type: ignore[attr-defined]
        log.addHandler(handler)


_configure_logging()


def _mask_header(name: str, value: str) -> str:
    if name.lower() not in _SECRET_HEADERS:
        return value
    scheme, _, rest = value.partition(" ")
    return f"{scheme} {_MASKED}" if rest and scheme in ("Bearer", "HMAC") else _MASKED


def _mask_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: _MASKED
            if _SECRET_KEYS.search(str(key)) and item is not None
            else _mask_value(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_mask_value(item) for item in value]
    return value


def _mask_body(content: bytes | None) -> str:
    """A body for the DEBUG log: JSON with every secret-looking field masked, else its size."""
    if not content:
        return "-"
    try:
        text = json.dumps(_mask_value(json.loads(content)), separators=(",", ":"))
    except (ValueError, UnicodeDecodeError):
        return f"<{len(content)} bytes>"
    return text if len(text) <= _LOGGED_BODY else text[:_LOGGED_BODY] + "..."


def _shown_url(url: httpx.URL) -> str:
    """The path, and the query with presigned-URL signatures and credentials masked."""
    if not url.query:
        return url.path
    pairs = [
        f"{name}={_MASKED if _SECRET_KEYS.search(name) or 'credential' in name.lower() else value}"
        for name, value in url.params.multi_items()
    ]
    return f"{url.path}?{'&'.join(pairs)}"


def _log_attempt(
    request: httpx.Request,
    attempt: int,
    began: float,
    response: httpx.Response | None,
    error: BaseException | None,
) -> None:
    milliseconds = (time.perf_counter() - began) * 1000
    where = f"{request.method} {_shown_url(request.url)}"
    if response is not None:
        log.info(
            "%s -> %s (request_id=%s, attempt %d, %.1f ms)",
            where,
            response.status_code,
            response.headers.get("X-Request-Id", "-"),
            attempt,
            milliseconds,
        )
    else:
        log.warning("%s -> %s (attempt %d, %.1f ms)", where, error, attempt, milliseconds)
    if log.isEnabledFor(logging.DEBUG):
        headers = {name: _mask_header(name, value) for name, value in request.headers.items()}
        log.debug("  request headers %s body %s", headers, _mask_body(request.content))
        if response is not None:
            log.debug("  response body %s", _mask_body(response.content))


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the spec as the generated clients call it (see api.OPERATIONS)."""

    name: str
    method: str
    path: str
    idempotent: bool
    paginated: bool
    idempotency_key: bool = False
    """It takes an `Idempotency-Key`: the client sends one on every call (the same on each
    retry), so it is retried like an idempotent operation."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When and how long to retry. Connection errors, 429 and 5xx (not 501) are retried
    with exponential backoff plus jitter, or after `Retry-After` when the server sends it,
    on idempotent operations and on those the client sends an `Idempotency-Key` with (the
    server answers a retry with the first success), others only with `retry_non_idempotent`.
    A `Retry-After` longer than `max_retry_after` is not waited for: the error is raised at
    once."""

    max_retries: int = 2
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    jitter: float = 0.5
    max_retry_after: float = 60.0
    retry_non_idempotent: bool = False

    def allows(self, operation: Operation) -> bool:
        safe = operation.idempotent or operation.idempotency_key
        return self.max_retries > 0 and (safe or self.retry_non_idempotent)

    def retryable(self, outcome: httpx.Response | BaseException) -> bool:
        """Whether this answer or failure of an attempt is worth another attempt."""
        if isinstance(outcome, BaseException):
            return isinstance(outcome.__cause__, RETRYABLE_TRANSPORT)
        status = outcome.status_code
        if status != 429 and (status < 500 or status == 501):
            return False
        retry_after = errors.parse_retry_after(outcome.headers.get("Retry-After"))
        return retry_after is None or retry_after <= self.max_retry_after

    def tenacity_args(self) -> dict[str, Any]:
        backoff = tenacity.wait_exponential_jitter(
            multiplier=self.initial_backoff, max=self.max_backoff, jitter=self.jitter
        )

        def wait(state: tenacity.RetryCallState) -> float:
            outcome = state.outcome
            if outcome is not None and not outcome.failed:
                response: httpx.Response = outcome.result()
                retry_after = errors.parse_retry_after(response.headers.get("Retry-After"))
                if retry_after is not None:
                    return retry_after
            return backoff(state)

        def should_retry(state: tenacity.RetryCallState) -> bool:
            outcome = state.outcome
            if outcome is None:
                return False
            error = outcome.exception() if outcome.failed else None
            return self.retryable(error if error is not None else outcome.result())

        return {
            "stop": tenacity.stop_after_attempt(self.max_retries + 1),
            "wait": wait,
            "retry": should_retry,
            # Out of attempts: hand back the last answer, or raise the last error.
            "retry_error_callback": lambda state: state.outcome.result(),
        }


class _Replay:
    """Tenacity's attempt function: the first call gives back the first attempt's outcome
    (already sent on the fast path, see `_transfer`), later calls send again."""

    def __init__(self, first: httpx.Response | errors.ConnectionError) -> None:
        self.first: httpx.Response | errors.ConnectionError | None = first

    def replay(self) -> httpx.Response:
        first, self.first = self.first, None
        if isinstance(first, BaseException):
            raise first
        assert first is not None
        return first


def _timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if value is None:
        return DEFAULT_TIMEOUT
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


def _required(value: str | None, env: str, what: str) -> str:
    value = value or os.environ.get(env)
    if not value:
        raise ValueError(f"no {what}: pass it to the client or set {env}")
    return value


def _generated_client(
    base_url: str | None,
    token: str,
    prefix: str,
    headers: Mapping[str, str],
    timeout: float | httpx.Timeout | None,
    httpx_args: Mapping[str, Any] | None,
) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=(base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL).rstrip("/"),
        token=token,
        prefix=prefix,
        auth_header_name=AUTH_HEADER,
        headers={"User-Agent": USER_AGENT, **headers},
        timeout=_timeout(timeout),
        httpx_args=dict(httpx_args or {}),
    )


def _read_pdf(pdf: PdfSource) -> bytes:
    if isinstance(pdf, bytes):
        return pdf
    if isinstance(pdf, str | os.PathLike):
        return Path(pdf).read_bytes()
    return pdf.read()


def _storage_error(response: httpx.Response, action: str) -> errors.StorageError:
    """S3-style XML error (`<Error><Code>..</Code><Message>..</Message>`) as a StorageError."""
    code: str | None = None
    message = f"storage answered {response.status_code} to the {action}"
    try:
        root = ElementTree.fromstring(response.content)
        code = root.findtext("Code")
        message = f"{message}: {root.findtext('Message') or code}"
    except ElementTree.ParseError:
        pass
    return errors.StorageError(
        message,
        status=response.status_code,
        code=code,
        error_type="storage",
        request_id=response.headers.get("x-amz-request-id"),
        response=response,
    )


def _next_cursor(page: object, previous: object) -> str | None:
    """The cursor of the next page, or None on the last one.

    `pagination: null` means the answer holds the whole list, and `hasMore: false` means
    this is the last page, whatever `nextCursor` says. A page that claims more but gives no
    usable cursor is an error, not a silent end: stopping there would lose items.
    """
    pagination = getattr(page, "pagination", None)
    if pagination is None or getattr(pagination, "has_more", None) is False:
        return None
    cursor = getattr(pagination, "next_cursor", None)
    if not isinstance(cursor, str) or not cursor:
        raise errors.SignlyError("the server said more items follow but sent no next cursor")
    if cursor == previous:
        raise errors.SignlyError(f"the server sent the same cursor twice ({cursor!r})")
    return cursor


def _built(
    generated: AuthenticatedClient, module: ModuleType, response: httpx.Response
) -> Response[Any]:
    """The generated `Response`; a body no model can read (a proxy's HTML 502, an answer
    from another release) is kept as `content` with `parsed=None` rather than raised."""
    try:
        built: Response[Any] = module._build_response(client=generated, response=response)
    except (KeyError, TypeError, ValueError):
        try:
            status: Any = HTTPStatus(response.status_code)
        except ValueError:  # a status outside the IANA registry: keep the number
            status = response.status_code
        built = Response(
            status_code=status, content=response.content, headers=response.headers, parsed=None
        )
    return built


def _parsed(
    generated: AuthenticatedClient, module: ModuleType, response: httpx.Response, success: type[T]
) -> T:
    if response.is_success:
        try:
            parsed = module._parse_response(client=generated, response=response)
        except (KeyError, TypeError, ValueError) as exc:
            raise errors.SignlyError(
                f"unreadable {response.status_code} answer: {exc}",
                status=response.status_code,
                request_id=response.headers.get("X-Request-Id"),
                response=response,
            ) from exc
        if isinstance(parsed, success):
            return parsed
    raise errors.error_from_response(response)


_STORAGE = Operation("storage", "PUT", "<presigned>", idempotent=True, paginated=False)


class _Core:
    """Configuration shared by the sync and async clients."""

    def __init__(
        self,
        generated: AuthenticatedClient,
        *,
        max_retries: int,
        retry: RetryPolicy | None,
        storage_httpx_args: Mapping[str, Any] | None,
    ) -> None:
        self._generated = generated
        self._policy = retry if retry is not None else RetryPolicy(max_retries=max_retries)
        self._retry_args = self._policy.tenacity_args()
        self._request_timeout: httpx.Timeout | None = None
        self._extra_headers: dict[str, str] = {}
        self._idempotency_key: str | None = None
        self._storage_args = dict(storage_httpx_args or {})

    @property
    def generated(self) -> AuthenticatedClient:
        """The configured openapi-python-client client, for the raw generated functions:
        `signly_client.api.<tag>.<operation>.sync_detailed(client=client.generated, ...)`."""
        return self._generated

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._policy

    def with_options(
        self,
        *,
        max_retries: int | None = None,
        retry_non_idempotent: bool | None = None,
        timeout: float | httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Self:
        """A view of this client with other settings for the calls made on it: retries,
        timeout, extra `headers`, and the `idempotency_key` its operations that take one
        send (instead of a new key per call; use a view for one logical call, as
        `client.with_options(idempotency_key=order_id).publish_document(body=...)`). It
        shares the connection pool (close either one, both are closed)."""
        policy = retry or self._policy
        if max_retries is not None:
            policy = replace(policy, max_retries=max_retries)
        if retry_non_idempotent is not None:
            policy = replace(policy, retry_non_idempotent=retry_non_idempotent)
        clone = copy.copy(self)
        clone._policy = policy
        clone._retry_args = policy.tenacity_args()
        if timeout is not None:
            clone._request_timeout = _timeout(timeout)
        if headers is not None:
            clone._extra_headers = {**self._extra_headers, **headers}
        if idempotency_key is not None:
            clone._idempotency_key = idempotency_key
        return clone

    def _request(
        self, operation: Operation, module: ModuleType, kwargs: Mapping[str, Any]
    ) -> dict[str, Any]:
        """The request of one call, built once: its retries resend it as it is, with the
        same `Idempotency-Key` (the caller's, this view's, or a new UUID)."""
        if operation.idempotency_key:
            given = kwargs.get("idempotency_key", UNSET)
            if isinstance(given, Unset) or given is None:
                kwargs = {**kwargs, "idempotency_key": self._idempotency_key or str(uuid.uuid4())}
        request: dict[str, Any] = module._get_kwargs(**kwargs)
        if self._request_timeout is not None:
            request["timeout"] = self._request_timeout
        if self._extra_headers:
            request["headers"] = {**request.get("headers", {}), **self._extra_headers}
        return request


def _send(http: httpx.Client, request: dict[str, Any], attempt: int = 1) -> httpx.Response:
    built = http.build_request(**request)
    began = time.perf_counter()
    try:
        response = http.send(built)
    except httpx.TransportError as exc:
        if log.isEnabledFor(logging.WARNING):
            _log_attempt(built, attempt, began, None, exc)
        raise errors.error_from_transport(exc) from exc
    if log.isEnabledFor(logging.INFO):
        _log_attempt(built, attempt, began, response, None)
    return response


async def _asend(
    http: httpx.AsyncClient, request: dict[str, Any], attempt: int = 1
) -> httpx.Response:
    built = http.build_request(**request)
    began = time.perf_counter()
    try:
        response = await http.send(built)
    except httpx.TransportError as exc:
        if log.isEnabledFor(logging.WARNING):
            _log_attempt(built, attempt, began, None, exc)
        raise errors.error_from_transport(exc) from exc
    if log.isEnabledFor(logging.INFO):
        _log_attempt(built, attempt, began, response, None)
    return response


class SyncClientBase(_Core):
    """Sends the generated operations on a blocking httpx client."""

    _storage_client: httpx.Client | None = None

    def _send(
        self, operation: Operation, module: ModuleType, kwargs: Mapping[str, Any]
    ) -> httpx.Response:
        http = self._generated.get_httpx_client()
        return self._transfer(operation, http, self._request(operation, module, kwargs))

    def _transfer(
        self, operation: Operation, http: httpx.Client, request: dict[str, Any]
    ) -> httpx.Response:
        # Fast path: the first attempt outside tenacity; only an outcome worth retrying
        # is handed to it (replayed as its attempt 1), which then waits and retries.
        try:
            first: httpx.Response | errors.ConnectionError = _send(http, request)
        except errors.ConnectionError as error:
            first = error
        if not (self._policy.allows(operation) and self._policy.retryable(first)):
            if isinstance(first, BaseException):
                raise first
            return first
        replay = _Replay(first)
        attempts = iter(range(2, sys.maxsize))

        def attempt() -> httpx.Response:
            if replay.first is not None:
                return replay.replay()
            return _send(http, request, next(attempts))

        response: httpx.Response = tenacity.Retrying(**self._retry_args)(attempt)
        return response

    def _call(
        self, operation: Operation, module: ModuleType, success: type[T], kwargs: Mapping[str, Any]
    ) -> T:
        return _parsed(self._generated, module, self._send(operation, module, kwargs), success)

    def _call_detailed(
        self, operation: Operation, module: ModuleType, kwargs: Mapping[str, Any]
    ) -> Response[Any]:
        return _built(self._generated, module, self._send(operation, module, kwargs))

    def _paginate(
        self,
        operation: Operation,
        module: ModuleType,
        success: type[P],
        kwargs: Mapping[str, Any],
        items: Callable[[P], Iterable[T]],
    ) -> Iterator[T]:
        """Every item of every page, fetching each page only when the previous is used up."""
        arguments = dict(kwargs)
        while True:
            page = self._call(operation, module, success, arguments)
            yield from items(page)
            cursor = _next_cursor(page, arguments.get("cursor"))
            if cursor is None:
                return
            arguments["cursor"] = cursor

    def _storage(self) -> httpx.Client:
        if self._storage_client is None:
            args = {"timeout": DEFAULT_STORAGE_TIMEOUT, **self._storage_args}
            self._storage_client = httpx.Client(**args)
        return self._storage_client

    def _put_pdf(self, url: str, pdf: PdfSource) -> None:
        request = {
            "method": "PUT",
            "url": url,
            "content": _read_pdf(pdf),
            "headers": {"Content-Type": "application/pdf"},
        }
        response = self._transfer(_STORAGE, self._storage(), request)
        if not response.is_success:
            raise _storage_error(response, "upload")

    def _get_pdf(self, url: str) -> bytes:
        response = self._transfer(_STORAGE, self._storage(), {"method": "GET", "url": url})
        if not response.is_success:
            raise _storage_error(response, "download")
        return response.content

    def close(self) -> None:
        """Close the connection pools."""
        self._generated.get_httpx_client().close()
        if self._storage_client is not None:
            self._storage_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncClientBase(_Core):
    """Sends the generated operations on an asyncio httpx client."""

    _storage_client: httpx.AsyncClient | None = None

    async def _send(
        self, operation: Operation, module: ModuleType, kwargs: Mapping[str, Any]
    ) -> httpx.Response:
        http = self._generated.get_async_httpx_client()
        return await self._transfer(operation, http, self._request(operation, module, kwargs))

    async def _transfer(
        self, operation: Operation, http: httpx.AsyncClient, request: dict[str, Any]
    ) -> httpx.Response:
        try:
            first: httpx.Response | errors.ConnectionError = await _asend(http, request)
        except errors.ConnectionError as error:
            first = error
        if not (self._policy.allows(operation) and self._policy.retryable(first)):
            if isinstance(first, BaseException):
                raise first
            return first
        replay = _Replay(first)
        attempts = iter(range(2, sys.maxsize))

        async def attempt() -> httpx.Response:
            if replay.first is not None:
                return replay.replay()
            return await _asend(http, request, next(attempts))

        response: httpx.Response = await tenacity.AsyncRetrying(**self._retry_args)(attempt)
        return response

    async def _call(
        self, operation: Operation, module: ModuleType, success: type[T], kwargs: Mapping[str, Any]
    ) -> T:
        response = await self._send(operation, module, kwargs)
        return _parsed(self._generated, module, response, success)

    async def _call_detailed(
        self, operation: Operation, module: ModuleType, kwargs: Mapping[str, Any]
    ) -> Response[Any]:
        return _built(self._generated, module, await self._send(operation, module, kwargs))

    async def _paginate(
        self,
        operation: Operation,
        module: ModuleType,
        success: type[P],
        kwargs: Mapping[str, Any],
        items: Callable[[P], Iterable[T]],
    ) -> AsyncIterator[T]:
        """Every item of every page, fetching each page only when the previous is used up."""
        arguments = dict(kwargs)
        while True:
            page = await self._call(operation, module, success, arguments)
            for item in items(page):
                yield item
            cursor = _next_cursor(page, arguments.get("cursor"))
            if cursor is None:
                return
            arguments["cursor"] = cursor

    def _storage(self) -> httpx.AsyncClient:
        if self._storage_client is None:
            args = {"timeout": DEFAULT_STORAGE_TIMEOUT, **self._storage_args}
            self._storage_client = httpx.AsyncClient(**args)
        return self._storage_client

    async def _put_pdf(self, url: str, pdf: PdfSource) -> None:
        request = {
            "method": "PUT",
            "url": url,
            "content": _read_pdf(pdf),
            "headers": {"Content-Type": "application/pdf"},
        }
        response = await self._transfer(_STORAGE, self._storage(), request)
        if not response.is_success:
            raise _storage_error(response, "upload")

    async def _get_pdf(self, url: str) -> bytes:
        response = await self._transfer(_STORAGE, self._storage(), {"method": "GET", "url": url})
        if not response.is_success:
            raise _storage_error(response, "download")
        return response.content

    async def aclose(self) -> None:
        """Close the connection pools."""
        await self._generated.get_async_httpx_client().aclose()
        if self._storage_client is not None:
            await self._storage_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()


def _partner(
    tenant_id: str | UUID | None,
    api_key: str | None,
    base_url: str | None,
    headers: Mapping[str, str] | None,
    timeout: float | httpx.Timeout | None,
    httpx_args: Mapping[str, Any] | None,
) -> AuthenticatedClient:
    tenant = _required(str(tenant_id) if tenant_id else None, ENV_TENANT_ID, "tenant id")
    key = _required(api_key, ENV_API_KEY, "API key")
    headers = {**(headers or {}), TENANT_HEADER: tenant}
    return _generated_client(base_url, key, "", headers, timeout, httpx_args)


def _admin(
    token: str | None,
    base_url: str | None,
    headers: Mapping[str, str] | None,
    timeout: float | httpx.Timeout | None,
    httpx_args: Mapping[str, Any] | None,
) -> AuthenticatedClient:
    token = _required(token, ENV_ADMIN_TOKEN, "admin session token")
    token = token.removeprefix("Bearer ").strip()
    return _generated_client(base_url, token, "Bearer", headers or {}, timeout, httpx_args)


class SyncPartnerBase(SyncClientBase):
    """The partner API (`/v1`): `X-Tenant-Signly` + `X-Auth-Signly` on every call.

    Arguments not given come from SIGNLY_TENANT_ID, SIGNLY_API_KEY and SIGNLY_BASE_URL
    (default https://api.signly.apologs.com). `max_retries` (default 2) or a whole
    `retry` policy; `timeout` in seconds or an httpx.Timeout (default 30 s, 5 s to
    connect); `httpx_args` go to the httpx client (e.g. `transport=`), `storage_httpx_args`
    to the one that talks to presigned storage URLs.
    """

    def __init__(
        self,
        tenant_id: str | UUID | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        max_retries: int = 2,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        httpx_args: Mapping[str, Any] | None = None,
        storage_httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        generated = _partner(tenant_id, api_key, base_url, headers, timeout, httpx_args)
        super().__init__(
            generated, max_retries=max_retries, retry=retry, storage_httpx_args=storage_httpx_args
        )


class AsyncPartnerBase(AsyncClientBase):
    """The partner API (`/v1`) on asyncio; arguments as for the sync client."""

    def __init__(
        self,
        tenant_id: str | UUID | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        max_retries: int = 2,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        httpx_args: Mapping[str, Any] | None = None,
        storage_httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        generated = _partner(tenant_id, api_key, base_url, headers, timeout, httpx_args)
        super().__init__(
            generated, max_retries=max_retries, retry=retry, storage_httpx_args=storage_httpx_args
        )


class SyncAdminBase(SyncClientBase):
    """The configuration bootstrap (`/api`) with the Signly App session token
    (`X-Auth-Signly: Bearer <token>`; from SIGNLY_ADMIN_TOKEN when not given)."""

    def __init__(
        self,
        token: str | None = None,
        base_url: str | None = None,
        *,
        max_retries: int = 2,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        generated = _admin(token, base_url, headers, timeout, httpx_args)
        super().__init__(generated, max_retries=max_retries, retry=retry, storage_httpx_args=None)


class AsyncAdminBase(AsyncClientBase):
    """The configuration bootstrap (`/api`) on asyncio; arguments as for the sync client."""

    def __init__(
        self,
        token: str | None = None,
        base_url: str | None = None,
        *,
        max_retries: int = 2,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        generated = _admin(token, base_url, headers, timeout, httpx_args)
        super().__init__(generated, max_retries=max_retries, retry=retry, storage_httpx_args=None)
