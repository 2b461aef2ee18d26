"""`signly-sandbox proxy`: forwards traffic unchanged and flags every exchange that breaks the
spec, against a sandbox that answers a template's `version` as a string and a clean one."""

from __future__ import annotations

import gzip
import io
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from signly_contract.server import serve
from signly_contract.target import PAGE_TENANT, embedded_app
from signly_sandbox.proxy import VIOLATIONS_HEADER, ContractChecker, ValidatingProxy
from signly_sandbox.proxy.contract import public_spec_path
from signly_sandbox.routing import load_spec
from tests.contract.faults import FaultMiddleware, version_as_string
from tests.lib.env import clean_environ
from tests.lib.servers import HOST, free_port, stop, wait_until_listening

HEADERS = PAGE_TENANT.partner_headers()


@pytest.fixture(scope="module")
def checker() -> ContractChecker:
    return ContractChecker(load_spec(public_spec_path()))


@pytest.fixture(scope="module")
def clean_sandbox() -> Iterator[str]:
    with serve(embedded_app()) as url:
        yield url


@pytest.fixture(scope="module")
def broken_sandbox() -> Iterator[str]:
    with serve(embedded_app(lambda app: FaultMiddleware(app, version_as_string))) as url:
        yield url


class Proxied:
    def __init__(self, url: str, proxy: ValidatingProxy, log: io.StringIO) -> None:
        self.url = url
        self.proxy = proxy
        self.log = log

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log.getvalue().splitlines()]


def proxied(upstream: str, checker: ContractChecker) -> Iterator[Proxied]:
    log = io.StringIO()
    proxy = ValidatingProxy(upstream, checker, log_stream=log)
    with serve(proxy) as url:
        yield Proxied(url, proxy, log)


@pytest.fixture
def to_broken(broken_sandbox: str, checker: ContractChecker) -> Iterator[Proxied]:
    yield from proxied(broken_sandbox, checker)


@pytest.fixture
def to_clean(clean_sandbox: str, checker: ContractChecker) -> Iterator[Proxied]:
    yield from proxied(clean_sandbox, checker)


def test_a_version_answered_as_a_string_is_flagged(to_broken: Proxied) -> None:
    created = httpx.post(
        f"{to_broken.url}/v1/templates", headers=HEADERS, json={"templateName": "P"}
    )
    assert created.status_code == 201 and created.headers[VIOLATIONS_HEADER] == ""
    listed = httpx.get(f"{to_broken.url}/v1/templates", headers=HEADERS)
    assert listed.status_code == 200
    flagged = listed.headers[VIOLATIONS_HEADER]
    assert "response body: /data/0/version:" in flagged and "is not of type 'integer'" in flagged
    assert isinstance(listed.json()["data"][0]["version"], str)  # the answer itself, unchanged
    logged = to_broken.lines()
    assert [line["operationId"] for line in logged] == ["list_templates"]
    assert logged[0]["requestId"] == listed.headers["x-request-id"]
    assert logged[0]["violations"][0]["where"] == "response"
    summary = "\n".join(to_broken.proxy.stats.summary())
    assert (
        "GET /v1/templates (list_templates)" in summary
        and "2 requests, 1 with violations" in summary
    )


def test_clean_answers_are_not_flagged(to_clean: Proxied) -> None:
    base = to_clean.url
    template = httpx.post(f"{base}/v1/templates", headers=HEADERS, json={"templateName": "Q"})
    template_id = template.json()["data"]["templateId"]
    answers = [
        template,
        httpx.get(f"{base}/v1/templates", headers=HEADERS, params={"limit": 2}),
        httpx.get(f"{base}/v1/templates/{template_id}", headers=HEADERS),
        httpx.get(f"{base}/v1/documents/0e51e6ee-4643-4381-97e0-5164c00a0142", headers=HEADERS),
        httpx.get(f"{base}/v1/templates", headers={"X-Tenant-Signly": PAGE_TENANT.tenant_id}),
        httpx.get(f"{base}/v1/templates", headers={**HEADERS, "Prefer": "code=429"}),
    ]
    assert [a.status_code for a in answers] == [201, 200, 200, 404, 401, 429]
    assert [a.headers[VIOLATIONS_HEADER] for a in answers] == [""] * 6
    assert to_clean.lines() == []


def test_requests_that_break_the_spec_are_flagged_and_still_forwarded(to_clean: Proxied) -> None:
    base = to_clean.url
    bad = httpx.post(f"{base}/v1/templates", headers=HEADERS, json={"templateName": 5})
    assert bad.status_code == 400  # the server's own answer, forwarded
    assert bad.headers[VIOLATIONS_HEADER].startswith("request body: templateName:")
    sort = httpx.get(f"{base}/v1/documents", headers=HEADERS, params={"sort": "creationDate"})
    assert sort.headers[VIOLATIONS_HEADER].startswith("request query:")
    unknown = httpx.get(f"{base}/v2/nothing", headers=HEADERS)
    assert unknown.status_code == 404
    assert (
        unknown.headers[VIOLATIONS_HEADER]
        == "request operation: no operation GET /v2/nothing in the spec"
    )


async def echo(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """An upstream that answers what it received (gzip-compressed, with its own headers)."""
    if scope["type"] != "http":
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    seen = {
        "method": scope["method"],
        "raw_path": scope["raw_path"].decode(),
        "query": scope["query_string"].decode(),
        "headers": [[k.decode(), v.decode()] for k, v in scope["headers"]],
        "body": body.decode("latin-1"),
    }
    content = gzip.compress(json.dumps(seen).encode())
    await send(
        {
            "type": "http.response.start",
            "status": 299,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-encoding", b"gzip"),
                (b"x-upstream", b"one"),
                (b"x-upstream", b"two"),
                (b"content-length", str(len(content)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": content})


def test_traffic_passes_unchanged(checker: ContractChecker) -> None:
    with serve(echo) as upstream:
        for proxy in proxied(upstream, checker):
            body = b'{"templateName": "Acuerdo", "extra": [1, 2.50, "\\u00e9"]}'
            sent = httpx.Request(
                "PUT",
                f"{proxy.url}/v1/templates/3F34581A-x%2Fy?b=2&a=1&a=%20",
                headers={**HEADERS, "X-Custom": "kept", "Content-Type": "application/json"},
                content=body,
            )
            with httpx.Client() as client:
                response = client.send(sent, stream=True)
                raw = b"".join(response.iter_raw())
            seen = json.loads(gzip.decompress(raw))
            assert response.status_code == 299
            assert response.headers.get_list("x-upstream") == ["one", "two"]
            assert response.headers["content-encoding"] == "gzip"
            assert (seen["method"], seen["raw_path"], seen["query"]) == (
                "PUT",
                "/v1/templates/3F34581A-x%2Fy",
                "b=2&a=1&a=%20",
            )
            assert seen["body"].encode("latin-1") == body
            headers = dict(seen["headers"])
            assert headers["x-custom"] == "kept" and headers["x-auth-signly"] == PAGE_TENANT.api_key
            assert headers["host"] == upstream.removeprefix("http://")
            assert "299 is not documented" not in response.headers[VIOLATIONS_HEADER]  # default


def test_an_unreachable_upstream_is_a_502_envelope(checker: ContractChecker) -> None:
    dead = f"http://{HOST}:{free_port()}"
    for proxy in proxied(dead, checker):
        response = httpx.get(f"{proxy.url}/v1/templates", headers=HEADERS)
        assert response.status_code == 502
        body = response.json()
        assert (body["success"], body["code"], body["error"]["type"]) == (
            False,
            "upstream_unreachable",
            "server",
        )
        assert body["meta"]["request_id"] == response.headers["x-request-id"]
        assert "answered 502/504" in proxy.proxy.stats.summary()[-1]


@pytest.mark.slow
def test_the_command_prints_a_summary_per_operation_on_exit(
    clean_sandbox: str, tmp_path: Any
) -> None:
    port = free_port()
    log = tmp_path / "violations.jsonl"
    command = [sys.executable, "-m", "signly_sandbox.cli", "proxy", "--upstream", clean_sandbox]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--log", str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=clean_environ(),
    )
    try:
        wait_until_listening(port, process)
        url = f"http://{HOST}:{port}"
        assert httpx.get(f"{url}/v1/templates", headers=HEADERS).headers[VIOLATIONS_HEADER] == ""
        httpx.post(f"{url}/v1/templates", headers=HEADERS, json={"templateName": 7})
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=20)
    finally:
        stop(process)
    assert "Signly validating proxy summary" in output
    assert "POST /v1/templates (create_template)" in output
    assert "2 requests, 1 with violations" in output
    logged = [json.loads(line) for line in log.read_text().splitlines()]
    assert [line["operationId"] for line in logged] == ["create_template"]


async def own_answers(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """An upstream with answers of its own the proxy must pass on as they are: a 502 of its
    own (not JSON), a JSON content type over a body that is not JSON, a 503 envelope."""
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    status, content_type, content = {
        "/v1/templates": (502, b"text/html", b"<h1>Bad gateway (the upstream's own)</h1>"),
        "/v1/documents": (200, b"application/json", b'{"success": tru'),
    }.get(scope["path"], (503, b"application/json", b'{"success": false, "status": 503}'))
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type),
                (b"x-request-id", b"req_upstream"),
                (b"content-length", str(len(content)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": content})


class BrokenChecker(ContractChecker):
    """A checker whose checks themselves fail: the proxy must still forward both ways."""

    def check_request(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("request check bug")

    def check_response(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("response check bug")


def test_the_upstreams_own_answers_are_never_dropped(checker: ContractChecker) -> None:
    with serve(own_answers) as upstream:
        for proxy in proxied(upstream, checker):
            own_502 = httpx.get(f"{proxy.url}/v1/templates", headers=HEADERS)
            assert own_502.status_code == 502 and own_502.headers["x-request-id"] == "req_upstream"
            assert own_502.content == b"<h1>Bad gateway (the upstream's own)</h1>"
            assert own_502.headers[VIOLATIONS_HEADER] != ""  # flagged, not replaced
            not_json = httpx.get(f"{proxy.url}/v1/documents", headers=HEADERS)
            assert (not_json.status_code, not_json.content) == (200, b'{"success": tru')
            assert not_json.headers[VIOLATIONS_HEADER] != ""
            assert proxy.proxy.stats.unreachable == 0  # both counted as the upstream's answers


def test_a_check_that_fails_never_costs_the_answer(clean_sandbox: str) -> None:
    broken = BrokenChecker(load_spec(public_spec_path()))
    for proxy in proxied(clean_sandbox, broken):
        created = httpx.post(
            f"{proxy.url}/v1/templates", headers=HEADERS, json={"templateName": "Kept"}
        )
        assert created.status_code == 201 and created.json()["data"]["templateName"] == "Kept"
        flagged = created.headers[VIOLATIONS_HEADER]
        assert "request check: could not be checked" in flagged
        assert "response check: could not be checked" in flagged
        assert [line["status"] for line in proxy.lines()] == [201]
