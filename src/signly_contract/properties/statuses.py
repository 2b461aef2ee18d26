"""Every documented status of every operation, produced on purpose (the coverage's floor).

Why: fuzzing reaches the statuses a request can cause by itself (400, 401, 404) but not the
ones that need a state: no credit left (402), a credential that already exists or a
document no longer active (409), a body over the limit (413), a wrong media type (415), an
Idempotency-Key already used by another request (422).
Each recipe below builds that state (with the sandbox's controls where the API has no way)
and asks for the status; the answer must be that status, as the documented envelope (the
client's envelope check runs on every answer).

What no request can cause on a healthy server — a 429, a 5xx (`default`), a 400 the
sandbox's own rules make unreachable (D24: a bad id in the path is a 404), the 409 of a
template that used all 9999 versions — is asked for with `Prefer: code=NNN`, where the
server supports it (the sandbox's fault injection); the coverage counts those apart, since
they prove what a client reads, not the server's logic. Against a live server none of that
is forced: the report says which statuses were not reached, and why.

Recipes only run for statuses this process has not observed yet, so a full run spends a few
requests here; run alone (`-k documented_statuses`) it produces every status itself.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

from signly_contract.client import Auth, Exchange
from signly_contract.coverage import OperationSpec, documented, example_body, fill_path
from signly_contract.properties.base import Ctx, future, new_template, ok, publish
from signly_contract.properties.credentials import may_send
from signly_contract.report import REPORT
from signly_contract.violations import expect

ONE_MIB = 1024 * 1024
# Needs more than the sandbox's controls can build cheaply, or no request can cause it.
PREFER_ONLY = {"429", "default"}
LIVE_WHY = "a live server is not asked to fail (Prefer: code=NNN is the sandbox's fault injection)"


class Fixture:
    """The state recipes act on, made once: a template with two versions, one with one
    version, an active and a cancelled document."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self._made: dict[str, Any] = {}

    def _once(self, name: str, make: Callable[[], Any]) -> Any:
        if name not in self._made:
            self._made[name] = make()
        return self._made[name]

    def template(self) -> str:
        def make() -> str:
            template_id = str(new_template(self.ctx, "Statuses")["templateId"])
            self.ctx.api.call(
                "PUT", f"/v1/templates/{template_id}", json_body={"templateName": "v2"}
            )
            return template_id

        return str(self._once("template", make))

    def single_version_template(self) -> str:
        return str(
            self._once("single", lambda: new_template(self.ctx, "One version")["templateId"])
        )

    def document(self) -> dict[str, Any]:
        return dict(self._once("document", lambda: publish(self.ctx, self.template())))

    def cancelled(self) -> dict[str, Any]:
        def make() -> dict[str, Any]:
            document = publish(self.ctx, self.template())
            ok(
                self.ctx.api.call("DELETE", f"/v1/documents/{document['documentId']}/cancel"),
                "setup.cancel",
            )
            return document

        return dict(self._once("cancelled", make))

    def used_key(self) -> str:
        """An Idempotency-Key the server has kept: it created a template (D36)."""

        def make() -> str:
            key = f"contract-{uuid.uuid4()}"
            got = self.ctx.api.call(
                "POST",
                "/v1/templates",
                json_body={"templateName": "Idempotency key holder"},
                headers={"Idempotency-Key": key},
            )
            data = ok(got, "setup.create_template", 201)
            self.ctx.target.created_templates.append(data["templateId"])
            return key

        return str(self._once("key", make))

    def ids(self, live: bool) -> dict[str, str]:
        """Path values naming real resources (`live`) or nothing: made by the run, or read
        from the tenant's lists when it may not write (whatever exists is enough)."""
        if not live:
            return {}
        return dict(self._once("ids", self._real_ids))

    def _real_ids(self) -> dict[str, str]:
        api = self.ctx.api
        values: dict[str, str] = {}
        if self.ctx.target.can_write:
            values.update(templateId=self.template(), version="1")
        else:
            listed = ok(api.call("GET", "/v1/templates", params={"limit": 1}), "setup.list")
            if listed:
                values.update(templateId=listed[0]["templateId"], version="1")
        document: dict[str, Any] | None = None
        if self.ctx.target.can_publish:
            document = self.document()
        else:
            listed = ok(api.call("GET", "/v1/documents", params={"limit": 1}), "setup.list")
            if listed:
                read = api.call("GET", f"/v1/documents/{listed[0]['documentId']}")
                document = ok(read, "setup.list")
        if document and document.get("participants"):
            person = document["participants"][0]
            values.update(
                documentId=document["documentId"],
                participantId=person["participantId"],
                processId=person.get("processId") or "",
            )
        return values

    def ids_of(self, document: dict[str, Any]) -> dict[str, str]:
        person = document["participants"][0]
        return {"documentId": document["documentId"], "participantId": person["participantId"]}


def supports_prefer(ctx: Ctx) -> bool:
    """Whether the server answers `Prefer: code=NNN` (asked once, of the sandbox only)."""
    cached = getattr(ctx.target, "_prefer", None)
    if cached is None:
        cached = False
        if ctx.target.sandbox_controls:
            got = ctx.api.call(
                "GET", "/v1/templates", headers={"Prefer": "code=429"}, check=False, retry_429=False
            )
            cached = got.status == 429
        ctx.target._prefer = cached  # type: ignore[attr-defined]
    return bool(cached)


ROTATION = "reached by rotating the credential (auth.revoked_key, credential_lifecycle: admin)"


def _happy(
    ctx: Ctx, spec: OperationSpec, fixture: Fixture, headers: dict[str, str] | None = None
) -> Exchange | None:
    """The operation called as documented, on real resources (None: not possible here)."""
    api = ctx.api
    label = spec.label
    op = spec.operation_id
    admin = ctx.target.admin
    common: dict[str, Any] = {"headers": headers, "check": False, "retry_429": False}
    if spec.path == "/api":
        if admin is None or (spec.method != "GET" and headers is None):
            return None  # POST and DELETE /api succeed only around a rotation: ROTATION
        return api.as_identity(admin).call(
            spec.method, "/api", auth="admin", json_body=example_body(label), **common
        )
    body = example_body(label)
    ids = fixture.ids(live=True)
    if op == "publish_document":
        body = {
            **body,
            "templateId": fixture.template(),
            "templateVersion": "0001",
            "deadlineAt": future(30),
        }
    elif op == "extend_document_deadline":
        body = {"newDeadlineAt": future(60)}
    elif op == "delete_template":
        ids = {"templateId": str(new_template(ctx, "Deleted by a recipe")["templateId"])}
    elif op == "delete_template_version":
        template_id = str(new_template(ctx, "Version deleted by a recipe")["templateId"])
        api.call("PUT", f"/v1/templates/{template_id}", json_body={"templateName": "v2"})
        ids = {"templateId": template_id, "version": "1"}
    elif op == "cancel_document":
        if not ctx.target.can_publish:
            return None
        ids = fixture.ids_of(publish(ctx, fixture.template()))
    needed = set(re.findall(r"\{([^}]+)\}", spec.path))
    if not needed <= {name for name, value in ids.items() if value}:
        return None  # nothing to read on this tenant (read-only or no-billable)
    return api.call(spec.method, fill_path(spec, ids), json_body=body, **common)


def _prefer(ctx: Ctx, spec: OperationSpec, fixture: Fixture, status: str) -> Exchange | None:
    code = "500" if status == "default" else status
    got = _happy(ctx, spec, fixture, headers={"Prefer": f"code={code}"})
    if got is None and spec.path != "/api":  # destructive ones: on ids that name nothing
        got = ctx.api.call(
            spec.method,
            fill_path(spec),
            json_body=example_body(spec.label),
            headers={"Prefer": f"code={code}"},
            check=False,
            retry_429=False,
        )
    if got is not None and code == "429":
        expect(
            got.status != 429 or got.headers.get("retry-after", "").isdigit(),
            "rate_limit.retry_after",
            "a 429 without a Retry-After in seconds (D20)",
            got,
        )
    return got


def recipe(
    ctx: Ctx, spec: OperationSpec, status: str, fixture: Fixture
) -> tuple[Exchange | None, str]:
    """Try to make `spec` answer `status`: the exchange (None if not tried) and why not."""
    api = ctx.api
    op = spec.operation_id
    controls = ctx.target.sandbox_controls
    admin = ctx.target.admin
    with_body = example_body(spec.label) is not None
    if status in ("200", "201"):
        if spec.path == "/api" and spec.method != "GET":
            return None, ROTATION
        why = "no resource to act on (read-only or no-billable, and the tenant has none)"
        return _happy(ctx, spec, fixture), why
    if status == "401":
        return api.call(
            spec.method,
            fill_path(spec),
            json_body=example_body(spec.label),
            auth="none",
            check=False,
        ), ""
    if status == "403":
        if spec.path == "/api":
            headers = {"X-Auth-Signly": ctx.target.primary.api_key}
        else:
            headers = {
                "X-Tenant-Signly": str(uuid.uuid4()),
                "X-Auth-Signly": ctx.target.primary.api_key,
            }
        return api.call(
            spec.method,
            fill_path(spec),
            json_body=example_body(spec.label),
            auth="none",
            headers=headers,
            check=False,
        ), ""
    if status == "404":
        if spec.path == "/api":
            return None, f"404 only while no credential exists: {ROTATION}"
        if op == "publish_document":
            body = {
                **example_body(spec.label),
                "templateId": str(uuid.uuid4()),
                "templateVersion": "0001",
                "deadlineAt": future(30),
            }
            return api.call("POST", spec.path, json_body=body, check=False), ""
        body = example_body(spec.label)
        if op == "extend_document_deadline":
            body = {"newDeadlineAt": future(60)}
        return api.call(spec.method, fill_path(spec), json_body=body, check=False), ""
    if status == "400":
        bad: dict[str, Any] = {
            "list_templates": {"params": {"limit": 0}},
            "list_documents": {"params": {"limit": 0}},
            "create_template": {"json_body": {}},
            "update_template": {"json_body": {}},
            "set_template_fields": {"json_body": {"not": "a list"}},
            "publish_document": {"json_body": {}},
            "extend_document_deadline": {"json_body": {"newDeadlineAt": "not a date"}},
            "create_api_integration": {"json_body": {"auth_method": "NOT_A_METHOD"}},
        }
        if op not in bad:
            return _prefer_or_why(
                ctx,
                spec,
                fixture,
                status,
                "D24: a malformed id or version in the path is a 404, so no request makes this 400",
            )
        if spec.path == "/api":
            if admin is None:
                return None, "no admin session"
            return api.as_identity(admin).call(
                spec.method, "/api", auth="admin", check=False, **bad[op]
            ), ""
        return api.call(
            spec.method, fill_path(spec, fixture.ids(live=True)), check=False, **bad[op]
        ), ""
    if status == "402":
        if not controls:
            return (
                None,
                "needs the sandbox's credit control (PUT /_sandbox/credits); "
                "a live tenant is not emptied",
            )
        return _no_credit(ctx, fixture), ""
    if status == "409":
        return _conflict(ctx, spec, fixture, status)
    if status == "422":
        return _key_reused(ctx, spec, fixture)
    if status == "413" and with_body:
        big = b'{"padding": "' + b"x" * (ONE_MIB + 16) + b'"}'
        headers = {"Content-Type": "application/json"}
        call = api.as_identity(admin) if spec.path == "/api" and admin else api
        auth: Auth = "admin" if spec.path == "/api" else "partner"
        if spec.path == "/api" and admin is None:
            return None, "no admin session"
        return call.call(
            spec.method, fill_path(spec), content=big, headers=headers, auth=auth, check=False
        ), ""
    if status == "415" and with_body:
        headers = {"Content-Type": "text/plain"}
        if spec.path == "/api":
            if admin is None:
                return None, "no admin session"
            return api.as_identity(admin).call(
                spec.method, "/api", content=b"{}", headers=headers, auth="admin", check=False
            ), ""
        return api.call(
            spec.method, fill_path(spec), content=b"{}", headers=headers, check=False
        ), ""
    return _prefer_or_why(ctx, spec, fixture, status, "no request causes it on a healthy server")


def _prefer_or_why(
    ctx: Ctx, spec: OperationSpec, fixture: Fixture, status: str, why: str
) -> tuple[Exchange | None, str]:
    if not ctx.target.sandbox_controls:
        return None, f"{why}; {LIVE_WHY}"
    if not supports_prefer(ctx):
        return None, f"{why}; this sandbox does not answer Prefer: code=NNN"
    return _prefer(ctx, spec, fixture, status), ""


def _no_credit(ctx: Ctx, fixture: Fixture) -> Exchange:
    """D19: with no credit left, publishing is a 402 and nothing is created."""
    api = ctx.api
    template_id = fixture.template()
    before = ok(
        api.call("GET", "/v1/documents", params={"limit": 100}), "credits.exhausted_refused"
    )
    ok(api.call("PUT", "/_sandbox/credits", json_body={"credits": 0}, check=False), "setup.credits")
    try:
        body = {
            **example_body("POST /v1/documents"),
            "templateId": template_id,
            "templateVersion": "0001",
            "deadlineAt": future(30),
        }
        got = api.call("POST", "/v1/documents", json_body=body, check=False)
        if got.status == 201 and isinstance(got.data, dict):
            ctx.target.created_documents.append(str(got.data.get("documentId")))
    finally:
        api.call("PUT", "/_sandbox/credits", json_body={"credits": 1000}, check=False)
    expect(
        got.status == 402 and (got.json or {}).get("code") == "insufficient_credits",
        "credits.exhausted_refused",
        f"publishing with no credit left got HTTP {got.status}, "
        "expected 402 insufficient_credits (D19)",
        got,
    )
    after = api.call("GET", "/v1/documents", params={"limit": 100})
    new = {d["documentId"] for d in ok(after, "credits.exhausted_refused")} - {
        d["documentId"] for d in before
    }
    expect(
        not new,
        "credits.exhausted_refused",
        f"a refused publish still created {sorted(new)}",
        after,
    )
    return got


def _key_reused(ctx: Ctx, spec: OperationSpec, fixture: Fixture) -> tuple[Exchange | None, str]:
    """D36: an Idempotency-Key already used by another request is a 422
    `idempotency_key_reused`, checked before anything else: the key of one template created
    by the run, sent with another operation (or, for that operation, another body), on ids
    that name nothing, so a server that ignored the key would change nothing."""
    key = fixture.used_key()
    body = example_body(spec.label)
    if spec.operation_id == "create_template":
        body = {"templateName": "Another request with the same key"}
    got = ctx.api.call(
        spec.method,
        fill_path(spec),
        json_body=body,
        headers={"Idempotency-Key": key},
        check=False,
    )
    expect(
        got.status != 422 or (got.json or {}).get("code") == "idempotency_key_reused",
        "idempotency.key_reused",
        f"a reused Idempotency-Key got a 422 {(got.json or {}).get('code')!r}, "
        "not idempotency_key_reused (D36)",
        got,
    )
    return got, ""


def _conflict(
    ctx: Ctx, spec: OperationSpec, fixture: Fixture, status: str
) -> tuple[Exchange | None, str]:
    api = ctx.api
    op = spec.operation_id
    if op == "create_api_integration":
        admin = ctx.target.admin
        if admin is None:
            return None, "no admin session"
        return api.as_identity(admin).call(
            "POST", "/api", json_body={"auth_method": "KEY"}, auth="admin", check=False
        ), ""
    if op == "delete_template_version":
        template_id = fixture.single_version_template()
        return api.call("DELETE", f"/v1/templates/{template_id}/versions/1", check=False), ""
    if op in ("extend_document_deadline", "cancel_document", "resend_invitation"):
        if not ctx.target.can_publish:
            return None, "needs a published document (--no-billable)"
        ids = fixture.ids_of(fixture.cancelled())
        body = {"newDeadlineAt": future(60)} if op == "extend_document_deadline" else None
        return api.call(spec.method, fill_path(spec, ids), json_body=body, check=False), ""
    why = "version_limit_reached needs a template that used all 9999 versions (D25)"
    return _prefer_or_why(ctx, spec, fixture, status, why)


def documented_statuses(ctx: Ctx) -> None:
    """Each documented status not yet observed in this process, produced on purpose."""
    fixture = Fixture(ctx)
    coverage = REPORT.coverage
    for spec in documented().values():
        if not may_send(ctx, spec):
            continue
        if spec.path == "/api" and not ctx.target.settings.admin_allowed:
            continue
        for status in spec.statuses:
            seen = coverage.seen.get(spec.label)
            if seen is not None and (seen.statuses.get(status) or seen.prefer.get(status)):
                continue
            if status in ("402",) and not ctx.target.can_publish:
                continue
            if not ctx.target.can_write and status in ("402", "409", "422"):
                coverage.unreached(
                    spec.label, status, "--read-only: needs writes to build the state"
                )
                continue
            got, why = recipe(ctx, spec, status, fixture)
            if got is None:
                coverage.unreached(spec.label, status, why)
                continue
            wanted = 500 if status == "default" else int(status)
            via = (
                " (asked with Prefer)"
                if "prefer" in {k.lower() for k in got.request_headers}
                else ""
            )
            expect(
                got.status == wanted or (status == "default" and got.status >= 500),
                "documented_status.reached",
                f"{spec.label}: the recipe for its documented {status}{via} got HTTP {got.status}",
                got,
            )
            api_check(ctx, got)


def api_check(ctx: Ctx, got: Exchange) -> None:
    """The answer is the documented envelope (the same rule as every other answer)."""
    from signly_contract.envelope import check_envelope

    ctx.api.checked(got, "envelope", check_envelope)
