"""Schemathesis, configured for Signly: loading, credentials per scheme, and recording.

Why this module: the four phases (examples, coverage, fuzzing, stateful) and the planted-fault
tests must load the schema and judge responses in exactly one way, so that "the suite
catches fault X" means the real suite does. Responses are judged by every built-in check
plus our envelope check; every outcome goes to the report with a masked curl line.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import requests
import schemathesis
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from signly_contract.agreement import (
    answer_problems,
    chronology_problems,
    meta_problems,
    pagination_problems,
)
from signly_contract.cassette import CASSETTES
from signly_contract.client import Exchange
from signly_contract.envelope import envelope_problems
from signly_contract.operations import spec_path
from signly_contract.report import REPORT, Finding
from signly_contract.settings import MASK
from signly_contract.target import Target

PHASES = ("examples", "coverage", "fuzzing", "stateful")
SANITIZED = [
    "authorization",
    "x-auth-signly",
    "x-tenant-signly",
    "cookie",
    "set-cookie",
    "api_key",
    "apikey",
    "apisecret",
    "token",
    "secret",
    "password",
]
BILLABLE = ("publish_document",)
STATE_DEPENDENT_400 = (
    "publish_document",
    "extend_document_deadline",
    "list_documents",
    "list_templates",
)
STATE_DEPENDENT_OK = ["2XX", "400", "401", "403", "404", "409", "429"]


def config_for(
    target: Target, phase: str, max_examples: int, *, stateful_steps: int = 12
) -> dict[str, Any]:
    """The schemathesis configuration of one phase against `target`."""
    settings = target.settings
    schemes: dict[str, dict[str, str]] = {
        "partnerTenant": {"api_key": target.primary.tenant_id},
        "partnerKey": {"api_key": target.primary.api_key},
    }
    if target.admin is not None and target.admin.admin_token:
        schemes["adminSession"] = {"api_key": f"Bearer {target.admin.admin_token}"}
    config: dict[str, Any] = {
        "seed": settings.seed,
        "base-url": target.base_url,
        "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large"],
        "generation": {"max-examples": max_examples, "mode": "all", "database": "none"},
        "phases": {name: {"enabled": name == phase} for name in PHASES},
        "auth": {"openapi": schemes},
        "output": {"sanitization": {"keys-to-sanitize": SANITIZED}},
        "request-timeout": 30,
    }
    # Rules no JSON Schema can state make some schema-valid requests rightly a 400: a deadline
    # must be in the future (D14/D26; the page's own examples are dated 2026), and a cursor
    # is opaque (D02: only one the server issued is valid).
    config["operations"] = [
        {
            "include-operation-id": op_id,
            "checks": {"positive_data_acceptance": {"expected-statuses": STATE_DEPENDENT_OK}},
        }
        for op_id in STATE_DEPENDENT_400
    ]
    if settings.read_only:
        # --read-only promises GET requests only. The coverage phase also sends every other
        # method (DELETE, POST, PUT, PATCH, TRACE, QUERY, OPTIONS) to each GET path for the
        # unsupported_method check: on a server with an undocumented write route that is a
        # real write. Neither the cases nor the check exist in read-only mode.
        config["phases"]["coverage"]["unexpected-methods"] = []
        config["checks"] = {"unsupported_method": {"enabled": False}}
    if phase == "stateful":
        config["phases"]["stateful"]["max-steps"] = stateful_steps
        # Only the spec's own links. Links schemathesis infers from list responses draw ids
        # from whatever the list holds, which grows as the run goes: hypothesis then sees
        # one choice sequence give different draws and stops with FlakyStrategyDefinition.
        config["phases"]["stateful"]["inference"] = {"algorithms": []}
    if settings.rate_limit:
        config["rate-limit"] = f"{int(settings.rate_limit)}/s"
    return config


def load_schema(target: Target, phase: str, max_examples: int, **kwargs: Any) -> Any:
    """The spec as schemathesis sees it for one phase, restricted to what this run may do."""
    config = schemathesis.Config.from_dict(config_for(target, phase, max_examples, **kwargs))
    schema: Any = schemathesis.openapi.from_path(spec_path(), config=config)
    settings = target.settings
    if settings.read_only:
        schema = schema.include(method="GET")
    if not target.can_publish:
        schema = schema.exclude(operation_id=list(BILLABLE))
    if not settings.admin_allowed or target.admin is None:
        schema = schema.exclude(path="/api")
    return schema


def retrying_session() -> requests.Session:
    """A requests session that waits out 429 (Retry-After) before schemathesis sees it."""
    session = requests.Session()
    retry = Retry(
        total=5,
        status_forcelist=[429],
        respect_retry_after_header=True,
        allowed_methods=None,
        backoff_factor=0.5,
        raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    # Every response of the session, whoever sent it (the phases, the stateful steps, and
    # the requests checks such as ignored_auth send themselves), goes to the coverage.
    session.hooks["response"].append(_observe)
    return session


def _observe(response: Any, *args: Any, **kwargs: Any) -> None:
    request = response.request
    body = request.body.encode() if isinstance(request.body, str) else request.body
    REPORT.observe(
        str(request.method), str(request.url), request.headers, body, response.status_code
    )


def exchange_of(response: Any, operation: str) -> Exchange:
    """Our Exchange view of a schemathesis response, for envelope checks and curl lines."""
    request = response.request
    body = request.body
    if isinstance(body, str):
        body = body.encode()
    return Exchange(
        str(request.method),
        str(request.url),
        dict(request.headers),
        body,
        response.status_code,
        flat_headers(response.headers),
        response.content or b"",
        operation,
    )


def flat_headers(headers: Any) -> httpx.Headers:
    """Schemathesis keeps header values as lists; httpx.Headers wants pairs."""
    pairs = []
    for name, values in dict(headers).items():
        for value in values if isinstance(values, list) else [values]:
            pairs.append((str(name), str(value)))
    return httpx.Headers(pairs)


def signly_envelope(ctx: Any, response: Any, case: Any) -> bool | None:
    """Schemathesis check: the Signly envelope rules (see envelope.py)."""
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        body = None
    problems = envelope_problems(response.status_code, flat_headers(response.headers), body)
    if problems:
        raise AssertionError("Envelope: " + "; ".join(problems))
    return None


envelope_check = schemathesis.check(signly_envelope)


def signly_agreement(ctx: Any, response: Any, case: Any) -> bool | None:
    """Schemathesis check: the answer agrees with its request (agreement.py)."""
    request = response.request
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        body = None
    method, url = str(request.method), str(request.url)
    problems = meta_problems(method, url, dict(request.headers), response.status_code, body)
    problems += pagination_problems(method, url, response.status_code, body)
    problems += answer_problems(method, url, request.body, response.status_code, body)
    if problems:
        raise AssertionError("Answer disagrees with its request: " + "; ".join(problems))
    return None


agreement_check = schemathesis.check(signly_agreement)


def signly_chronology(ctx: Any, response: Any, case: Any) -> bool | None:
    """Schemathesis check: nothing in the answer was updated before it was created."""
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        body = None
    request = response.request
    problems = chronology_problems(
        str(request.method), str(request.url), response.status_code, body
    )
    if problems:
        raise AssertionError("Answer's timestamps out of order: " + "; ".join(problems))
    return None


chronology_check = schemathesis.check(signly_chronology)


def documented_status(ctx: Any, response: Any, case: Any) -> bool | None:
    """Schemathesis check: the status is one the operation lists, or a 5xx.

    Why beside `status_code_conformance`: every operation has a `default` response (D34: any
    other status is the same error envelope, so clients never fail to read one), which makes
    schemathesis accept every status. A 4xx the operation does not list is still a contract
    gap to report: either the server is wrong or the spec must list it.
    """
    sent = str(getattr(response.request, "method", case.method) or case.method).upper()
    if sent != case.operation.method.upper():
        return None  # an unsupported-method probe: its 405 is judged by its own check
    listed = {str(code) for code in case.operation.definition.raw.get("responses", {})}
    status = response.status_code
    if str(status) in listed or f"{str(status)[0]}XX" in listed or status >= 500:
        return None
    raise AssertionError(
        f"Undocumented status: {status} is not among {sorted(listed - {'default'})}"
    )


status_check = schemathesis.check(documented_status)
ADDITIONAL_CHECKS = [envelope_check, status_check, agreement_check, chronology_check]


class Runner:
    """Sends schemathesis cases, records every check outcome, tracks what was created."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.session = retrying_session()
        self.stateful = False
        self.scenario: list[Exchange] = []  # the current stateful scenario's steps
        self._template: str | None = None  # what stateful publishes name (publishable)

    def install(self, schema: Any) -> None:
        """Record each check outcome of `schema`'s cases (the after_validate hook)."""

        def after_validate(context: Any, case: Any, response: Any, results: list[Any]) -> None:
            self.record(case, response, results)

        schema.hooks.register_hook_with_name(after_validate, "after_validate")

    def record(self, case: Any, response: Any, results: list[Any]) -> None:
        label = f"{case.operation.method.upper()} {case.operation.path}"
        for result in results:
            ok = result.failure is None
            finding = None
            if not ok:
                exchange = exchange_of(response, label)
                message = MASK(_first_line(result.failure))
                cassette = ""
                if REPORT.is_new(label, result.name, message):
                    steps = [*self.scenario[:-1], exchange] if self.stateful else [exchange]
                    cassette = CASSETTES.save(
                        result.name,
                        label,
                        message,
                        steps,
                        {
                            "kind": "exchanges",
                            "judge": {"kind": "schemathesis", "check": result.name},
                        },
                    )
                finding = Finding(
                    label, result.name, message, exchange.curl(), exchange.response_text(), cassette
                )
            REPORT.record(label, result.name, ok, finding)

    def track(self, case: Any, response: Any, *, stateful: bool = False) -> None:
        """Remember created templates and documents, for cleanup at the end of the run."""
        REPORT.count_case(stateful=stateful)
        if response.status_code != 201:
            return
        try:
            data = json.loads(response.content)["data"]
        except (ValueError, KeyError, TypeError):
            return
        operation_id = case.operation.definition.raw.get("operationId")
        if operation_id == "create_template" and isinstance(data, dict) and "templateId" in data:
            self.target.created_templates.append(str(data["templateId"]))
        if operation_id == "publish_document" and isinstance(data, dict) and "documentId" in data:
            self.target.created_documents.append(str(data["documentId"]))
        if operation_id == "create_api_integration" and isinstance(data, dict):
            self._rotate(data)

    def _rotate(self, data: dict[str, Any]) -> None:
        """POST /api replaced the admin tenant's credential: keep using the new one (D23)."""
        secret = data.get("apiKey") or data.get("apiSecret")
        admin = self.target.admin
        if not secret or admin is None:
            return
        rotated = admin.with_key(str(secret))
        MASK.add(rotated.api_key, "$ROTATED_API_KEY")
        self.target.admin = rotated
        if admin.tenant_id == self.target.primary.tenant_id:
            self.target.primary = self.target.primary.with_key(str(secret))

    def publishable(self, case: Any) -> None:
        """A stateful publish names a template of this run, at its version 1, with a future
        deadline. Why: no link leads to `POST /v1/documents` (its template is in the body),
        so a generated body names a template that does not exist, every publish is a 404,
        and the links from a published document (read, summary, extend, cancel, resend,
        events) are never followed. Negative cases are left as generated (made valid, they
        would be accepted and fail negative_data_rejection)."""
        operation_id = case.operation.definition.raw.get("operationId")
        positive = _positive(case)
        if operation_id != "publish_document" or not positive or not isinstance(case.body, dict):
            return
        if self._template is None:
            got = self.session.post(
                f"{self.target.base_url}/v1/templates",
                json={"templateName": "Stateful publishing"},
                headers=self.target.primary.partner_headers(),
                timeout=30,
            )
            self._template = str(got.json()["data"]["templateId"])
            self.target.created_templates.append(self._template)
        case.body = {**case.body, "templateId": self._template, "templateVersion": "0001"}
        deadline = case.body.get("deadlineAt")
        if isinstance(deadline, str) and deadline < datetime.now(UTC).isoformat():
            case.body["deadlineAt"] = (datetime.now(UTC) + timedelta(days=30)).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            )

    def run(self, case: Any) -> None:
        """Send one case and judge it with every check (raises FailureGroup on failure)."""
        fresh_idempotency_key(case)
        response = case.call(session=self.session)
        self.track(case, response)
        case.validate_response(
            response,
            additional_checks=ADDITIONAL_CHECKS,
            transport_kwargs={"session": self.session},
        )

    def state_machine(self, schema: Any) -> Any:
        """The spec's links as a hypothesis state machine that reports like the rest."""
        runner = self

        class SignlyFlow(schema.as_state_machine()):  # type: ignore[misc]
            def step(self, input: Any) -> Any:
                transition = input.transition
                if transition is not None and input.is_applied:
                    source = transition.id.split(" -> ", 1)[0]
                    REPORT.coverage.followed(source, transition.id)
                return super().step(input)

            def setup(self) -> None:
                super().setup()
                runner.stateful = True
                runner.scenario = []

            def teardown(self) -> None:
                runner.stateful = False
                super().teardown()

            def get_call_kwargs(self, case: Any) -> dict[str, Any]:
                return {"session": runner.session}

            def before_call(self, case: Any) -> None:
                super().before_call(case)
                fresh_idempotency_key(case)
                runner.publishable(case)

            def after_call(self, response: Any, case: Any) -> None:
                super().after_call(response, case)  # records responses: use_after_free etc.
                runner.track(case, response, stateful=True)
                label = f"{case.operation.method.upper()} {case.operation.path}"
                runner.scenario.append(exchange_of(response, label))
                del runner.scenario[:-40]

            def validate_response(
                self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any
            ) -> None:
                super().validate_response(
                    response, case, additional_checks=ADDITIONAL_CHECKS, **kwargs
                )

        return SignlyFlow


def _positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return meta is not None and bool(meta.generation.mode.is_positive)


def fresh_idempotency_key(case: Any) -> None:
    """A positive case's Idempotency-Key is made unique (a UUID, as the spec suggests).

    Why: the generator draws the key like any string, so two cases share one (the spec's
    example in every examples-phase case, "0" in many others) and the second, another
    request, is rightly a 422 idempotency_key_reused (D36): a "rejected valid request" that
    is the client's doing. Negative cases keep their key (it may be the invalid part). The
    422 itself is produced on purpose (statuses.py)."""
    headers = getattr(case, "headers", None)
    if not headers or not _positive(case):
        return
    for name in list(headers):
        if name.lower() == "idempotency-key":
            headers[name] = str(uuid.uuid4())


def _first_line(failure: Any) -> str:
    title = getattr(failure, "title", "") or ""
    message = getattr(failure, "message", "") or str(failure)
    return f"{title}: {message}".strip(": ").replace("\n", " ")[:600]


def operation_test(schema: Any, method: str, path: str, runner: Runner) -> Any:
    """The hypothesis test schemathesis builds for one operation in the schema's phase.

    Why not `schemathesis.pytest.from_fixture(...).parametrize()`: with pytest 9.2 it fails
    (`'Function' object has no attribute '_nodeid'`: schemathesis 4.32.5 renames the node
    through a private attribute pytest 9 removed). The builder underneath is the same one
    it uses, so the cases and phases are identical. Returns None when the operation is
    filtered out of this run (read-only, no-billable, admin).
    """
    from schemathesis.core.result import Ok
    from schemathesis.generation.feedback import FeedbackSources
    from schemathesis.pytest._test_builder import build_operation_test
    from schemathesis.python._constants.orchestrator import make_constants_value_source

    for result in schema.get_all_operations():
        if not isinstance(result, Ok):
            continue
        operation = result.ok()
        if operation.method.upper() == method.upper() and operation.path == path:

            def test_func(case: Any) -> None:
                runner.run(case)

            return build_operation_test(
                config=schema.config,
                operation=operation,
                test_func=test_func,
                given_kwargs={},
                feedback=FeedbackSources(
                    constants_value_source=make_constants_value_source(schema)
                ),
            )
    return None
