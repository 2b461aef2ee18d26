"""Hostile input drill: schemathesis in negative mode over every operation, plus hand-picked
attacks (malformed JSON, 10k-deep nesting, huge strings and arrays, wrong content types,
invalid UTF-8, NUL bytes, duplicate keys, 1e400, bodies over 1 MiB, path traversal and
encoded slashes in ids, CR/LF in header values). Every answer is a 4xx envelope, never a 5xx,
and a refused write changes nothing (both tenants' state compared before and after).

Requests that are not valid HTTP (a bare CR or LF, or a NUL, inside a header) never reach the
sandbox: the HTTP server refuses them with its own plain-text 400 and closes the connection.
They are counted apart ("HTTP layer") and must be a 400, never a 5xx or an accepted request.
"""

from __future__ import annotations

import contextlib
import socket
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import orjson
import pytest
import schemathesis
from schemathesis.core.parameters import ParameterLocation

from signly_contract.operations import spec_operations, spec_path
from signly_contract.schemathesis_glue import Runner, config_for, flat_headers, operation_test
from signly_contract.settings import Identity, RunSettings
from signly_contract.target import Target
from signly_sandbox.process import Server
from tests.drills.resources import PARTICIPANT, fill, make_ids, publish_body, snapshot
from tests.lib.drills import FIGURES, DrillSize, Tenant, raw_refusal_problems, refusal_problems

pytestmark = pytest.mark.slow

JSON = "application/json"
MIB = 1024 * 1024
PHASES = ("coverage", "fuzzing")


class RefusalRunner(Runner):
    """Sends each negative case and judges it: a 4xx envelope, nothing else."""

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        self.statuses: Counter[int] = Counter()
        self.problems: list[str] = []
        self.phase = ""
        self.generated: Counter[tuple[str, str]] = Counter()  # (phase, operation): cases

    def run(self, case: Any) -> None:
        """Invalid body or path: a 4xx envelope. Negated only in query or headers (schemathesis
        adds unknown parameters and headers, which a server may ignore): any non-5xx answer,
        and such writes are not sent at all (a valid DELETE /api is not this drill's)."""
        self.generated[self.phase, f"{case.operation.method.upper()} {case.operation.path}"] += 1
        meta = case._meta
        strict = meta is not None and any(
            meta.is_negative_at(location)
            for location in (ParameterLocation.BODY, ParameterLocation.PATH)
        )
        if not strict and case.method.upper() != "GET":
            self.statuses[0] += 1
            return
        response = case.call(session=self.session)
        self.statuses[response.status_code] += 1
        content = response.content or b""
        if strict:
            problems = raw_refusal_problems(
                response.status_code, flat_headers(response.headers), content
            )
        else:
            problems = [f"HTTP {response.status_code}"] if response.status_code >= 500 else []
        if problems:
            self.problems.append(
                f"{case.operation.method.upper()} {case.operation.path}: {'; '.join(problems)}"
                f"\n    {case.as_curl_command()}"
            )


def negative_schema(target: Target, phase: str, examples: int) -> Any:
    """The contract suite's configuration for `phase`, generating invalid requests only."""
    config = config_for(target, phase, examples)
    config["generation"]["mode"] = "negative"
    config["operations"] = []  # no "a valid request may be refused" allowances here
    return schemathesis.openapi.from_path(spec_path(), config=schemathesis.Config.from_dict(config))


def contract_target(url: str, owner: Tenant, admin: Tenant) -> Target:
    settings = RunSettings(base_url=url, include_admin=True, seed=20261124)
    return Target(
        url,
        Identity(owner.tenant_id, owner.api_key, owner.admin_token, "primary"),
        settings,
        admin=Identity(admin.tenant_id, admin.api_key, admin.admin_token, "admin"),
    )


def huge_bodies() -> Iterator[tuple[str, str, bytes]]:
    """(label, content type, body) of every hand-picked hostile body."""
    yield "malformed JSON", JSON, b'{"templateName": '
    yield "truncated string", JSON, b'{"templateName": "abc'
    yield "10k-deep arrays", JSON, b"[" * 10_000 + b"]" * 10_000
    yield "10k-deep objects", JSON, b'{"a":' * 10_000 + b"1" + b"}" * 10_000
    yield "900 KB string", JSON, orjson.dumps({"templateName": "x" * 900_000})
    yield "400k-item array", JSON, orjson.dumps([0] * 400_000)
    yield "100k-key object", JSON, orjson.dumps({f"k{i}": 0 for i in range(100_000)})
    yield "text/plain", "text/plain", b'{"templateName": "a"}'
    yield "form", "application/x-www-form-urlencoded", b"templateName=a"
    yield "multipart", "multipart/form-data; boundary=x", b'--x\r\n\r\n{"a":1}\r\n--x--'
    yield "xml", "application/xml", b"<templateName>a</templateName>"
    yield "no content type", "", b'{"templateName": "a"}'
    yield "invalid UTF-8", JSON, b'{"templateName": "\xff\xfe\xfd"}'
    yield "UTF-16", JSON, '{"templateName": "a"}'.encode("utf-16")
    yield "lone surrogate", JSON, b'{"templateName": "\\ud800"}'
    yield "raw NUL in string", JSON, b'{"templateName": "a\x00b"}'
    yield "NUL bytes only", JSON, b"\x00" * 64
    yield "duplicate keys", JSON, b'{"templateName": "a", "templateName": "b"}'
    yield "duplicate nested keys", JSON, b'[{"fieldName": "a", "fieldName": "b"}]'
    yield "1e400", JSON, b'{"templateName": 1e400, "page": 1e400}'
    yield "-1e400", JSON, b'[{"fieldName": "a", "fieldType": "TEXT", "x": -1e400}]'
    yield "2**70", JSON, b'{"templateName": "a", "metadata": {"n": 1180591620717411303424}}'
    yield "NaN", JSON, b'{"templateName": NaN}'
    yield "BOM", JSON, b'\xef\xbb\xbf{"templateName": "a"}'
    yield "empty body", JSON, b""
    yield "over 1 MiB", JSON, b'{"templateName": "' + b"x" * MIB + b'"}'


def specific_bodies(ids: dict[str, str]) -> Iterator[tuple[str, str, str, bytes]]:
    """(label, operation id, content type, body): hostile yet well-formed for one operation."""
    template_id = ids["templateId"]
    publish = publish_body(template_id)
    yield (
        "20k participants",
        "publish_document",
        JSON,
        orjson.dumps({**publish, "participants": [PARTICIPANT] * 5_000}),
    )
    modes = {**PARTICIPANT, "signatureMode": ["SIGNATURE_EMAIL"] * 50_000}
    yield (
        "50k signature modes",
        "publish_document",
        JSON,
        orjson.dumps({**publish, "participants": [modes]}),
    )
    objects = {**PARTICIPANT, "signatureMode": [{"m": i} for i in range(20_000)]}
    yield (
        "20k distinct objects as modes",
        "publish_document",
        JSON,
        orjson.dumps({**publish, "participants": [objects]}),
    )
    yield (
        "1000-key metadata",
        "publish_document",
        JSON,
        orjson.dumps({**publish, "metadata": {f"k{i}": i for i in range(1000)}}),
    )
    field = {"fieldName": "a", "fieldType": "TEXT"}
    yield "50k fields", "set_template_fields", JSON, orjson.dumps([field] * 50_000)
    yield "templateName with CR/LF only", "create_template", JSON, b'{"templateName": "\\r\\n"}'
    yield (
        "auth_method injection",
        "create_api_integration",
        JSON,
        orjson.dumps({"auth_method": "KEY\r\nX-Injected: 1"}),
    )


PATH_IDS = {
    "traversal ..%2F": "..%2F..%2Fapi",
    "encoded dots": "%2e%2e%2f%2e%2e%2fapi",
    "encoded slash": "a%2Fb",
    "NUL": "%00",
    "CR/LF": "%0d%0aX-Injected:%201",
    "10k-char id": "a" * 10_000,
    "SQL": "'%20OR%201=1%20--",
    "unicode": "%E2%80%AE%F0%9F%98%80",
    "invalid UTF-8 escape": "%ff%fe",
}
QUERIES = [
    "limit=1e400",
    "limit=-1",
    "limit=99999999999999999999999999",
    "limit=%00",
    "cursor=..%2F..%2F",
    "cursor=%ff%fe",
    "sort=createdAt%0d%0aX-Injected:%201",
    "status=%00",
]
# Not valid HTTP: the server's HTTP layer answers 400 before the app sees anything.
RAW_HEADER_LINES = {
    "bare CR in header value": b"X-Auth-Signly: key\rX-Injected: 1",
    "bare LF in header value": b"X-Auth-Signly: key\nX-Injected: 1",
    "NUL in header value": b"X-Auth-Signly: key\x00",
    "CTL in header value": b"X-Auth-Signly: key\x01",
}


def raw_request(server: Server, head: bytes) -> tuple[int, bytes]:
    """Send bytes as they are (no client validation); the status and the whole answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
    return status, answer


def test_hostile_input_drill(
    live: Server, tenants: tuple[Tenant, Tenant], drill_size: DrillSize
) -> None:
    started = time.monotonic()
    owner, other = tenants
    counts: Counter[str] = Counter()
    problems: list[str] = []

    def judge(label: str, response: httpx.Response) -> None:
        counts["hand-picked"] += 1
        counts[str(response.status_code)] += 1
        found = refusal_problems(response)
        if found:
            problems.append(f"{label}: {'; '.join(found)}")

    with httpx.Client(base_url=live.url, timeout=60) as client:
        ids = make_ids(client, owner)
        before = [snapshot(client, tenant) for tenant in tenants]
        operations = [
            ("POST", "/v1/templates", "create_template", owner.partner()),
            ("PUT", "/v1/templates/{templateId}", "update_template", owner.partner()),
            ("PUT", "/v1/templates/{templateId}/fields", "set_template_fields", owner.partner()),
            ("POST", "/v1/documents", "publish_document", owner.partner()),
            ("POST", "/v1/documents/{documentId}/extend", "extend_document_deadline", None),
            ("POST", "/api", "create_api_integration", other.admin()),
        ]
        by_id = {op_id: (method, path, headers) for method, path, op_id, headers in operations}
        for method, path, op_id, headers in operations:
            for label, content_type, body in huge_bodies():
                sent = {**(headers or owner.partner()), "Content-Type": content_type}
                if not content_type:
                    del sent["Content-Type"]
                response = client.request(method, fill(path, ids), content=body, headers=sent)
                judge(f"{op_id} [{label}]", response)
        for label, op_id, content_type, body in specific_bodies(ids):
            method, path, headers = by_id[op_id]
            sent = {**(headers or owner.partner()), "Content-Type": content_type}
            response = client.request(method, fill(path, ids), content=body, headers=sent)
            judge(f"{op_id} [{label}]", response)

        def chunked() -> Iterator[bytes]:
            yield b'{"templateName": "'
            for _ in range(20):
                yield b"x" * 65536
            yield b'"}'

        response = client.post(
            "/v1/templates", content=chunked(), headers={**owner.partner(), "Content-Type": JSON}
        )
        judge("create_template [over 1 MiB, chunked]", response)

        id_paths = [
            ("GET", "/v1/templates/{id}"),
            ("PUT", "/v1/templates/{id}"),
            ("DELETE", "/v1/templates/{id}"),
            ("GET", "/v1/templates/{id}/history"),
            ("DELETE", "/v1/templates/" + ids["templateId"] + "/versions/{id}"),
            ("GET", "/v1/documents/{id}"),
            ("DELETE", "/v1/documents/{id}/cancel"),
            ("POST", "/v1/documents/" + ids["documentId"] + "/participants/{id}/resend"),
            ("GET", "/v1/events/{id}"),
        ]
        for method, path in id_paths:
            for label, value in PATH_IDS.items():
                update = {"templateName": "x"} if method == "PUT" else None
                response = client.request(
                    method, path.replace("{id}", value), json=update, headers=owner.partner()
                )
                judge(f"{method} {path} [{label}]", response)
        for query in QUERIES:
            for path in ("/v1/documents", "/v1/templates")[: 1 if "status" in query else 2]:
                judge(f"GET {path}?{query}", client.get(f"{path}?{query}", headers=owner.partner()))

        http_layer: Counter[int] = Counter()
        for label, line in RAW_HEADER_LINES.items():
            for target in ("GET /v1/templates", "POST /v1/templates"):
                head = (
                    f"{target} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    f"X-Tenant-Signly: {owner.tenant_id}\r\n".encode()
                    + line
                    + b"\r\nContent-Type: application/json\r\nContent-Length: 20\r\n"
                    + b'Connection: close\r\n\r\n{"templateName":"a"}'
                )
                status, answer = raw_request(live, head)
                http_layer[status] += 1
                if status != 400:
                    problems.append(f"{target} [{label}]: {answer[:200]!r}")

        st_target = contract_target(live.url, owner, other)
        runner = RefusalRunner(st_target)
        examples = drill_size.hostile_examples
        for phase in PHASES:
            runner.phase = phase
            schema = negative_schema(st_target, phase, examples)
            for result in schema.get_all_operations():
                operation = result.ok()
                test = operation_test(schema, operation.method, operation.path, runner)
                if test is not None:
                    with contextlib.suppress(pytest.skip.Exception):
                        test()
        problems += runner.problems
        assert not problems, "\n".join(problems[:40])
        after = [snapshot(client, tenant) for tenant in tenants]

    not_sent = runner.statuses.pop(0, 0)
    schemathesis_cases = sum(runner.statuses.values())
    FIGURES.put(
        "hostile",
        hand_picked_requests=counts["hand-picked"],
        hand_picked_statuses={k: v for k, v in sorted(counts.items()) if k.isdigit()},
        http_layer_refusals=dict(http_layer),
        schemathesis_negative_cases=schemathesis_cases,
        schemathesis_generated_per_phase={
            phase: sum(n for (p, _), n in runner.generated.items() if p == phase)
            for phase in PHASES
        },
        schemathesis_writes_negated_only_in_query_or_headers_not_sent=not_sent,
        schemathesis_statuses=dict(sorted(runner.statuses.items())),
        server_errors=sum(n for s, n in runner.statuses.items() if s >= 500)
        + sum(v for k, v in counts.items() if k.isdigit() and int(k) >= 500),
        state_unchanged=before == after,
        problems=len(problems),
        seconds=round(time.monotonic() - started, 2),
    )
    assert not problems, "\n".join(problems[:40])
    assert before == after, "a refused request changed state"
    # A drill that sent nothing would pass: every operation got negative cases in each phase.
    every_operation = {f"{method} {path}" for method, path, _ in spec_operations()}
    for phase in PHASES:
        missing = every_operation - {
            op for (ran, op), n in runner.generated.items() if ran == phase and n
        }
        assert not missing, f"{phase}: no negative case generated for {sorted(missing)}"
    assert schemathesis_cases >= len(every_operation), runner.statuses
    assert sum(http_layer.values()) == 2 * len(RAW_HEADER_LINES), http_layer
