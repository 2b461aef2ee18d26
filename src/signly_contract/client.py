"""The HTTP client of our own property tests: paced, patient with 429, and never silent.

Why not the generated client: the suite must see the wire exactly (headers, raw bodies,
undocumented statuses) and must reproduce every request as a curl line. Every response that
passes through `ApiClient.call` gets its envelope checked (`envelope.check_envelope`), so a
broken envelope is found by every test, not only by the one that looks for it.
"""

from __future__ import annotations

import json
import shlex
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from signly_contract.agreement import (
    answer_problems,
    chronology_problems,
    learn_clock,
    meta_problems,
    pagination_problems,
)
from signly_contract.cassette import CASSETTES, TRAIL
from signly_contract.envelope import check_envelope
from signly_contract.operations import operation_label
from signly_contract.report import REPORT, Finding
from signly_contract.settings import MASK, Identity
from signly_contract.violations import ContractViolation

Auth = Literal["partner", "admin", "none"]
MAX_429_RETRIES = 5
NOISE_HEADERS = {
    "user-agent",
    "accept-encoding",
    "accept",
    "connection",
    "content-length",
    "x-schemathesis-testcaseid",
    "host",
}
MAX_RETRY_AFTER_SECONDS = 30.0


@dataclass
class Exchange:
    """One request and its response, as sent and as received."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: bytes | None
    status: int
    headers: httpx.Headers
    content: bytes
    operation: str = ""
    received_at: float = field(default_factory=time.time)
    _json: Any = field(default=None, repr=False)

    @property
    def json(self) -> Any:
        if self._json is None:
            self._json = json.loads(self.content) if self.content else None
        return self._json

    @property
    def data(self) -> Any:
        body = self.json
        return body.get("data") if isinstance(body, dict) else None

    def curl(self) -> str:
        parts = ["curl", "-sS", "-X", self.method, shlex.quote(self.url)]
        for name, value in self.request_headers.items():
            if name.lower() not in NOISE_HEADERS:
                parts += ["-H", f'"{name}: {value}"']
        if self.request_body:
            parts += ["--data-binary", shlex.quote(self.request_body.decode("utf-8", "replace"))]
        return MASK(" ".join(parts))

    def response_text(self, limit: int = 1500) -> str:
        text = self.content.decode("utf-8", "replace")
        text = text if len(text) <= limit else text[:limit] + " ..."
        header_names = ("content-type", "x-request-id", "retry-after", "allow")
        shown = "; ".join(f"{k}: {self.headers[k]}" for k in header_names if k in self.headers)
        return MASK(f"HTTP {self.status} ({shown})\n{text}")

    def describe(self) -> str:
        return f"reproduce: {self.curl()}\n{self.response_text()}"


class Pacer:
    """At most `rate` requests per second across threads (None: unpaced)."""

    def __init__(self, rate: float | None) -> None:
        self._interval = 1.0 / rate if rate else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        if not self._interval:
            return
        with self._lock:
            now = time.monotonic()
            delay = max(0.0, self._next - now)
            self._next = max(now, self._next) + self._interval
        if delay:
            time.sleep(delay)


class ApiClient:
    """Sends requests as one identity, checks each envelope and records the outcome."""

    def __init__(
        self, base_url: str, identity: Identity, pacer: Pacer | None = None, timeout: float = 30.0
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.identity = identity
        self.pacer = pacer or Pacer(None)
        self._http = httpx.Client(timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def as_identity(self, identity: Identity) -> ApiClient:
        """The same server and pacing, another identity (tenant isolation, revoked keys)."""
        other = ApiClient(self.base_url, identity, self.pacer)
        other._http = self._http
        return other

    def auth_headers(self, auth: Auth) -> dict[str, str]:
        if auth == "partner":
            return self.identity.partner_headers()
        if auth == "admin":
            return self.identity.admin_headers()
        return {}

    def call(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        auth: Auth = "partner",
        headers: dict[str, str] | None = None,
        check: bool = True,
        content: bytes | None = None,
        retry_429: bool = True,
    ) -> Exchange:
        """One API call; `check=False` skips the envelope check (the caller inspects it).
        `content` is a raw body (sent with the Content-Type of `headers`); `retry_429=False`
        hands a 429 to the caller instead of waiting it out."""
        sent = {**self.auth_headers(auth), **(headers or {})}
        body = content
        if json_body is not None:
            body = json.dumps(json_body).encode()
            sent.setdefault("Content-Type", "application/json")
        query = {k: v for k, v in (params or {}).items() if v is not None}
        url = str(httpx.URL(self.base_url + path, params=query or None))
        exchange = self._send(method, url, sent, body, retries=MAX_429_RETRIES if retry_429 else 0)
        exchange.operation = operation_label(method, path)
        if check:
            self.checked(exchange, "envelope", check_envelope)
            self.checked(exchange, "meta.agrees", check_meta)
            self.checked(exchange, "pagination.flags", check_pagination)
            self.checked(exchange, "answer.agrees", check_answer)
            self.checked(exchange, "answer.chronology", check_chronology)
        return exchange

    def raw(
        self,
        method: str,
        url: str,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Exchange:
        """A request outside the API (presigned storage URLs): no auth, no envelope."""
        exchange = self._send(method, url, dict(headers or {}), content)
        exchange.operation = f"{method} <storage>"
        return exchange

    def _send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes | None,
        retries: int = MAX_429_RETRIES,
    ) -> Exchange:
        for attempt in range(retries + 1):
            self.pacer.wait()
            response = self._http.request(method, url, headers=headers, content=body)
            REPORT.observe(method, url, headers, body, response.status_code)
            if response.status_code != 429 or attempt == retries:
                break
            time.sleep(retry_after_seconds(response.headers.get("retry-after")))
        REPORT.count_case()
        exchange = Exchange(
            method, url, headers, body, response.status_code, response.headers, response.content
        )
        TRAIL.add(exchange)
        return exchange

    @staticmethod
    def checked(exchange: Exchange, check: str, rule: Any) -> None:
        """Run `rule(exchange)` and record it under `check` for the exchange's operation."""
        try:
            rule(exchange)
        except ContractViolation as violation:
            violation.judge = violation.judge or {"kind": "envelope"}
            record_violation(violation, exchange)
            raise
        REPORT.record(exchange.operation, check, True)


def record_violation(violation: ContractViolation, exchange: Exchange | None = None) -> None:
    """Put a violation in the report, with its reproducing request when known and, the
    first time it is recorded, its cassette (cassette.py)."""
    seen = violation.exchange or exchange
    operation = seen.operation if seen else "(suite)"
    message = MASK(violation.detail)
    cassette = ""
    if not violation.recorded and REPORT.is_new(operation, violation.check, message):
        violation.recorded = True
        if violation.property is not None:
            replay: dict[str, Any] = {
                "kind": "property",
                "property": violation.property,
                "block": violation.block,
                "example": violation.example,
            }
        else:
            replay = {"kind": "exchanges", "judge": violation.judge or {"kind": "status"}}
        cassette = CASSETTES.save(violation.check, operation, message, TRAIL.until(seen), replay)
    REPORT.record(
        operation,
        violation.check,
        False,
        Finding(
            operation=operation,
            check=violation.check,
            message=message,
            curl=seen.curl() if seen else "",
            response=seen.response_text() if seen else "",
            cassette=cassette,
        ),
    )


def _body(exchange: Exchange) -> Any:
    try:
        return exchange.json
    except ValueError:
        return None


def _refuse(check: str, kind: str, problems: list[str], exchange: Exchange) -> None:
    """One violation naming every problem the rule found, replayable by its judge `kind`."""
    if problems:
        raise ContractViolation(check, "; ".join(problems), exchange, {"kind": kind})


def check_meta(exchange: Exchange) -> None:
    learn_clock(exchange.url, exchange.status, _body(exchange))
    problems = meta_problems(
        exchange.method,
        exchange.url,
        exchange.request_headers,
        exchange.status,
        _body(exchange),
        exchange.received_at,
    )
    _refuse("meta.agrees", "meta", problems, exchange)


def check_pagination(exchange: Exchange) -> None:
    problems = pagination_problems(exchange.method, exchange.url, exchange.status, _body(exchange))
    _refuse("pagination.flags", "pagination", problems, exchange)


def check_answer(exchange: Exchange) -> None:
    problems = answer_problems(
        exchange.method, exchange.url, exchange.request_body, exchange.status, _body(exchange)
    )
    _refuse("answer.agrees", "answer", problems, exchange)


def check_chronology(exchange: Exchange) -> None:
    problems = chronology_problems(exchange.method, exchange.url, exchange.status, _body(exchange))
    _refuse("answer.chronology", "chronology", problems, exchange)


def retry_after_seconds(value: str | None) -> float:
    """Seconds to wait for a 429's Retry-After (delta-seconds; 1 s when absent or odd)."""
    try:
        return min(MAX_RETRY_AFTER_SECONDS, max(0.0, float(value))) if value else 1.0
    except ValueError:
        return 1.0
