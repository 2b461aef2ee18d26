"""CORS for browser apps calling the sandbox: on by default for any origin, configurable
(`--cors-origins`), off with `--no-cors` (D43).

A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) from an allowed
origin is answered here with 204: every method, the request headers it asks for (the
Signly headers, `Content-Type`, `Prefer`, ...), for ten minutes. Any other request from an
allowed origin gets `Access-Control-Allow-Origin` and the headers a script may read
(`X-Request-Id`, `Retry-After`, ...). A request without `Origin`, or from an origin not
allowed, passes untouched (a refused preflight then gets the sandbox's 405 envelope, which
carries no CORS header, so the browser blocks the call).

Not Starlette's `CORSMiddleware`: it answers a refused preflight itself with a plain-text
400, and every answer of the sandbox is the documented envelope.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ALLOWED_METHODS = b"GET, POST, PUT, PATCH, DELETE, OPTIONS"
EXPOSED_HEADERS = (
    b"X-Request-Id, Retry-After, Allow, Idempotent-Replayed, X-Signly-Contract-Violations"
)
DEFAULT_REQUEST_HEADERS = b"Content-Type, X-Tenant-Signly, X-Auth-Signly, Prefer, Idempotency-Key"
MAX_AGE = b"600"
_TOKEN_LIST = re.compile(rb"^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$")


class CorsLayer:
    def __init__(self, app: ASGIApp, origins: Sequence[str]) -> None:
        self.app = app
        self.any_origin = "*" in origins
        self.origins = {origin.rstrip("/").encode() for origin in origins if origin != "*"}

    def allowed(self, origin: bytes) -> bool:
        return self.any_origin or origin.rstrip(b"/") in self.origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        origin = requested_method = requested_headers = None
        for name, value in scope["headers"]:
            if name == b"origin":
                origin = value
            elif name == b"access-control-request-method":
                requested_method = value
            elif name == b"access-control-request-headers":
                requested_headers = value
        if origin is None or not self.allowed(origin):
            await self.app(scope, receive, send)
            return
        allow_origin = b"*" if self.any_origin else origin
        if scope["method"] == "OPTIONS" and requested_method is not None:
            await self._preflight(send, allow_origin, requested_headers)
            return

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                headers += [
                    (b"access-control-allow-origin", allow_origin),
                    (b"access-control-expose-headers", EXPOSED_HEADERS),
                    (b"vary", b"Origin"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_cors)

    @staticmethod
    async def _preflight(send: Send, allow_origin: bytes, requested: bytes | None) -> None:
        allow_headers = DEFAULT_REQUEST_HEADERS
        if requested is not None and _TOKEN_LIST.match(requested.strip()):
            allow_headers = requested.strip()
        headers = [
            (b"access-control-allow-origin", allow_origin),
            (b"access-control-allow-methods", ALLOWED_METHODS),
            (b"access-control-allow-headers", allow_headers),
            (b"access-control-max-age", MAX_AGE),
            (b"vary", b"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"),
            (b"content-length", b"0"),
        ]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
