"""What every drill shares: sizes, the tenants and their current keys, the refusal rules and
the figures printed at the end of the run (the `drills` plugin prints and writes them)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

import httpx

from signly_contract.envelope import envelope_problems
from signly_sandbox.config import (
    PAGE_ADMIN_TOKEN,
    PAGE_API_KEY,
    PAGE_TENANT_ID,
    SECOND_ADMIN_TOKEN,
    SECOND_API_KEY,
    SECOND_TENANT_ID,
)
from tests.lib import REPO_ROOT

DRILLS_REPORT = REPO_ROOT / "reports" / "drills.json"


@dataclass(frozen=True)
class DrillSize:
    """How big each drill is: `reduced` in the default test run, `full` in `nox -s drills`."""

    name: str
    load_clients: int
    load_requests: int
    crash_writers: int
    crash_acknowledged: int
    hostile_examples: int
    webhook_outage_seconds: float  # how long the receiver is down in the outage drill
    webhook_latency_events: int  # documents published one by one to measure delivery latency


SIZES = {
    "reduced": DrillSize("reduced", 16, 1_500, 4, 300, 5, 3.0, 100),
    "full": DrillSize("full", 64, 20_000, 16, 5_000, 150, 60.0, 1_000),
}


@dataclass
class Tenant:
    """A seeded tenant; `api_key` changes when a drill rotates the credential (D23)."""

    tenant_id: str
    api_key: str
    admin_token: str
    label: str

    def partner(self, key: str | None = None) -> dict[str, str]:
        return {"X-Tenant-Signly": self.tenant_id, "X-Auth-Signly": key or self.api_key}

    def admin(self) -> dict[str, str]:
        return {"X-Auth-Signly": f"Bearer {self.admin_token}"}


def seeded_tenants() -> tuple[Tenant, Tenant]:
    return (
        Tenant(PAGE_TENANT_ID, PAGE_API_KEY, PAGE_ADMIN_TOKEN, "A"),
        Tenant(SECOND_TENANT_ID, SECOND_API_KEY, SECOND_ADMIN_TOKEN, "B"),
    )


def refusal_problems(response: httpx.Response, allowed: tuple[int, ...] = ()) -> list[str]:
    """Why `response` is not a well-formed 4xx envelope (empty when it is)."""
    return raw_refusal_problems(response.status_code, response.headers, response.content, allowed)


def raw_refusal_problems(
    status: int, headers: Any, content: bytes, allowed: tuple[int, ...] = ()
) -> list[str]:
    """The same, from the parts of a response of any client (`headers` as httpx.Headers)."""
    problems = []
    if not 400 <= status < 500:
        problems.append(f"HTTP {status}, not 4xx")
    elif allowed and status not in allowed:
        problems.append(f"HTTP {status}, not one of {allowed}")
    try:
        body = json.loads(content)
    except ValueError:
        return [*problems, f"body is not JSON: {content[:120]!r}"]
    problems += envelope_problems(status, headers, body)
    if isinstance(body, dict):
        error = body.get("error")
        if body.get("success") is not False:
            problems.append("success is not false")
        if not isinstance(body.get("message"), str):
            problems.append("no message")
        if not isinstance(error, dict) or not isinstance(error.get("type"), str):
            problems.append("no error.type")
        elif not isinstance(error.get("details"), dict):
            problems.append("error.details is not an object")
        if not isinstance(body.get("meta"), dict):
            problems.append("no meta")
    return problems


@dataclass
class Figures:
    """Counts and times each drill reports; printed in the terminal summary, kept as JSON."""

    drills: dict[str, dict[str, Any]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def put(self, drill: str, **values: Any) -> None:
        with self._lock:
            self.drills.setdefault(drill, {}).update(values)

    def merge(self, drills: dict[str, dict[str, Any]]) -> None:
        """Add the figures another process (a pytest-xdist worker) recorded."""
        for drill, values in drills.items():
            self.put(drill, **values)

    def lines(self) -> list[str]:
        out = []
        for drill, values in self.drills.items():
            out.append(f"{drill}:")
            out += [f"  {name:<34} {value}" for name, value in values.items()]
        return out

    def write(self, size: str) -> None:
        DRILLS_REPORT.parent.mkdir(parents=True, exist_ok=True)
        DRILLS_REPORT.write_text(
            json.dumps({"size": size, "drills": self.drills}, indent=2), encoding="utf-8"
        )


FIGURES = Figures()
