"""The validating proxy as an ASGI app: forward unchanged, check, flag, log.

Forwarded as received: the method, the raw path and query, every header but the hop-by-hop
ones (and `Host`, which names the upstream), the body byte for byte. The upstream's answer
comes back with its status, headers (but hop-by-hop ones) and raw bytes (still compressed
if it was), plus `X-Signly-Contract-Violations`. A JSON answer is read whole to be checked
before its headers are sent (API answers are small envelopes); any other answer streams
through, checked on its status, headers and content type. When the upstream cannot be
reached the proxy answers 502 (504 on a timeout) with the error envelope. A bug in a check
never costs the answer: it becomes a violation, and the upstream's answer still goes out.
"""

from __future__ import annotations

import gzip
import logging
import sys
import time
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any, TextIO
from urllib.parse import parse_qsl

import httpx
import orjson

from signly_sandbox.clock import format_timestamp
from signly_sandbox.ids import new_request_id
from signly_sandbox.proxy.contract import ContractChecker, OperationContract, Violation
from signly_sandbox.proxy.report import ProxyStats

log = logging.getLogger("signly_sandbox.proxy")
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

VIOLATIONS_HEADER = "X-Signly-Contract-Violations"
MAX_HEADER_BYTES = 8 * 1024
MAX_BUFFERED_BYTES = 16 * 1024 * 1024
HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"trailers",
        b"transfer-encoding",
        b"upgrade",
    }
)


def header_value(violations: list[Violation]) -> bytes:
    """The violations as one ASCII header line: `; `-separated, empty when clean."""
    texts = [v.text().replace(";", ",") for v in violations]
    value = "; ".join(texts).encode("ascii", "backslashreplace")
    value = value.replace(b"\r", b" ").replace(b"\n", b" ")
    if len(value) > MAX_HEADER_BYTES:
        value = value[: MAX_HEADER_BYTES - 40] + f"; ... ({len(texts)} in all)".encode()
    return value


def _decoded(raw: bytes, encoding: str) -> bytes | None:
    """The body to validate; None when its encoding is one we cannot undo."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw
    try:
        if encoding in ("gzip", "x-gzip"):
            return gzip.decompress(raw)
        if encoding == "deflate":
            try:
                return zlib.decompress(raw)
            except zlib.error:
                return zlib.decompress(raw, -zlib.MAX_WBITS)
    except (OSError, zlib.error, EOFError):
        return None
    return None


class ValidatingProxy:
    def __init__(
        self,
        upstream: str,
        checker: ContractChecker,
        *,
        log_stream: TextIO | None = None,
        log_clean: bool = False,
        timeout: float = 60.0,
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.checker = checker
        self.stats = ProxyStats()
        self.log_stream = log_stream if log_stream is not None else sys.stderr
        self.log_clean = log_clean
        self._timeout = timeout
        self._client: httpx.AsyncClient | None = None

    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                timeout=self._timeout,
                follow_redirects=False,
                limits=httpx.Limits(max_connections=256, max_keepalive_connections=64),
            )
        return self._client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        await self._proxy(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def _proxy(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        body = await _read_body(receive)
        method: str = scope["method"]
        path: str = scope["path"]
        raw_path: bytes = scope.get("raw_path") or path.encode()
        query: bytes = scope.get("query_string", b"")
        headers = [(k, v) for k, v in scope["headers"] if k not in HOP_BY_HOP and k != b"host"]
        text_headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in headers}
        matched = self.checker.match(method, path)
        contract = matched[0] if matched else None
        violations = self._check_request(matched, query, text_headers, body, method, path)
        url = (
            self.upstream
            + raw_path.decode("latin-1")
            + ("?" + query.decode("latin-1") if query else "")
        )
        request = httpx.Request(method, url, headers=headers, content=body)
        upstream_started = time.perf_counter()
        try:
            response = await self.client().send(request, stream=True)
        except httpx.TransportError as error:
            self.stats.record_unreachable()
            await self._unreachable(send, text_headers, error)
            return
        try:
            response_headers = [
                (k, v) for k, v in response.headers.raw if k.lower() not in HOP_BY_HOP
            ]
            content_type = response.headers.get("content-type", "")
            media = content_type.split(";", 1)[0].strip().lower()
            length = response.headers.get("content-length", "")
            buffered = (media == "application/json" or media.endswith("+json")) and not (
                length.isdigit() and int(length) > MAX_BUFFERED_BYTES
            )
            raw = b""
            if buffered:
                raw = b"".join([chunk async for chunk in response.aiter_raw()])
            upstream_ms = (time.perf_counter() - upstream_started) * 1000
            decoded = (
                _decoded(raw, response.headers.get("content-encoding", "")) if buffered else None
            )
            violations += self._check_response(contract, response, decoded)
            response_headers.append((VIOLATIONS_HEADER.lower().encode(), header_value(violations)))
            await send(
                {
                    "type": "http.response.start",
                    "status": response.status_code,
                    "headers": response_headers,
                }
            )
            if buffered:
                await send({"type": "http.response.body", "body": raw})
            else:
                async for chunk in response.aiter_raw():
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send({"type": "http.response.body", "body": b""})
        finally:
            await response.aclose()
        total_ms = (time.perf_counter() - started) * 1000
        label = contract.label if contract else f"{method} (not in the spec)"
        if contract:
            label += f" ({contract.operation_id})"
        self.stats.record(label, response.status_code, violations, max(0.0, total_ms - upstream_ms))
        if violations or self.log_clean:
            self._log(method, path, query, contract, response, violations, upstream_ms)

    def _check_request(
        self,
        matched: tuple[OperationContract, dict[str, str]] | None,
        query: bytes,
        headers: dict[str, str],
        body: bytes,
        method: str,
        path: str,
    ) -> list[Violation]:
        if matched is None:
            return [Violation("request", "operation", f"no operation {method} {path} in the spec")]
        contract, params = matched
        try:
            pairs = dict(parse_qsl(query.decode("latin-1"), keep_blank_values=True))
            return self.checker.check_request(contract, params, pairs, headers, body)
        except Exception as error:  # a check that fails must not cost the request
            log.exception("request check failed")
            return [Violation("request", "check", f"could not be checked: {error!r}")]

    def _check_response(
        self, contract: OperationContract | None, response: httpx.Response, decoded: bytes | None
    ) -> list[Violation]:
        if contract is None:
            return []
        try:
            headers = {k.lower(): v for k, v in response.headers.items()}
            return self.checker.check_response(contract, response.status_code, headers, decoded)
        except Exception as error:
            log.exception("response check failed")
            return [Violation("response", "check", f"could not be checked: {error!r}")]

    def _log(
        self,
        method: str,
        path: str,
        query: bytes,
        contract: OperationContract | None,
        response: httpx.Response,
        violations: list[Violation],
        upstream_ms: float,
    ) -> None:
        line = {
            "time": format_timestamp(datetime.now(UTC)),
            "method": method,
            "path": path,
            "query": query.decode("latin-1"),
            "operationId": contract.operation_id if contract else None,
            "status": response.status_code,
            "requestId": response.headers.get("x-request-id"),
            "upstreamMs": round(upstream_ms, 3),
            "violations": [v.to_json() for v in violations],
        }
        self.log_stream.write(orjson.dumps(line).decode() + "\n")
        self.log_stream.flush()

    async def _unreachable(
        self, send: Send, headers: dict[str, str], error: httpx.TransportError
    ) -> None:
        timeout = isinstance(error, httpx.TimeoutException)
        status = 504 if timeout else 502
        request_id = new_request_id()
        now = format_timestamp(datetime.now(UTC))
        body: dict[str, Any] = {
            "success": False,
            "status": status,
            "code": "upstream_timeout" if timeout else "upstream_unreachable",
            "message": (
                "The upstream server did not answer in time."
                if timeout
                else "The upstream server could not be reached."
            ),
            "data": None,
            "pagination": None,
            "meta": {
                "request_id": request_id,
                "timestamp": now,
                "api_version": "v1",
                "tenant_id": None,
            },
            "error": {
                "type": "server",
                "details": {"upstream": self.upstream, "reason": type(error).__name__},
            },
        }
        content = orjson.dumps(body)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(content)).encode()),
                    (b"x-request-id", request_id.encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": content})
        self.log_stream.write(
            orjson.dumps(
                {
                    "time": now,
                    "upstream": self.upstream,
                    "status": status,
                    "error": f"{type(error).__name__}: {error}"[:300],
                }
            ).decode()
            + "\n"
        )
        self.log_stream.flush()


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)
