"""What the run exercised, per operation, measured against what the spec documents.

Why: a green run only says the checks that ran passed. A maintainer also needs to know what
was never tried: a documented 402 or 409 never produced, a parameter never sent with a bad
value, a link the stateful phase never followed. Everything here is recorded from the wire
(every exchange of our client and of schemathesis passes through `Coverage.observe`), never
from what a generator meant to send, and compared with the spec's own lists:

- statuses: each operation's documented responses (`default` = any status it does not list,
  reached on a 5xx); a status produced only because the request asked for it
  (`Prefer: code=NNN`, or a rule armed at the sandbox's `/_sandbox/faults`, marked with
  `Coverage.asked_for`) is counted apart: it proves the envelope a client reads, not the
  server logic behind it;
- parameters and body properties: seen with a value valid against its schema and with an
  invalid one (path, query and header parameters; the top-level properties of a JSON body,
  or of each item of an array body);
- links: the spec's links the stateful phase followed (recorded by the state machine);
- unreached: why a documented status was not produced when the run knows (read-only,
  no-billable, no admin session, no sandbox controls).

The scope is the public spec (`generated/openapi.yaml`): the operations of `/api` and `/v1`.
The sandbox's own controls (`/_sandbox/...`, only in the sandbox variant) are checked by the
`sandbox_controls` property against that variant, and are not part of the figures (SCOPE).

Classifying a value costs a schema validation, so each (operation, parameter) stops being
classified once both a valid and an invalid value were seen: the cost is bounded by the
spec, not by the number of requests.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from signly_contract.operations import public_spec

VALID, INVALID = "valid", "invalid"
SCOPE = (
    "the operations of the public spec (/api and /v1); the sandbox's own /_sandbox controls "
    "are checked by sandbox_controls, not counted"
)
PREFER_CODE = re.compile(r"(?:^|[;,\s])code\s*=\s*(\d{3})")
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True)
class Input:
    """One parameter or body property of an operation and where its schema lives."""

    name: str  # "query.limit", "path.templateId", "body.templateName", "body[].fieldName"
    schema_ref: str  # a JSON pointer into the bundled spec
    kind: str  # "query" | "path" | "header" | "body"


@dataclass(frozen=True)
class OperationSpec:
    label: str
    operation_id: str
    method: str
    path: str
    statuses: tuple[str, ...]
    parameters: tuple[Input, ...]
    properties: tuple[Input, ...]
    links: tuple[str, ...]
    path_regex: re.Pattern[str]


def _resolve(document: dict[str, Any], node: Any) -> tuple[Any, str | None]:
    """Follow `$ref`s from `node`; returns the target and its pointer (None if inline)."""
    where = None
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        where = ref
        node = document
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node, where


def _object_properties(document: dict[str, Any], ref: str) -> dict[str, str]:
    """Top-level property name -> pointer of its schema, through `$ref` and `allOf`."""
    node, where = _resolve(document, {"$ref": ref})
    base = where or ref
    found: dict[str, str] = {}
    if not isinstance(node, dict):
        return found
    for name in node.get("properties", {}):
        found[name] = f"{base}/properties/{pointer(name)}"
    for index in range(len(node.get("allOf", []))):
        found.update(_object_properties(document, f"{base}/allOf/{index}"))
    return found


def _body_inputs(document: dict[str, Any], body_ref: str) -> tuple[Input, ...]:
    node, where = _resolve(document, {"$ref": body_ref})
    base = where or body_ref
    if isinstance(node, dict) and node.get("type") == "array" and "items" in node:
        items = _object_properties(document, f"{base}/items")
        return tuple(Input(f"body[].{name}", ref, "body") for name, ref in items.items())
    return tuple(
        Input(f"body.{name}", ref, "body")
        for name, ref in _object_properties(document, body_ref).items()
    )


def _links(document: dict[str, Any], label: str, responses: dict[str, Any]) -> list[str]:
    by_id = {op_id: op_label for op_label, op_id in _operation_ids(document).items()}
    found = []
    for status, response in responses.items():
        resolved, _ = _resolve(document, response)
        for name, link in (resolved.get("links") or {}).items():
            target, _ = _resolve(document, link)
            target_label = by_id.get(str(target.get("operationId")), "?")
            # The name schemathesis gives the transition (schemathesis.core.errors).
            found.append(f"{label} -> [{status}] {name} -> {target_label}")
    return found


def _operation_ids(document: dict[str, Any]) -> dict[str, str]:
    found = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                found[f"{method.upper()} {path}"] = str(operation["operationId"])
    return found


@cache
def documented() -> dict[str, OperationSpec]:
    """Every operation of the public spec, with what the spec says it may receive and send."""
    document: dict[str, Any] = public_spec()
    found: dict[str, OperationSpec] = {}
    for path, item in document["paths"].items():
        regex = re.sub(r"\\\{([^}]+)\\\}", lambda m: f"(?P<{m.group(1)}>[^/]+)", re.escape(path))
        for method, operation in item.items():
            if not (isinstance(operation, dict) and "operationId" in operation):
                continue
            label = f"{method.upper()} {path}"
            base = f"#/paths/{pointer(path)}/{method}"
            parameters = []
            declared = [
                (f"#/paths/{pointer(path)}/parameters/{i}", p)
                for i, p in enumerate(item.get("parameters", []))
            ] + [
                (f"{base}/parameters/{i}", p) for i, p in enumerate(operation.get("parameters", []))
            ]
            for where, parameter in declared:
                resolved, ref = _resolve(document, parameter)
                schema_ref = f"{ref or where}/schema"
                kind = str(resolved["in"])
                parameters.append(Input(f"{kind}.{resolved['name']}", schema_ref, kind))
            properties: tuple[Input, ...] = ()
            content = (operation.get("requestBody") or {}).get("content") or {}
            if "application/json" in content:
                properties = _body_inputs(
                    document, f"{base}/requestBody/content/application~1json/schema"
                )
            responses = operation.get("responses", {})
            found[label] = OperationSpec(
                label,
                str(operation["operationId"]),
                method.upper(),
                path,
                tuple(str(status) for status in responses),
                tuple(parameters),
                properties,
                tuple(_links(document, label, responses)),
                re.compile(f"^{regex}$"),
            )
    return found


@cache
def _validator(schema_ref: str) -> Any:
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    registry: Registry[Any] = Registry().with_resource(
        "urn:signly:spec", DRAFT202012.create_resource(public_spec())
    )
    return Draft202012Validator(
        {"$ref": "urn:signly:spec" + schema_ref},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@cache
def _schema_types(schema_ref: str) -> tuple[str, ...]:
    node, _ = _resolve(public_spec(), {"$ref": schema_ref})
    kind = node.get("type") if isinstance(node, dict) else None
    if isinstance(kind, list):
        return tuple(str(k) for k in kind)
    return (str(kind),) if kind else ()


def _wire_value(raw: str, schema_ref: str) -> Any:
    """A query, path or header value (text on the wire) as the JSON value its schema means."""
    types = _schema_types(schema_ref)
    if "integer" in types and re.fullmatch(r"-?\d+", raw):
        return int(raw)
    if "number" in types and re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", raw):
        return float(raw)
    if "boolean" in types and raw in ("true", "false"):
        return raw == "true"
    return raw


def validity(value: Any, schema_ref: str) -> str:
    return VALID if _validator(schema_ref).is_valid(value) else INVALID


@dataclass
class OperationSeen:
    statuses: Counter[str] = field(default_factory=Counter)  # reached by the server's logic
    prefer: Counter[str] = field(default_factory=Counter)  # asked for with Prefer: code=NNN
    inputs: dict[str, set[str]] = field(default_factory=dict)
    links: Counter[str] = field(default_factory=Counter)
    unreached: dict[str, str] = field(default_factory=dict)

    def to_state(self) -> dict[str, Any]:
        return {
            "statuses": dict(self.statuses),
            "prefer": dict(self.prefer),
            "inputs": {k: sorted(v) for k, v in self.inputs.items()},
            "links": dict(self.links),
            "unreached": dict(self.unreached),
        }

    def merge(self, state: dict[str, Any]) -> None:
        self.statuses.update(state["statuses"])
        self.prefer.update(state["prefer"])
        for name, kinds in state["inputs"].items():
            self.inputs.setdefault(name, set()).update(kinds)
        self.links.update(state["links"])
        for status, reason in state["unreached"].items():
            self.unreached.setdefault(status, reason)


class Coverage:
    """Thread-safe record of what reached the server and what came back, per operation."""

    def __init__(self) -> None:
        self.enabled = True
        self._lock = threading.Lock()
        self.seen: dict[str, OperationSeen] = {}
        self.exclusions: dict[str, str] = {}  # operation -> why this run never sent it
        self._asking = threading.local()
        self.cost = 0.0  # seconds spent recording (observe), summed over workers

    @contextmanager
    def asked_for(self) -> Iterator[None]:
        """Exchanges in this block were answered as asked (an armed `/_sandbox/faults` rule):
        their statuses count as simulated, like `Prefer: code=NNN`."""
        self._asking.on = True
        try:
            yield
        finally:
            self._asking.on = False

    def reset(self) -> None:
        with self._lock:
            self.seen.clear()
            self.exclusions.clear()
            self.cost = 0.0

    def _of(self, label: str) -> OperationSeen:
        seen = self.seen.get(label)
        if seen is None:
            seen = self.seen[label] = OperationSeen()
        return seen

    def observe(
        self,
        method: str,
        url: str,
        headers: Any,
        body: bytes | None,
        status: int,
    ) -> None:
        """One exchange as it went over the wire."""
        if not self.enabled:
            return
        started = time.perf_counter()
        try:
            self._observe(method, url, headers, body, status)
        finally:
            spent = time.perf_counter() - started
            with self._lock:
                self.cost += spent

    def _observe(
        self, method: str, url: str, headers: Any, body: bytes | None, status: int
    ) -> None:
        parts = urlsplit(url)
        spec = match(method, parts.path)
        if spec is None:
            return
        key = status_key(spec, status)
        prefer = _header(headers, "prefer")
        asked = PREFER_CODE.search(prefer) if prefer else None
        with self._lock:
            seen = self._of(spec.label)
            simulated = getattr(self._asking, "on", False)
            if simulated or (asked is not None and int(asked.group(1)) == status):
                seen.prefer[key] += 1
            else:
                seen.statuses[key] += 1
            wanted = [i for i in (*spec.parameters, *spec.properties) if _open(seen, i.name)]
        if not wanted:
            return
        found = self._classify(spec, wanted, parts, headers, body)
        if found:
            with self._lock:
                seen = self._of(spec.label)
                for name, kind in found:
                    seen.inputs.setdefault(name, set()).add(kind)

    def _classify(
        self, spec: OperationSpec, wanted: list[Input], parts: Any, headers: Any, body: Any
    ) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        path_values = spec.path_regex.match(parts.path)
        query = parse_qsl(parts.query, keep_blank_values=True)
        parsed_body: Any = None
        body_read = False
        for item in wanted:
            name = item.name.partition(".")[2]
            values: list[Any] = []
            if item.kind == "path" and path_values is not None:
                values = [_wire_value(unquote(path_values.group(name)), item.schema_ref)]
            elif item.kind == "query":
                values = [_wire_value(v, item.schema_ref) for k, v in query if k == name]
            elif item.kind == "header":
                raw = _header(headers, name)
                values = [] if raw is None else [_wire_value(raw, item.schema_ref)]
            elif item.kind == "body":
                if not body_read:
                    parsed_body, body_read = _json_body(headers, body), True
                values = _property_values(parsed_body, item.name)
            for value in values:
                found.append((item.name, validity(value, item.schema_ref)))
        return found

    def followed(self, label: str, link: str) -> None:
        if self.enabled:
            with self._lock:
                self._of(label).links[link] += 1

    def unreached(self, label: str, status: str, reason: str) -> None:
        """Why `label` never produced `status` in this run (when the run knows)."""
        with self._lock:
            self._of(label).unreached.setdefault(status, reason)

    def exclude(self, label: str, reason: str) -> None:
        with self._lock:
            self.exclusions.setdefault(label, reason)

    def to_state(self) -> dict[str, Any]:
        with self._lock:
            return {
                "seen": {label: seen.to_state() for label, seen in self.seen.items()},
                "exclusions": dict(self.exclusions),
                "cost": self.cost,
            }

    def merge(self, state: dict[str, Any]) -> None:
        with self._lock:
            for label, seen in state["seen"].items():
                self._of(label).merge(seen)
            for label, reason in state["exclusions"].items():
                self.exclusions.setdefault(label, reason)
            self.cost += float(state.get("cost", 0.0))

    # --- the summary -------------------------------------------------------------------

    def operations(self) -> list[dict[str, Any]]:
        """Per operation: documented against observed (statuses, inputs, links)."""
        rows = []
        for label, spec in documented().items():
            seen = self.seen.get(label) or OperationSeen()
            excluded = self.exclusions.get(label)
            unreached = {}
            for status in spec.statuses:
                if seen.statuses.get(status) or seen.prefer.get(status):
                    continue
                unreached[status] = (
                    excluded or seen.unreached.get(status) or "not produced by this run"
                )
            rows.append(
                {
                    "operation": label,
                    "operation_id": spec.operation_id,
                    "documented_statuses": list(spec.statuses),
                    "observed_statuses": {
                        s: seen.statuses[s] for s in spec.statuses if seen.statuses.get(s)
                    },
                    "prefer_statuses": {
                        s: seen.prefer[s] for s in spec.statuses if seen.prefer.get(s)
                    },
                    "only_via_prefer": [
                        s for s in spec.statuses if seen.prefer.get(s) and not seen.statuses.get(s)
                    ],
                    "unreached_statuses": unreached,
                    "undocumented_statuses": {
                        s: n for s, n in seen.statuses.items() if s not in spec.statuses
                    },
                    "parameters": _inputs(spec.parameters, seen),
                    "body_properties": _inputs(spec.properties, seen),
                    "links": [
                        {"link": link, "followed": seen.links.get(link, 0)} for link in spec.links
                    ],
                    "excluded": excluded,
                }
            )
        return rows

    def totals(self) -> dict[str, tuple[int, int]]:
        """(covered, documented) per kind: statuses, parameters, body properties, links."""
        totals = {
            "statuses": [0, 0],
            "parameters": [0, 0],
            "body_properties": [0, 0],
            "links": [0, 0],
        }
        for row in self.operations():
            totals["statuses"][1] += len(row["documented_statuses"])
            totals["statuses"][0] += len(row["documented_statuses"]) - len(
                row["unreached_statuses"]
            )
            for kind in ("parameters", "body_properties"):
                for item in row[kind]:
                    totals[kind][1] += 2
                    totals[kind][0] += int(item["valid"]) + int(item["invalid"])
            totals["links"][1] += len(row["links"])
            totals["links"][0] += sum(1 for link in row["links"] if link["followed"])
        return {kind: (done, of) for kind, (done, of) in totals.items()}

    def simulated_only(self) -> int:
        """Documented statuses reached only when asked for (Prefer or an armed fault)."""
        return sum(len(row["only_via_prefer"]) for row in self.operations())

    def percentage(self) -> float:
        totals = self.totals()
        done = sum(d for d, _ in totals.values())
        of = sum(o for _, o in totals.values())
        return 100.0 * done / of if of else 100.0


def _inputs(inputs: tuple[Input, ...], seen: OperationSeen) -> list[dict[str, Any]]:
    return [
        {
            "name": item.name,
            "valid": VALID in seen.inputs.get(item.name, ()),
            "invalid": INVALID in seen.inputs.get(item.name, ()),
        }
        for item in inputs
    ]


def _open(seen: OperationSeen, name: str) -> bool:
    kinds = seen.inputs.get(name)
    return kinds is None or len(kinds) < 2


def _header(headers: Any, name: str) -> str | None:
    if headers is None:
        return None
    getter = getattr(headers, "get", None)
    value = getter(name) if getter is not None else None
    if value is None and isinstance(headers, dict):
        lowered = name.lower()
        value = next((v for k, v in headers.items() if str(k).lower() == lowered), None)
    if isinstance(value, list):
        value = value[0] if value else None
    return None if value is None else str(value)


def _json_body(headers: Any, body: Any) -> Any:
    if body is None:
        return None
    if isinstance(body, str):
        body = body.encode()
    if not isinstance(body, bytes | bytearray):
        return None
    content_type = _header(headers, "content-type") or ""
    if "json" not in content_type:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def _property_values(body: Any, name: str) -> list[Any]:
    if name.startswith("body[]."):
        key = name[len("body[].") :]
        items = body if isinstance(body, list) else []
        return [item[key] for item in items if isinstance(item, dict) and key in item]
    key = name[len("body.") :]
    return [body[key]] if isinstance(body, dict) and key in body else []


@cache
def _by_method() -> dict[str, tuple[OperationSpec, ...]]:
    grouped: dict[str, list[OperationSpec]] = {}
    for spec in documented().values():
        grouped.setdefault(spec.method, []).append(spec)
    # Literal segments first, so `/v1/templates/{templateId}` never shadows a longer literal.
    return {
        method: tuple(sorted(specs, key=lambda s: (s.path.count("{"), -len(s.path))))
        for method, specs in grouped.items()
    }


def match(method: str, path: str) -> OperationSpec | None:
    """The spec operation a request exercises, or None (other methods, other paths)."""
    for spec in _by_method().get(method.upper(), ()):
        if spec.path_regex.match(path):
            return spec
    return None


def status_key(spec: OperationSpec, status: int) -> str:
    """Which documented response an HTTP status is: its own, its range (`4XX`) or `default`."""
    text = str(status)
    if text in spec.statuses:
        return text
    if f"{text[0]}XX" in spec.statuses:
        return f"{text[0]}XX"
    return "default" if "default" in spec.statuses else text


@cache
def example_body(label: str) -> Any:
    """The first example of the operation's JSON request body (None when it has no body)."""
    document: dict[str, Any] = public_spec()
    spec = documented()[label]
    operation = document["paths"][spec.path][spec.method.lower()]
    media = ((operation.get("requestBody") or {}).get("content") or {}).get("application/json")
    if not media:
        return None
    if "example" in media:
        return media["example"]
    for example in (media.get("examples") or {}).values():
        resolved, _ = _resolve(document, example)
        return resolved.get("value")
    return {}


def fill_path(spec: OperationSpec, values: dict[str, str] | None = None) -> str:
    """The operation's path with its parameters filled from `values`, or made-up ids."""
    import uuid

    given = values or {}

    def value(name: str) -> str:
        if name in given:
            return given[name]
        if name == "version":
            return "1"
        if name == "processId":
            return f"{uuid.uuid4()}-{uuid.uuid4()}"
        return str(uuid.uuid4())

    return re.sub(r"\{([^}]+)\}", lambda m: value(m.group(1)), spec.path)
