"""Failures on demand: `Prefer: code=NNN` / `example=NAME`, armed fault rules and the rate
limit, each answering the documented envelope (checked against the sandbox spec)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson
import pytest

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import ManualClock
from signly_sandbox.faults import Faults, compile_answers, parse_prefer, parse_rate
from tests.lib.sandbox import BASE_URL, PARTNER_A, PARTNER_B, create_template
from tests.lib.workbench import AnswerCheck

pytestmark = pytest.mark.anyio
MISSING_TEMPLATE = "/v1/templates/3f34581a-5b4a-4068-ab72-5f2b36611fa1"
REQUEST_ID = "req_01ABCDEFGHJKMNPQRSTVWXYZ12"


@pytest.fixture(scope="module")
def answers_check(sandbox_spec: dict[str, Any]) -> AnswerCheck:
    return AnswerCheck(sandbox_spec)


@pytest.fixture
async def bench(
    app: Any, answers_check: AnswerCheck
) -> AsyncIterator[tuple[httpx.AsyncClient, AnswerCheck]]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=PARTNER_A
    ) as client:
        yield client, answers_check


async def test_prefer_429_and_503_answer_documented_envelopes(
    bench: tuple[httpx.AsyncClient, AnswerCheck],
) -> None:
    client, check = bench
    limited = await client.get("/v1/templates", headers={"Prefer": "code=429"})
    assert limited.status_code == 429 and limited.headers["retry-after"] == "1"
    body = check.check(limited)
    assert (body["code"], body["error"]["type"]) == ("rate_limited", "rate_limit")
    unavailable = await client.get(MISSING_TEMPLATE, headers={"Prefer": "code=503"})
    assert unavailable.status_code == 503
    body = check.check(unavailable)
    assert (
        body["error"]["type"] == "server"
        and body["meta"]["tenant_id"] == PARTNER_A["X-Tenant-Signly"]
    )
    again = await client.get(MISSING_TEMPLATE, headers={"Prefer": "code=503"})
    assert again.headers["x-request-id"] != unavailable.headers["x-request-id"]


async def test_prefer_example_picks_a_named_example_with_fresh_meta(
    bench: tuple[httpx.AsyncClient, AnswerCheck],
) -> None:
    client, check = bench
    named = await client.get(MISSING_TEMPLATE, headers={"Prefer": "example=TemplateFetched"})
    assert named.status_code == 200
    body = check.check(named)
    assert body["data"]["templateVersion"] == "3f34581a-5b4a-4068-ab72-5f2b36611fa1#0002"
    assert body["meta"]["request_id"] != "req_01J8XQ7M8VW2A6G2B0N7J5AZ7Q"
    both = await client.get(
        MISSING_TEMPLATE, headers={"Prefer": "code=404, example=TemplateNotFound"}
    )
    assert both.status_code == 404 and check.check(both)["code"] == "not_found"


async def test_prefer_has_no_effect_on_state(bench: tuple[httpx.AsyncClient, AnswerCheck]) -> None:
    client, check = bench
    created = await client.post(
        "/v1/templates", json={"templateName": "Not kept"}, headers={"Prefer": "code=201"}
    )
    assert created.status_code == 201 and check.check(created)["code"] == "template_created"
    assert (await client.get("/v1/templates")).json()["data"] == []


async def test_unknown_prefer_status_or_example_is_a_400_listing_what_is_documented(
    bench: tuple[httpx.AsyncClient, AnswerCheck],
) -> None:
    client, check = bench
    teapot = await client.get(MISSING_TEMPLATE, headers={"Prefer": "code=418"})
    assert teapot.status_code == 400
    body = check.check(teapot)
    assert body["code"] == "validation_error"
    assert body["error"]["details"]["documentedStatuses"] == [
        "200",
        "401",
        "403",
        "404",
        "429",
        "5xx",
    ]
    assert "418" in body["error"]["details"]["fields"]["Prefer"][0]
    unknown = await client.get(MISSING_TEMPLATE, headers={"Prefer": "example=Nope"})
    assert unknown.status_code == 400
    assert "TemplateFetched" in check.check(unknown)["error"]["details"]["documentedExamples"]
    wrong = await client.get(MISSING_TEMPLATE, headers={"Prefer": "code=abc"})
    assert wrong.status_code == 400 and "Prefer" in wrong.json()["error"]["details"]["fields"]
    other = await client.get(MISSING_TEMPLATE, headers={"Prefer": "return=minimal"})
    assert other.status_code == 404  # a preference that is not ours is ignored (RFC 7240)


async def test_prefer_comes_after_authentication(
    bench: tuple[httpx.AsyncClient, AnswerCheck],
) -> None:
    client, check = bench
    refused = await client.get(
        "/v1/templates", headers={"Prefer": "code=200", "X-Auth-Signly": "sk_wrong"}
    )
    assert refused.status_code == 401 and check.check(refused)["code"] == "unauthorized"


def test_every_simulated_answer_conforms_to_its_response(sandbox_spec: dict[str, Any]) -> None:
    """Every operation, every documented status (and a 502 through `default`), every named
    example: the answer the sandbox would give validates against the spec."""
    check = AnswerCheck(sandbox_spec)
    answers = compile_answers(sandbox_spec)
    faults = Faults(answers, ManualClock())
    methods = {
        op["operationId"]: (method.upper(), path)
        for path, item in sandbox_spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }
    checked = 0
    for op_id, operation in answers.items():
        method, path = methods[op_id]
        concrete = path.replace("{processId}", "p-1")
        for key in ("{templateId}", "{documentId}", "{participantId}", "{version}"):
            concrete = concrete.replace(key, "x")
        statuses = [s for s in operation.statuses if s >= 400 or operation.for_status(s)]
        for status in [*statuses, *([502] if operation.has_default else [])]:
            answer = faults.choose(operation, status, None, field="Prefer")
            body = orjson.loads(
                faults.respond(answer, REQUEST_ID, PARTNER_A["X-Tenant-Signly"]).body
            )
            assert not check.problems(method, concrete, status, body), (op_id, status)
            checked += 1
        for name in operation.examples:
            answer = faults.choose(operation, None, name, field="Prefer")
            body = orjson.loads(faults.respond(answer, REQUEST_ID, None).body)
            assert not check.problems(method, concrete, answer.status, body), (op_id, name)
            checked += 1
    assert checked > 150


async def test_two_armed_503s_then_the_real_answer(
    bench: tuple[httpx.AsyncClient, AnswerCheck],
) -> None:
    client, check = bench
    template = await create_template(client)
    path = f"/v1/templates/{template['templateId']}"
    armed = await client.post(
        "/_sandbox/faults", json={"operationId": "get_template", "status": 503, "count": 2}
    )
    assert armed.status_code == 201
    rule = check.check(armed)["data"]
    assert (rule["status"], rule["remaining"], rule["latencyMs"]) == (503, 2, 0)
    assert (await client.get(path)).status_code == 503
    listed = check.check(await client.get("/_sandbox/faults"))["data"]
    assert [r["remaining"] for r in listed] == [1]
    assert (await client.get(path)).status_code == 503
    assert (await client.get(path)).status_code == 200
    assert check.check(await client.get("/_sandbox/faults"))["data"] == []
    other = await client.get(path, headers=PARTNER_B)
    assert other.status_code == 404  # rules are the arming tenant's only


async def test_latency_example_and_clear(bench: tuple[httpx.AsyncClient, AnswerCheck]) -> None:
    client, check = bench
    await client.post("/_sandbox/faults", json={"operationId": "list_templates", "latencyMs": 120})
    started = time.perf_counter()
    slow = await client.get("/v1/templates")
    assert slow.status_code == 200 and time.perf_counter() - started >= 0.12
    await client.post(
        "/_sandbox/faults",
        json={"operationId": "list_documents", "example": "InvalidSortField", "count": 5},
    )
    assert (await client.get("/v1/documents")).json()["error"]["details"]["field"] == "creationDate"
    cleared = check.check(await client.delete("/_sandbox/faults"))["data"]
    assert cleared["cleared"] == 1
    assert (await client.get("/v1/documents")).status_code == 200


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ({"operationId": "get_everything", "status": 503}, "operationId"),
        ({"operationId": "sandbox_reset", "status": 503}, "operationId"),
        ({"operationId": "get_template", "status": 503, "count": -1}, "count"),
        ({"operationId": "get_template", "status": 503, "count": 0}, "count"),
        ({"operationId": "get_template", "status": 418}, "status"),
        ({"operationId": "get_template", "example": "Nope"}, "example"),
        ({"operationId": "get_template", "latencyMs": -5}, "latencyMs"),
        ({"operationId": "get_template"}, "_schema"),
    ],
)
async def test_bad_fault_rules_are_400s_naming_the_field(
    bench: tuple[httpx.AsyncClient, AnswerCheck], rule: dict[str, Any], field: str
) -> None:
    client, check = bench
    refused = await client.post("/_sandbox/faults", json=rule)
    assert refused.status_code == 400
    assert field in check.check(refused)["error"]["details"]["fields"]


async def test_a_real_rate_limit_on_the_sandbox_clock(
    config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any], answers_check: AnswerCheck
) -> None:
    clock = ManualClock()
    limited = dataclasses.replace(config, rate_limit=2.0)
    app = create_app(limited, clock=clock, blobs=s3, spec=sandbox_spec)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=PARTNER_A
    ) as client:
        assert [(await client.get("/v1/templates")).status_code for _ in range(2)] == [200, 200]
        refused = await client.get("/v1/templates")
        assert refused.status_code == 429 and refused.headers["retry-after"] == "1"
        assert answers_check.check(refused)["error"]["details"] == {"retryAfterSeconds": 1}
        assert (await client.get("/_sandbox/faults")).status_code == 200  # controls: no limit
        assert (await client.get("/v1/templates", headers=PARTNER_B)).status_code == 200
        clock.advance(0.5)
        assert (await client.get("/v1/templates")).status_code == 200


async def test_faults_off_ignores_prefer_and_refuses_rules(
    config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any], answers_check: AnswerCheck
) -> None:
    app = create_app(dataclasses.replace(config, faults=False), blobs=s3, spec=sandbox_spec)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=PARTNER_A
    ) as client:
        assert (
            await client.get("/v1/templates", headers={"Prefer": "code=503"})
        ).status_code == 200
        refused = await client.post(
            "/_sandbox/faults", json={"operationId": "get_template", "status": 503}
        )
        assert refused.status_code == 409
        assert answers_check.check(refused)["code"] == "sandbox_feature_disabled"


def test_prefer_and_rate_parsing() -> None:
    assert parse_prefer('code=429, example="RateLimited"; dynamic=true') == {
        "code": "429",
        "example": "RateLimited",
        "dynamic": "true",
    }
    assert parse_prefer("respond-async") == {}
    assert parse_rate("10/s") == 10 and parse_rate("600/m") == 10 and parse_rate("5") == 5
    for bad in ("0/s", "ten/s", "5/d"):
        with pytest.raises(ValueError):
            parse_rate(bad)


def test_generic_answers_pin_the_response_codes(sandbox_spec: dict[str, Any]) -> None:
    answers = compile_answers(sandbox_spec)
    not_found = answers["get_document"].for_status(404)
    assert not_found is not None and not_found.body["code"] == "not_found"
    conflict = answers["extend_document_deadline"].for_status(409)
    assert conflict is not None and conflict.body["code"] == "document_not_active"
    # a 400 whose schema asks for details a generic envelope cannot know: its first example
    invalid = answers["list_documents"].for_status(400)
    assert invalid is not None and invalid.body["error"]["details"]["code"] == "INVALID_SORT_FIELD"
