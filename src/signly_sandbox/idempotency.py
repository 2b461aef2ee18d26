"""`Idempotency-Key` (D36): a retried write answers its first success instead of running again.

For an operation that declares the header, `run_once` claims the key (state/idempotency.py)
before the request is validated or charged: the same key with another request is a 422 at
once, the same request replays the stored answer (with a fresh `meta` and
`Idempotent-Replayed: true`), and a request whose key is still claimed by a running one waits
for its outcome. Only successes are kept: when the request fails the claim is released.

The fingerprint is the operation, its path and query, and the body as canonical JSON (keys
sorted, no spaces), so the same request sent with other spacing or key order is the same.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import orjson

from signly_sandbox.errors import IdempotencyKeyReused, Validation
from signly_sandbox.handlers.base import Reply
from signly_sandbox.routing import Operation
from signly_sandbox.state.idempotency import ClaimState, IdempotencyKeys

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
# How long a claim holds while its request runs; a request waits for it at most this long.
LEASE_SECONDS = 30.0
_POLL_SECONDS = 0.005


def declares_key(operation: Operation) -> bool:
    return any(p.name.lower() == HEADER.lower() for p in operation.checks.header_params)


def key_of(operation: Operation, headers: Mapping[str, str]) -> str | None:
    """The request's key, when its operation declares one; a malformed key is a 400 naming
    the header (checked here, before anything else is)."""
    for param in operation.checks.header_params:
        if param.name.lower() == HEADER.lower():
            value = headers.get(HEADER.lower())
            if value is None:
                return None
            if not param.validator.is_valid(value):
                raise Validation({HEADER: ["Must be 1 to 255 characters."]})
            return value
    return None


def fingerprint(operation: Operation, path: str, query: str, raw: bytes) -> str:
    try:
        body = orjson.dumps(orjson.loads(raw), option=orjson.OPT_SORT_KEYS)
    except orjson.JSONDecodeError:
        body = raw
    digest = hashlib.sha256()
    for part in (operation.operation_id.encode(), path.encode(), query.encode(), body):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def _answer(reply: Reply) -> dict[str, Any]:
    return {
        "status": reply.status,
        "code": reply.code,
        "message": reply.message,
        "data": reply.data,
        "pagination": reply.pagination,
    }


async def run_once(
    keys: IdempotencyKeys,
    tenant_id: str,
    key: str,
    fingerprint_: str,
    serve: Callable[[], Awaitable[Reply]],
) -> tuple[Reply, bool]:
    """The reply to a request with a key, and whether it is a replay."""
    while True:  # a claim left by a request that died is taken over once its lease ends
        claim = keys.claim(tenant_id, key, fingerprint_, LEASE_SECONDS)
        if claim.state is ClaimState.MISMATCH:
            raise IdempotencyKeyReused()
        if claim.state is ClaimState.REPLAY:
            answer = claim.answer
            reply = Reply(
                answer["status"],
                answer["code"],
                answer["message"],
                answer["data"],
                answer["pagination"],
            )
            return reply, True
        if claim.state is ClaimState.NEW:
            break
        await asyncio.sleep(_POLL_SECONDS)
    try:
        reply = await serve()
    except BaseException:
        keys.release(tenant_id, key)
        raise
    if 200 <= reply.status < 300:
        keys.complete(tenant_id, key, _answer(reply))
    else:
        keys.release(tenant_id, key)
    return reply, False
