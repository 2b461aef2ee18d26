"""Failures on demand: `Prefer: code=NNN` / `example=NAME` (Prism's convention), fault rules
armed with `POST /_sandbox/faults`, and a real per-tenant rate limit (`--rate-limit`).

Every simulated answer is built from the spec, once at startup: for each operation and
status it documents, the envelope the spec gives that status (its named example when the
request picks one, else a generic envelope with the status's code and `error.type` from the
`ErrorCode`/`ErrorType` catalogue, or the response's first example when its schema asks for
details a generic one cannot know). A simulated answer has a fresh request id and the
current time, never changes state, and comes only after the normal authentication (D38).
A status is documented when the operation lists it, or is a 5xx and the operation has a
`default` response (which covers "a 5xx or a status this version does not list").
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import math
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from http import HTTPStatus
from typing import Any

from starlette.responses import Response

from signly_sandbox.clock import Clock, format_timestamp
from signly_sandbox.envelope import API_VERSION, json_response
from signly_sandbox.errors import RateLimited, Validation
from signly_sandbox.ids import new_ulid
from signly_sandbox.validation import HTTP_METHODS, SpecDocument

PREFER_HEADER = "prefer"
SERVER_ERRORS = range(500, 600)
# Statuses whose meta names no tenant (D10): nobody could be established.
NO_TENANT_STATUSES = (401, 403)
_SAMPLE_META = {
    "request_id": "req_01J8XQ7M8VW2A6G2B0N7J5AZ7Q",
    "timestamp": "2026-04-23T15:00:00Z",
    "api_version": API_VERSION,
    "tenant_id": "58bff266-cdad-46db-b373-1b06476146cd",
}


def is_control(operation_id: str) -> bool:
    """The sandbox's own controls (`/_sandbox/...`), as opposed to the partner API."""
    return operation_id.startswith("sandbox_")


@dataclass(frozen=True)
class Answer:
    """One answer the sandbox can simulate: its status and its body (meta filled per call)."""

    status: int
    body: dict[str, Any]
    example: str | None = None


@dataclass
class OperationAnswers:
    """Every status and named example one operation documents, ready to answer."""

    operation_id: str
    statuses: tuple[int, ...]
    has_default: bool
    by_status: dict[int, Answer | None] = field(default_factory=dict)
    examples: dict[str, Answer] = field(default_factory=dict)
    default_answer: Answer | None = None

    def documented(self, status: int) -> bool:
        return status in self.statuses or (self.has_default and status in SERVER_ERRORS)

    def described(self) -> list[str]:
        """The documented statuses as partners read them: `200`, ..., `5xx`."""
        shown = [str(status) for status in self.statuses]
        return [*shown, "5xx"] if self.has_default else shown

    def for_status(self, status: int) -> Answer | None:
        if status in self.by_status:
            return self.by_status[status]
        if self.default_answer is None:
            return None
        return _with_status(self.default_answer, status)


def _with_status(answer: Answer, status: int) -> Answer:
    body = {**answer.body, "status": status, "message": _message(status)}
    return Answer(status, body)


def _message(status: int) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = f"HTTP {status}"
    return f"{phrase} (simulated by the sandbox)."


class Catalogue:
    """The spec's error catalogue: the known codes and the error family of each status."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        schemas = document["components"]["schemas"]
        self.codes: dict[int, list[str]] = {}
        for code, text in schemas["ErrorCode"].get("x-enumDescriptions", {}).items():
            match = re.match(r"^(\d{3})\.", str(text))
            if match:
                self.codes.setdefault(int(match.group(1)), []).append(str(code))
        self.types: dict[int, str] = {}
        self.server_type = "server"
        for name, status in schemas["ErrorType"].get("x-enumDescriptions", {}).items():
            if str(status).isdigit():
                self.types[int(status)] = str(name)
            elif str(status) == "5xx":
                self.server_type = str(name)

    def code(self, status: int) -> str:
        found = self.codes.get(status) or self.codes.get(500 if status >= 500 else 400)
        return found[0] if found else "internal_error"

    def error_type(self, status: int) -> str:
        if status in self.types:
            return self.types[status]
        return self.server_type if status >= 500 else "validation"


def _pinned(schema: Any, name: str, keyword: str) -> Any:
    """The first `keyword` value found under a `name` property of `schema` (not following
    references): how error responses pin their codes (`enum`) and `error.type` (`const`)."""
    if isinstance(schema, dict):
        properties = schema.get("properties")
        if isinstance(properties, dict) and name in properties:
            found = _find(properties[name], keyword)
            if found is not None:
                return found
        for value in schema.values():
            found = _pinned(value, name, keyword)
            if found is not None:
                return found
    elif isinstance(schema, list):
        for value in schema:
            found = _pinned(value, name, keyword)
            if found is not None:
                return found
    return None


def _find(node: Any, keyword: str) -> Any:
    if isinstance(node, dict):
        if keyword in node:
            return node[keyword]
        for value in node.values():
            found = _find(value, keyword)
            if found is not None:
                return found
    elif isinstance(node, list):
        for value in node:
            found = _find(value, keyword)
            if found is not None:
                return found
    return None


def _error_type_of(schema: Any) -> str | None:
    """`error.type`'s const in a response schema."""
    if isinstance(schema, dict):
        properties = schema.get("properties")
        if isinstance(properties, dict) and isinstance(properties.get("error"), dict):
            found = _pinned(properties["error"], "type", "const")
            if isinstance(found, str):
                return found
        for value in schema.values():
            found = _error_type_of(value)
            if found is not None:
                return found
    elif isinstance(schema, list):
        for value in schema:
            found = _error_type_of(value)
            if found is not None:
                return found
    return None


def compile_answers(document: dict[str, Any]) -> dict[str, OperationAnswers]:
    """Every operation's simulated answers, by operationId."""
    spec = SpecDocument(document)
    catalogue = Catalogue(document)
    compiled: dict[str, OperationAnswers] = {}
    for path, item in document["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                operation = item[method]
                compiled[operation["operationId"]] = _compile_operation(
                    spec, catalogue, ("paths", path, method), operation
                )
    return compiled


def _compile_operation(
    spec: SpecDocument, catalogue: Catalogue, where: tuple[str, ...], operation: dict[str, Any]
) -> OperationAnswers:
    responses: dict[str, Any] = operation.get("responses", {})
    statuses = tuple(sorted(int(key) for key in responses if key.isdigit()))
    answers = OperationAnswers(operation["operationId"], statuses, "default" in responses)
    for key, raw in responses.items():
        response, response_where = spec.resolve(raw, (*where, "responses", key))
        media = response.get("content", {}).get("application/json", {})
        examples = _examples(spec, media, (*response_where, "content", "application/json"))
        status = int(key) if key.isdigit() else 500
        for name, value in examples:
            if isinstance(value, dict):
                named = Answer(int(value.get("status", status)), value, name)
                answers.examples.setdefault(name, named)
        schema_where = (*response_where, "content", "application/json", "schema")
        answer = _generic_answer(spec, catalogue, status, media, schema_where, examples)
        if key.isdigit():
            answers.by_status[status] = answer
        else:
            answers.default_answer = answer
    return answers


def _examples(
    spec: SpecDocument, media: dict[str, Any], where: tuple[str, ...]
) -> list[tuple[str, Any]]:
    found = []
    for name, raw in media.get("examples", {}).items():
        example, _ = spec.resolve(raw, (*where, "examples", name))
        if isinstance(example, dict) and "value" in example:
            found.append((str(name), example["value"]))
    return found


def _generic_answer(
    spec: SpecDocument,
    catalogue: Catalogue,
    status: int,
    media: dict[str, Any],
    schema_where: tuple[str, ...],
    examples: list[tuple[str, Any]],
) -> Answer | None:
    """The generic envelope of an error status when it fits the response's schema, else the
    response's first example; a success needs an example (its data cannot be made up)."""
    first = next((Answer(status, v, n) for n, v in examples if isinstance(v, dict)), None)
    if status < 400 or "schema" not in media:
        return first
    schema = media["schema"]
    codes = _pinned(schema, "code", "enum")
    code = codes[0] if isinstance(codes, list) and codes else catalogue.code(status)
    body = {
        "success": False,
        "status": status,
        "code": code,
        "message": _message(status),
        "data": None,
        "pagination": None,
        "meta": dict(_SAMPLE_META),
        "error": {"type": _error_type_of(schema) or catalogue.error_type(status), "details": {}},
    }
    if spec.validator(schema_where).is_valid(body) or first is None:
        return Answer(status, body)
    return first


def parse_prefer(value: str) -> dict[str, str]:
    """RFC 7240 preferences, `name=value` separated by commas or semicolons; lower-case names."""
    found: dict[str, str] = {}
    for part in re.split(r"[,;]", value):
        name, sep, given = part.strip().partition("=")
        if sep and name.strip():
            found.setdefault(name.strip().lower(), given.strip().strip('"'))
    return found


@dataclass
class FaultRule:
    """An armed failure: the next `remaining` calls of one operation, for one tenant, wait
    `latency_ms` and then answer `answer` (or go on normally when it is None)."""

    fault_id: str
    operation_id: str
    answer: Answer | None
    remaining: int
    latency_ms: int
    retry_after: int | None
    created_at: str

    @property
    def status(self) -> int | None:
        return None if self.answer is None else self.answer.status

    @property
    def example(self) -> str | None:
        return None if self.answer is None else self.answer.example


class RateLimiter:
    """A token bucket per tenant: `rate` requests per second, bursts of up to `rate`, on the
    sandbox clock (moving the clock forward refills the buckets)."""

    def __init__(self, rate: float, clock: Clock) -> None:
        self.rate = rate
        self.burst = max(1.0, rate)
        self._clock = clock
        self._buckets: dict[str, tuple[float, datetime]] = {}
        self._lock = threading.Lock()

    def take(self, tenant_id: str) -> int | None:
        """None when the request may go on, else the seconds to wait (Retry-After)."""
        now = self._clock.now()
        with self._lock:
            tokens, at = self._buckets.get(tenant_id, (self.burst, now))
            elapsed = max(0.0, (now - at).total_seconds())
            tokens = min(self.burst, tokens + elapsed * self.rate)
            if tokens >= 1.0:
                self._buckets[tenant_id] = (tokens - 1.0, now)
                return None
            self._buckets[tenant_id] = (tokens, now)
        return max(1, math.ceil((1.0 - tokens) / self.rate))


def parse_rate(text: str) -> float:
    """`10/s`, `600/m` or `10` (per second) as requests per second."""
    count, _, unit = text.strip().partition("/")
    seconds = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}.get(unit.strip().lower())
    value = float(count)
    if seconds is None or not value > 0:
        raise ValueError(f"not a rate: {text!r} (write N/s, N/m or N/h)")
    return value / seconds


class Faults:
    """Decides, per request, whether the sandbox answers a simulated failure instead."""

    def __init__(
        self,
        answers: dict[str, OperationAnswers],
        clock: Clock,
        *,
        enabled: bool = True,
        rate_limit: float | None = None,
        retry_after_seconds: int = 1,
    ) -> None:
        self.answers = answers
        self.enabled = enabled
        self.clock = clock
        self.limiter = None if rate_limit is None else RateLimiter(rate_limit, clock)
        self.retry_after_seconds = retry_after_seconds
        self._rules: dict[str, list[FaultRule]] = {}
        self._lock = threading.Lock()
        self._ids = itertools.count(1)

    # -- per request ----------------------------------------------------------------------

    async def intercept(
        self,
        operation_id: str,
        headers: Mapping[str, str],
        tenant_id: str | None,
        request_id: str,
    ) -> Response | None:
        """A simulated answer, or None to serve the request; raises the real 429."""
        if self.limiter is not None and tenant_id and not is_control(operation_id):
            wait = self.limiter.take(tenant_id)
            if wait is not None:
                raise RateLimited(wait)
        if not self.enabled:
            return None
        prefer = headers.get(PREFER_HEADER)
        if prefer:
            chosen = self.preferred(operation_id, prefer)
            if chosen is not None:
                return self.respond(chosen, request_id, tenant_id)
        if tenant_id and self._rules:
            rule = self._take(tenant_id, operation_id)
            if rule is not None:
                if rule.latency_ms:
                    await asyncio.sleep(rule.latency_ms / 1000)
                if rule.answer is not None:
                    return self.respond(rule.answer, request_id, tenant_id, rule.retry_after)
        return None

    def preferred(self, operation_id: str, prefer: str) -> Answer | None:
        """The answer a `Prefer` header asks for (None when it asks for none of ours)."""
        wanted = parse_prefer(prefer)
        code, example = wanted.get("code"), wanted.get("example")
        if code is None and example is None:
            return None
        answers = self.answers[operation_id]
        status: int | None = None
        if code is not None:
            if not re.fullmatch(r"[1-5]\d\d", code):
                raise _field_refused(
                    "Prefer", f"`code` must be an HTTP status such as 429, not {code[:20]!r}."
                )
            status = int(code)
        return self.choose(answers, status, example, field="Prefer")

    def choose(
        self, answers: OperationAnswers, status: int | None, example: str | None, *, field: str
    ) -> Answer:
        """The answer for a status and/or an example name, or a 400 naming `field`."""
        op = answers.operation_id
        documented = answers.described()
        if status is not None and not answers.documented(status):
            raise _field_refused(
                field,
                f"Status {status} is not documented for {op}; it documents "
                f"{', '.join(documented)}.",
                documentedStatuses=documented,
            )
        if example is not None:
            named = answers.examples.get(example)
            if named is None or (status is not None and named.status != status):
                names = sorted(
                    name
                    for name, answer in answers.examples.items()
                    if status is None or answer.status == status
                )
                raise _field_refused(
                    "example" if field != "Prefer" else field,
                    f"{op} has no example named {example[:60]!r}"
                    + (f" for status {status}" if status is not None else "")
                    + f"; it has: {', '.join(names) or 'none'}.",
                    documentedExamples=names,
                )
            return named
        assert status is not None
        found = answers.for_status(status)
        if found is None:
            raise _field_refused(
                field,
                f"Status {status} of {op} has no example to answer with; name an example.",
                documentedStatuses=documented,
            )
        return found

    def respond(
        self,
        answer: Answer,
        request_id: str,
        tenant_id: str | None,
        retry_after: int | None = None,
    ) -> Response:
        body = copy.deepcopy(answer.body)
        body["meta"] = {
            "request_id": request_id,
            "timestamp": format_timestamp(self.clock.now()),
            "api_version": API_VERSION,
            "tenant_id": None if answer.status in NO_TENANT_STATUSES else tenant_id or None,
        }
        headers: dict[str, str] = {}
        if retry_after is None and answer.status == 429:
            retry_after = self.retry_after_seconds
        if retry_after is not None:
            headers["Retry-After"] = str(retry_after)
        return json_response(body, answer.status, request_id, headers)

    # -- armed rules (`/_sandbox/faults`) ---------------------------------------------------

    def arm(
        self,
        tenant_id: str,
        operation_id: str,
        *,
        status: int | None,
        example: str | None,
        count: int,
        latency_ms: int,
        retry_after: int | None,
    ) -> FaultRule:
        """Validate and arm one rule; a 400 names the offending field."""
        answers = self.answers.get(operation_id)
        if answers is None or is_control(operation_id):
            known = sorted(op for op in self.answers if not is_control(op))
            raise _field_refused(
                "operationId",
                f"Unknown partner API operation {operation_id[:80]!r}.",
                operations=known,
            )
        if status is None and example is None and not latency_ms:
            raise Validation(
                {"_schema": ["Give a `status`, an `example` or a `latencyMs` to simulate."]}
            )
        answer = None
        if status is not None or example is not None:
            answer = self.choose(answers, status, example, field="status")
        rule = FaultRule(
            f"flt_{new_ulid()}",
            operation_id,
            answer,
            count,
            latency_ms,
            retry_after,
            format_timestamp(self.clock.now()),
        )
        with self._lock:
            self._rules.setdefault(tenant_id, []).append(rule)
        return rule

    def rules(self, tenant_id: str) -> list[FaultRule]:
        with self._lock:
            return list(self._rules.get(tenant_id, ()))

    def clear(self, tenant_id: str) -> int:
        with self._lock:
            return len(self._rules.pop(tenant_id, ()))

    def _take(self, tenant_id: str, operation_id: str) -> FaultRule | None:
        with self._lock:
            rules = self._rules.get(tenant_id)
            if not rules:
                return None
            for rule in rules:
                if rule.operation_id == operation_id and rule.remaining > 0:
                    rule.remaining -= 1
                    if rule.remaining == 0:
                        rules.remove(rule)
                        if not rules:
                            del self._rules[tenant_id]
                    return rule
        return None


def _field_refused(field: str, message: str, **details: Iterable[str]) -> Validation:
    error = Validation({field: [message]})
    error.details.update({key: list(value) for key, value in details.items()})
    return error
