"""Today's client, raw client, models and samples read a later release; the contract suite
accepts its extensible additions and still fails on a wrong type or a closed list widened.

The later release (later_release.py) is the real sandbox answering with a new value in
every extensible list, a new field in every open object, a new code on every error and a
status the spec does not list for a missing template.
"""

from __future__ import annotations

import contextlib
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import jsonschema
import pytest
from signly_client import AuthenticatedClient, NotFoundError, SignlyAdminClient, SignlyClient
from signly_client.api.documents import get_document
from signly_client.errors import SignlyError
from signly_client.models import (
    DocumentEnvelope,
    DocumentFlowPolicy,
    Participant,
    ParticipantIdentity,
    PublishDocumentRequest,
    TemplateInput,
)

from signly_contract.report import REPORT
from signly_contract.schemathesis_glue import Runner, load_schema, operation_test
from signly_contract.settings import RunSettings
from signly_contract.target import Target, embedded_app, open_target
from tests.contract.faults import FAULTS, Fault, FaultMiddleware, Forward, Req, Resp
from tests.evolution.later_release import (
    GONE_CODE,
    NEW_FIELD,
    NEW_FIELD_VALUE,
    later_release,
    response_schema,
    wrap,
)
from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ

SETTINGS = RunSettings(base_url=None, seed=20261201, max_examples=6)
NEW = "ADDED_LATER"
MISSING = "00000000-0000-4000-8000-000000000000"
SAMPLES_DIR = REPO_ROOT / "docs" / "samples"


def _models() -> Any:
    """generated/signly_models, the pydantic models (a module partners copy or vendor)."""
    if str(REPO_ROOT / "generated") not in sys.path:
        sys.path.append(str(REPO_ROOT / "generated"))
    return importlib.import_module("signly_models")


@pytest.fixture(scope="module")
def later() -> Iterator[Target]:
    with open_target(SETTINGS, app_factory=lambda: embedded_app(wrap)) as target:
        yield target


def _client(target: Target) -> SignlyClient:
    return SignlyClient(
        tenant_id=target.primary.tenant_id,
        api_key=target.primary.api_key,
        base_url=target.base_url,
        max_retries=0,
    )


def _publish(client: SignlyClient, template_id: Any) -> Any:
    participant = Participant(
        display_name="Juan David Otero",
        signature_mode=["SIGNATURE_EMAIL"],
        identity=ParticipantIdentity(email="juanoterot@outlook.com"),
    )
    body = PublishDocumentRequest(
        template_id=template_id,
        template_version="0001",
        participants=[participant],
        order_mode="PARALLEL",
    )
    return client.publish_document(body=body).data


def test_the_friendly_client_reads_every_new_value_and_keeps_new_fields(later: Target) -> None:
    with _client(later) as client:
        created = client.create_template(body=TemplateInput(template_name="Later")).data
        assert created.additional_properties == {NEW_FIELD: NEW_FIELD_VALUE}
        published = _publish(client, created.template_id)
        assert published.status == NEW
        assert published.participants[0].status == NEW

        document = client.get_document(published.document_id)
        assert document.data.status == NEW and document.data.order_mode == NEW
        assert isinstance(document.data.participants, list)
        assert isinstance(document.data.flow_policy, DocumentFlowPolicy)
        participant = document.data.participants[0]
        assert (participant.status, participant.signature_mode) == (NEW, [NEW])
        assert document.data.flow_policy.on_participant_fail == NEW
        assert document.data[NEW_FIELD] == NEW_FIELD_VALUE
        assert document.to_dict()[NEW_FIELD] == NEW_FIELD_VALUE
        assert document.data.to_dict()["status"] == NEW
        assert document.meta.additional_properties[NEW_FIELD] == NEW_FIELD_VALUE

        listed = list(client.iter_documents())
        assert listed and {d.status for d in listed} == {NEW}
        events = client.list_process_events(participant.process_id).data
        assert {(e.event_type, e.status, e.actor) for e in events} == {(NEW, NEW, "added_later")}
        fields = client.list_template_fields(created.template_id).data
        assert fields == []

        with pytest.raises(NotFoundError) as missing:
            client.get_document(MISSING)
        assert missing.value.code == "added_later" and missing.value.request_id
        assert missing.value.error_type == "not_found"

        with pytest.raises(SignlyError) as gone:
            client.get_template(MISSING)
        assert type(gone.value) is SignlyError
        assert (gone.value.status, gone.value.code) == (410, GONE_CODE)
        assert gone.value.response is not None
        assert gone.value.request_id == gone.value.response.headers["X-Request-Id"]
        assert gone.value.envelope is not None and gone.value.envelope.code == GONE_CODE

    admin_token = later.admin.admin_token if later.admin else None
    with SignlyAdminClient(token=admin_token, base_url=later.base_url) as admin:
        integration = admin.get_api_integration().data
        assert (integration.auth_method, integration.status) == (NEW, NEW)


def test_the_raw_generated_client_parses_the_later_release(later: Target) -> None:
    with _client(later) as client:
        template = client.create_template(body=TemplateInput(template_name="Raw")).data
        document_id = _publish(client, template.template_id).document_id
    raw = AuthenticatedClient(
        base_url=later.base_url,
        token=later.primary.api_key,
        prefix="",
        auth_header_name="X-Auth-Signly",
        headers={"X-Tenant-Signly": later.primary.tenant_id},
    )
    with raw:
        answer = get_document.sync_detailed(document_id, client=raw)
        assert isinstance(answer.parsed, DocumentEnvelope)
        assert answer.parsed.data.status == NEW
        assert answer.parsed.data.additional_properties[NEW_FIELD] == NEW_FIELD_VALUE
        unknown = get_document.sync_detailed(UUID(MISSING), client=raw)
        assert unknown.status_code == 404 and unknown.parsed is not None
        assert unknown.parsed.code == "added_later"


def test_known_values_still_compare_equal_to_their_literals() -> None:
    """Against today's sandbox: known values stay the literals partners compare with."""
    models = _models()
    with open_target(SETTINGS) as today, _client(today) as client:
        template = client.create_template(body=TemplateInput(template_name="Today")).data
        document = client.get_document(_publish(client, template.template_id).document_id).data
        assert document.status == "CREATED" and document.order_mode == "PARALLEL"
        model = models.Document.model_validate(document.to_dict())
        assert model.status == "CREATED"
        assert model.status == models.DocumentStatus.created


def test_the_pydantic_models_validate_and_keep_what_the_later_release_sends(
    later: Target,
) -> None:
    models = _models()
    headers = later.primary.partner_headers()
    with httpx.Client(base_url=later.base_url, headers=headers) as http, _client(later) as c:
        template_id = c.create_template(body=TemplateInput(template_name="Models")).data.template_id
        document_id = _publish(c, template_id).document_id
        answers: list[tuple[type[Any], httpx.Response]] = [
            (models.DocumentEnvelope, http.get(f"/v1/documents/{document_id}")),
            (models.DocumentListEnvelope, http.get("/v1/documents")),
            (models.TemplateEnvelope, http.get(f"/v1/templates/{template_id}")),
            (models.ErrorEnvelope, http.get(f"/v1/documents/{MISSING}")),
            (models.ErrorEnvelope, http.get(f"/v1/templates/{MISSING}")),
        ]
    for model, response in answers:
        parsed = model.model_validate(response.json())
        dumped = parsed.model_dump(by_alias=True, mode="json")
        assert dumped[NEW_FIELD] == NEW_FIELD_VALUE, model
    document = models.DocumentEnvelope.model_validate(answers[0][1].json())
    assert document.data.status == NEW
    assert document.data.participants[0].signature_mode == [NEW]
    assert document.data.model_dump(by_alias=True)[NEW_FIELD] == NEW_FIELD_VALUE
    error = models.ErrorEnvelope.model_validate(answers[3][1].json())
    assert (error.code, error.error.type) == ("added_later", "not_found")


def test_every_answer_of_the_later_release_matches_the_spec(later: Target) -> None:
    """What the later release sends is what the spec allows today (extensible additions),
    except the 410, which only the `default` response describes."""
    headers = later.primary.partner_headers()
    with httpx.Client(base_url=later.base_url, headers=headers) as http, _client(later) as c:
        template_id = str(c.create_template(body=TemplateInput(template_name="S")).data.template_id)
        document = _publish(c, template_id)
        process_id = document.participants[0].process_id
        calls = [
            ("GET", "/v1/templates"),
            ("GET", f"/v1/templates/{template_id}"),
            ("GET", f"/v1/templates/{template_id}/history"),
            ("GET", f"/v1/templates/{template_id}/fields"),
            ("GET", "/v1/documents"),
            ("GET", f"/v1/documents/{document.document_id}"),
            ("GET", f"/v1/documents/{document.document_id}/summary"),
            ("GET", f"/v1/events/{process_id}"),
            ("GET", f"/v1/documents/{MISSING}"),
            ("GET", f"/v1/templates/{MISSING}"),
            ("DELETE", f"/v1/documents/{document.document_id}/cancel"),
            ("DELETE", f"/v1/documents/{document.document_id}/cancel"),
        ]
        for method, path in calls:
            response = http.request(method, path)
            body = response.json()
            assert NEW_FIELD in body, path
            schema = response_schema(method, path, response.status_code)
            jsonschema.validate(body, schema)


def _run_suite_part(app_wrap: Any, phase: str, method: str, path: str) -> set[str]:
    """One schemathesis phase on one operation against a variant: the checks that failed."""
    with open_target(SETTINGS, app_factory=lambda: embedded_app(app_wrap)) as target:
        REPORT.reset()
        seed = target.primary.partner_headers()
        httpx.post(f"{target.base_url}/v1/templates", json={"templateName": "Seed"}, headers=seed)
        runner = Runner(target)
        schema = load_schema(target, phase, SETTINGS.max_examples)
        runner.install(schema)
        test = operation_test(schema, method, path, runner)
        assert test is not None
        with contextlib.suppress(BaseException):  # a FailureGroup: the report has the checks
            test()
        return REPORT.failed_checks()


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/v1/templates"), ("GET", "/v1/documents"), ("POST", "/v1/templates")],
)
def test_the_contract_suite_accepts_the_extensible_additions(method: str, path: str) -> None:
    assert _run_suite_part(wrap, "examples", method, path) == set()


def _on_top(fault: Fault) -> Any:
    """The later release with one more bug behind it."""
    return lambda app: FaultMiddleware(FaultMiddleware(app, fault.rewrite), later_release)


async def accepts_unknown_status_filter(request: Req, forward: Forward) -> Resp:
    """A closed request list widened: an unknown `status` filter is ignored, not refused."""
    known = ("CREATED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "REJECTED", "EXPIRED")
    if request.path == "/v1/documents" and request.query.get("status") not in (None, *known):
        request.query.pop("status")
    return await forward(request)


def test_the_contract_suite_still_fails_on_a_wrong_type() -> None:
    fault = next(f for f in FAULTS if f.name == "version_as_string")
    failed = _run_suite_part(_on_top(fault), "examples", "GET", "/v1/templates")
    assert "response_schema_conformance" in failed


def test_the_contract_suite_still_fails_on_a_value_outside_a_closed_request_list() -> None:
    fault = Fault("accepts_unknown_status_filter", accepts_unknown_status_filter, frozenset())
    failed = _run_suite_part(_on_top(fault), "coverage", "GET", "/v1/documents")
    assert "negative_data_rejection" in failed, failed


@pytest.mark.slow
@pytest.mark.parametrize(
    "sample",
    sorted(
        p
        for p in SAMPLES_DIR.glob("*.py")
        if p.name[0] != "_" and p.stem != "receive_process_event"
    ),
    ids=lambda p: p.name,
)
def test_the_python_samples_run_against_the_later_release(
    sample: Path, later: Target, tmp_path: Path
) -> None:
    env = clean_environ(SIGNLY_BASE_URL=later.base_url, PYTHONUNBUFFERED="1")
    if "api_integration" in sample.name and later.admin is not None:
        env["SIGNLY_ADMIN_TOKEN"] = str(later.admin.admin_token)
    result = subprocess.run(
        [sys.executable, str(sample)], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"{sample.name}:\n{result.stdout}{result.stderr}"
