"""The sandbox's test bench controls answer as the sandbox variant of the spec says.

Why here: `/_sandbox/...` is not in the public spec schemathesis checks, yet partners build
their tests on it (the clock, failures on demand, the journal). Only against a server that
has the controls (the embedded sandbox, or a sandbox given with `--base-url` that answers
them); each answer is validated against `generated/openapi.sandbox.yaml`, and the bad
inputs the controls document (a clock set back, an unknown operation, a negative count,
an undocumented `Prefer` status) must be 400s naming the field.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from signly_contract.client import Exchange
from signly_contract.properties.base import Ctx, new_template, ok
from signly_contract.violations import expect


@functools.cache
def _sandbox_spec() -> Any:
    from signly_sandbox.routing import load_spec
    from signly_sandbox.validation import SpecDocument

    return SpecDocument(load_spec())


def _conforms(got: Exchange, method: str, path: str, check: str) -> Any:
    """The body of `got`, validated against the sandbox spec's answer for its status."""
    spec = _sandbox_spec()
    item = spec.document["paths"][path]
    responses = item[method.lower()]["responses"]
    key = str(got.status) if str(got.status) in responses else "default"
    _, where = spec.resolve(responses[key], ("paths", path, method.lower(), "responses", key))
    validator = spec.validator((*where, "content", "application/json", "schema"))
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(got.json)]
    expect(not problems, check, f"{method} {path} {got.status}: {problems[:3]}", got)
    return got.json


def _names(got: Exchange, field: str, check: str) -> None:
    details = ((got.json or {}).get("error") or {}).get("details") or {}
    expect(
        got.status == 400 and field in (details.get("fields") or {}),
        check,
        f"expected a 400 naming {field!r}, got HTTP {got.status} with {details}",
        got,
    )


def controls(ctx: Ctx) -> None:
    if not ctx.target.sandbox_controls:
        return
    api = ctx.api
    clock = api.call("GET", "/_sandbox/clock")
    now = _conforms(clock, "GET", "/_sandbox/clock", "sandbox.clock")["data"]["now"]
    moved = api.call("POST", "/_sandbox/clock/advance", json_body={"seconds": 0})
    _conforms(moved, "POST", "/_sandbox/clock/advance", "sandbox.clock")
    back = api.call("PUT", "/_sandbox/clock", json_body={"now": "2000-01-01T00:00:00Z"})
    _names(back, "now", "sandbox.clock.forward_only")
    _conforms(back, "PUT", "/_sandbox/clock", "sandbox.clock.forward_only")
    negative = api.call("POST", "/_sandbox/clock/advance", json_body={"seconds": -1})
    _names(negative, "seconds", "sandbox.clock.forward_only")
    expect(bool(re.match(r"^\d{4}-", now)), "sandbox.clock", f"clock says {now!r}", clock)

    template = new_template(ctx, "Sandbox controls")
    path = f"/v1/templates/{template['templateId']}"
    armed = api.call(
        "POST",
        "/_sandbox/faults",
        json_body={"operationId": "get_template", "status": 503, "count": 1},
    )
    ok(armed, "sandbox.faults", 201)
    _conforms(armed, "POST", "/_sandbox/faults", "sandbox.faults")
    listed = api.call("GET", "/_sandbox/faults")
    _conforms(listed, "GET", "/_sandbox/faults", "sandbox.faults")
    failed = api.call("GET", path)
    expect(failed.status == 503, "sandbox.faults", f"armed 503 got HTTP {failed.status}", failed)
    _conforms(failed, "GET", "/v1/templates/{templateId}", "sandbox.faults")
    served = api.call("GET", path)
    expect(served.status == 200, "sandbox.faults", "the fault did not stop after 1 call", served)
    for rule, field in (
        ({"operationId": "no_such_operation", "status": 503}, "operationId"),
        ({"operationId": "get_template", "status": 503, "count": -1}, "count"),
        ({"operationId": "get_template", "status": 418}, "status"),
    ):
        _names(api.call("POST", "/_sandbox/faults", json_body=rule), field, "sandbox.faults.bad")
    cleared = api.call("DELETE", "/_sandbox/faults")
    _conforms(cleared, "DELETE", "/_sandbox/faults", "sandbox.faults")

    # 503, not 429: this client waits out every 429 (Retry-After) before it sees one.
    simulated = api.call("GET", "/v1/templates", headers={"Prefer": "code=503"})
    expect(
        simulated.status == 503,
        "sandbox.prefer",
        f"Prefer code=503 got HTTP {simulated.status}",
        simulated,
    )
    _conforms(simulated, "GET", "/v1/templates", "sandbox.prefer")
    unknown = api.call("GET", "/v1/templates", headers={"Prefer": "code=418"})
    _names(unknown, "Prefer", "sandbox.prefer")

    journal = api.call("GET", "/_sandbox/requests", params={"limit": 5})
    body = _conforms(journal, "GET", "/_sandbox/requests", "sandbox.journal")
    last = body["data"][0]["requestId"] if body["data"] else None
    expect(
        last == unknown.headers.get("x-request-id"),
        "sandbox.journal",
        f"the newest journal entry is {last!r}, not the last request",
        journal,
    )
