"""`signly-contract replay PATH [--base-url URL]`: does a stored failure still fail?

A cassette (cassette.py) says how to judge a replay:

- `exchanges`: its requests are sent again, in order, to the server (ids a response hands
  out are carried into the later requests: a template the first request created has another
  id on the second run), and the last answer is judged the way the failing check judged it:
  a status it had to have, the envelope rules, or the named schemathesis check;
- `property`: the property runs again on the failing example alone (the same setup, the
  one hypothesis example that failed), so the very check that failed decides.

Credentials are the environment's, as for a run (`$SIGNLY_API_KEY` in the cassette is the
value of SIGNLY_API_KEY); without `--base-url` the replay starts the embedded sandbox and
uses its seeded tenants. Exit status: 1 when the failure is still there, 0 when it is gone,
2 when the cassette cannot be replayed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from signly_contract.cassette import from_json_value
from signly_contract.client import ApiClient, Exchange
from signly_contract.coverage import match, status_key
from signly_contract.envelope import envelope_problems
from signly_contract.operations import public_spec
from signly_contract.settings import RunSettings
from signly_contract.target import ADMIN_PLAYGROUND, PAGE_TENANT, SECOND_TENANT, Target
from signly_contract.violations import ContractViolation

PLACEHOLDER = re.compile(r"\$([A-Z][A-Z0-9_]*)")
ID_LIKE = re.compile(r"^(?=.*\d)[0-9A-Za-z][0-9A-Za-z_-]{7,}$")  # ids, cursors: no plain words


@dataclass
class Verdict:
    still_fails: bool
    detail: str
    exchanges: list[Exchange]


def embedded_values() -> dict[str, str]:
    """What the placeholders stand for on the embedded sandbox (its seeded tenants)."""
    values: dict[str, str] = {}
    for prefix, identity in (
        ("SIGNLY", PAGE_TENANT),
        ("SIGNLY_OTHER", SECOND_TENANT),
        ("SIGNLY_ADMIN_TENANT", ADMIN_PLAYGROUND),
    ):
        values[f"{prefix}_TENANT_ID"] = identity.tenant_id
        values[f"{prefix}_API_KEY"] = identity.api_key
        if identity.admin_token:
            values[f"{prefix}_ADMIN_TOKEN"] = identity.admin_token
    return values


def unmask(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _pairs(recorded: Any, fresh: Any, found: dict[str, str]) -> None:
    """Ids the server handed out then (`recorded`) and now (`fresh`), by position."""
    if isinstance(recorded, dict) and isinstance(fresh, dict):
        for key, value in recorded.items():
            if key in fresh and key not in ("request_id", "timestamp"):
                _pairs(value, fresh[key], found)
    elif isinstance(recorded, list) and isinstance(fresh, list):
        for old, new in zip(recorded, fresh, strict=False):
            _pairs(old, new, found)
    elif (
        isinstance(recorded, str)
        and isinstance(fresh, str)
        and recorded != fresh
        and ID_LIKE.match(recorded)
        and ID_LIKE.match(fresh)
    ):
        found[recorded] = fresh


def _carry(text: str, ids: dict[str, str]) -> str:
    for old in sorted(ids, key=len, reverse=True):
        text = text.replace(old, ids[old])
    return text


def resend(har: dict[str, Any], base_url: str, values: dict[str, str]) -> list[Exchange]:
    """Send the cassette's requests again, in order, to `base_url`."""
    entries = har["log"]["entries"]
    ids: dict[str, str] = {}
    sent: list[Exchange] = []
    recorded_base = ""
    with httpx.Client(timeout=30) as http:
        for item in entries:
            request = item["request"]
            parts = urlsplit(request["url"])
            recorded_base = recorded_base or f"{parts.scheme}://{parts.netloc}"
            url = request["url"]
            if url.startswith(recorded_base):  # the API; storage URLs are kept as they were
                url = base_url.rstrip("/") + url[len(recorded_base) :]
            url = _carry(unmask(url, values), ids)
            headers = {
                h["name"]: _carry(unmask(h["value"], values), ids)
                for h in request["headers"]
                if h["name"].lower() not in ("host", "content-length")
            }
            post = request.get("postData")
            body = _carry(unmask(post["text"], values), ids).encode() if post else None
            response = http.request(request["method"], url, headers=headers, content=body)
            exchange = Exchange(
                request["method"],
                url,
                headers,
                body,
                response.status_code,
                response.headers,
                response.content,
                item.get("_operation", ""),
            )
            sent.append(exchange)
            try:
                old = json.loads(item["response"]["content"].get("text") or "null")
                _pairs(old, exchange.json, ids)
            except ValueError:
                pass
    return sent


def _response_schema_problems(exchange: Exchange) -> list[str]:
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    spec = match(exchange.method, urlsplit(exchange.url).path)
    if spec is None:
        return []
    key = status_key(spec, exchange.status)
    pointer = spec.path.replace("~", "~0").replace("/", "~1")
    document: Any = public_spec()
    response = document["paths"][spec.path][spec.method.lower()]["responses"].get(key)
    if response is None:
        return [f"HTTP {exchange.status} is not documented"]
    registry: Registry[Any] = Registry().with_resource(
        "urn:signly:spec", DRAFT202012.create_resource(document)
    )
    ref = f"#/paths/{pointer}/{spec.method.lower()}/responses/{key}"
    while "$ref" in response:
        ref = response["$ref"]
        response = document
        for part in ref[2:].split("/"):
            response = response[part.replace("~1", "/").replace("~0", "~")]
    if "application/json" not in (response.get("content") or {}):
        return []
    schema = {"$ref": f"urn:signly:spec{ref}/content/application~1json/schema"}
    validator = Draft202012Validator(schema, registry=registry)
    try:
        body = exchange.json
    except ValueError:
        return ["the body is not JSON"]
    return [error.message for error in validator.iter_errors(body)][:3]


def _documented_problems(exchange: Exchange) -> list[str]:
    spec = match(exchange.method, urlsplit(exchange.url).path)
    if spec is None:
        return []
    listed = set(spec.statuses) - {"default"}
    if str(exchange.status) in listed or exchange.status >= 500:
        return []
    return [f"HTTP {exchange.status} is not among {sorted(listed)}"]


def _status_problems(exchange: Exchange, allowed: Callable[[int], bool], what: str) -> list[str]:
    return [] if allowed(exchange.status) else [f"HTTP {exchange.status}, expected {what}"]


SCHEMATHESIS_JUDGES: dict[str, Callable[[Exchange], list[str]]] = {
    "not_a_server_error": lambda e: _status_problems(e, lambda s: s < 500, "no 5xx"),
    "signly_envelope": lambda e: _envelope(e),
    "signly_agreement": lambda e: _agreement(e),
    "signly_chronology": lambda e: _chronology(e),
    "documented_status": _documented_problems,
    "status_code_conformance": _documented_problems,
    "response_schema_conformance": _response_schema_problems,
    "content_type_conformance": lambda e: (
        []
        if str(e.headers.get("content-type", "")).startswith("application/json")
        else [f"Content-Type {e.headers.get('content-type')!r}"]
    ),
    "response_headers_conformance": lambda e: (
        [] if e.headers.get("x-request-id") else ["no X-Request-Id"]
    ),
    "negative_data_rejection": lambda e: _status_problems(e, lambda s: 400 <= s < 500, "a 4xx"),
    "positive_data_acceptance": lambda e: _status_problems(e, lambda s: s < 400, "a 2xx"),
    "ignored_auth": lambda e: _status_problems(e, lambda s: s in (401, 403), "401 or 403"),
    "missing_required_header": lambda e: _status_problems(e, lambda s: 400 <= s < 500, "a 4xx"),
    "unsupported_method": lambda e: _status_problems(e, lambda s: s == 405, "405"),
    "use_after_free": lambda e: _status_problems(e, lambda s: s in (404, 410), "404"),
    "ensure_resource_availability": lambda e: _status_problems(e, lambda s: s != 404, "no 404"),
}


def _agreement(exchange: Exchange) -> list[str]:
    from signly_contract.agreement import answer_problems, meta_problems, pagination_problems

    method, url, status, body = exchange.method, exchange.url, exchange.status, exchange.json
    return (
        meta_problems(method, url, exchange.request_headers, status, body)
        + pagination_problems(method, url, status, body)
        + answer_problems(method, url, exchange.request_body, status, body)
    )


def _chronology(exchange: Exchange) -> list[str]:
    from signly_contract.agreement import chronology_problems

    return chronology_problems(exchange.method, exchange.url, exchange.status, exchange.json)


def _envelope(exchange: Exchange) -> list[str]:
    try:
        body = exchange.json
    except ValueError:
        body = None
    return envelope_problems(exchange.status, exchange.headers, body)


def judge(replay: dict[str, Any], har: dict[str, Any], last: Exchange) -> list[str]:
    """Why the replayed `last` answer still fails the recorded check ([] if it passes)."""
    rule = replay.get("judge") or {}
    kind = rule.get("kind")
    if kind == "envelope":
        return _envelope(last)
    if kind == "meta":
        from signly_contract.agreement import meta_problems

        return meta_problems(last.method, last.url, last.request_headers, last.status, last.json)
    if kind == "pagination":
        from signly_contract.agreement import pagination_problems

        return pagination_problems(last.method, last.url, last.status, last.json)
    if kind == "answer":
        from signly_contract.agreement import answer_problems

        return answer_problems(last.method, last.url, last.request_body, last.status, last.json)
    if kind == "chronology":
        from signly_contract.agreement import chronology_problems

        return chronology_problems(last.method, last.url, last.status, last.json)
    if kind == "status" and rule.get("expected"):
        expected = [int(s) for s in rule["expected"]]
        return _status_problems(last, lambda s: s in expected, str(expected))
    if kind == "schemathesis" and rule.get("check") in SCHEMATHESIS_JUDGES:
        check = str(rule["check"])
        if check == "ignored_auth":
            return []  # judged on the request without credentials: see replay_exchanges
        return SCHEMATHESIS_JUDGES[check](last)
    # No rule to re-apply: the failure is there as long as the same failing status comes back.
    failing = har["log"]["entries"][-1]["response"]["status"]
    return [f"HTTP {last.status}, the failing answer's status"] if last.status == failing else []


def replay_exchanges(har: dict[str, Any], base_url: str, values: dict[str, str]) -> Verdict:
    replay = har["log"]["_signly"]["replay"]
    if (replay.get("judge") or {}).get("check") == "ignored_auth":
        # The check sent the request again without credentials: so does the replay.
        last = har["log"]["entries"][-1]["request"]
        last["headers"] = [
            h
            for h in last["headers"]
            if h["name"].lower() not in ("x-auth-signly", "x-tenant-signly", "authorization")
        ]
    sent = resend(har, base_url, values)
    if not sent:
        return Verdict(False, "the cassette has no request", sent)
    problems = judge(replay, har, sent[-1])
    return Verdict(bool(problems), "; ".join(problems) or "the check passes", sent)


def replay_property(har: dict[str, Any], target: Target) -> Verdict:
    from signly_contract.cleanup import clean_up
    from signly_contract.properties import PROPERTIES
    from signly_contract.properties.base import Ctx

    meta = har["log"]["_signly"]
    replay = meta["replay"]
    name = replay.get("property")
    if name not in PROPERTIES:
        return Verdict(False, f"unknown property {name!r}", [])
    api = ApiClient(target.base_url, target.primary)
    ctx = Ctx(
        api,
        target,
        max_examples=2,
        seed=int(meta.get("seed") or 0),
        replay_block=replay.get("block"),
        replay_example=from_json_value(replay.get("example")),
    )
    try:
        PROPERTIES[name].run(ctx)
    except ContractViolation as violation:
        return Verdict(True, f"[{violation.check}] {violation.detail}", [])
    finally:
        clean_up(target, api)
        api.close()
    return Verdict(False, "the property passes on the failing example", [])


def replay(path: Path, target: Target, values: dict[str, str]) -> Verdict:
    har = json.loads(path.read_text(encoding="utf-8"))
    kind = har["log"]["_signly"]["replay"]["kind"]
    if kind == "property":
        return replay_property(har, target)
    return replay_exchanges(har, target.base_url, values)


def main(argv: list[str]) -> int:
    from signly_contract.target import open_target

    parser = argparse.ArgumentParser(
        prog="signly-contract replay", description="Replay a stored failure (a HAR cassette)."
    )
    parser.add_argument("cassette", type=Path)
    parser.add_argument("--base-url", default=None, help="server (default: an embedded sandbox)")
    parser.add_argument("--tenant-id", default=None, help="tenant to act as ($SIGNLY_TENANT_ID)")
    args = parser.parse_args(argv)
    try:
        har = json.loads(args.cassette.read_text(encoding="utf-8"))
        meta = har["log"]["_signly"]
    except (OSError, ValueError, KeyError) as error:
        print(f"cannot read {args.cassette}: {error}", file=sys.stderr)
        return 2
    settings = RunSettings(base_url=args.base_url)
    values = dict(os.environ) if args.base_url else embedded_values()
    if args.tenant_id:
        values["SIGNLY_TENANT_ID"] = args.tenant_id
    with open_target(settings, args.tenant_id) as target:
        verdict = replay(args.cassette, target, values)
    print(f"[{meta['check']}] {meta['operation']}: {meta['message']}")
    for exchange in verdict.exchanges:
        print(f"  {exchange.method} {exchange.url} -> HTTP {exchange.status}")
    if verdict.still_fails:
        print(f"still fails: {verdict.detail}")
        return 1
    print(f"passes now: {verdict.detail}")
    return 0
