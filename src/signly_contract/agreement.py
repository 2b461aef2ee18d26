"""What every answer promises about the request that produced it (checked on every answer).

Why beside the envelope rules: a response can be a perfect envelope and still describe
another request — the `meta` of another tenant, a timestamp from another day, a page that
says it applied a limit it did not. Each rule here compares the answer with the request:

- `meta.agrees`: `meta.tenant_id` is the tenant the request named (`X-Tenant-Signly`) on every
  `/v1` answer where one was established, `null` on 401/403 and where none could be (D10);
  `meta.timestamp` is the time of the exchange (within MAX_SKEW_SECONDS of the client's
  clock, for servers whose clock is off; plus the offset a sandbox's clock control said it
  was moved by, CLOCK_OFFSETS);
- `pagination.flags`: a paginated list (`GET /v1/templates`, `GET /v1/documents`) says the
  limit it was asked for (or the default 20), `hasMore` and `nextCursor` agree, and a
  page never holds more items than its limit; every other answer sends `pagination: null`
  (D02: history, fields and events are not paginated);
- `answer.agrees`: a success answer names what its request named and says what it was asked
  to do: the ids of the path (`documentId`, `templateId`, `participantId`, the `processId`
  of every event, the `version` asked), the canonical label `<templateId>#NNNN` of the
  template and version it is about (D03), a new template's name and description and
  version 1, a published document's template, version and participants in the order sent
  and status CREATED, an extension's new deadline, a cancel's CANCELLED, a credential's
  method;
- `answer.chronology`: nothing was updated before it was created (`updatedAt >= createdAt`
  on every object and list item that carries both).
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from signly_contract.coverage import OperationSpec, match

MAX_SKEW_SECONDS = 300.0
# Servers whose clock was moved on purpose (the sandbox's /_sandbox/clock): netloc ->
# seconds ahead of real time, learned from the control's own answer (`offsetSeconds`).
CLOCK_OFFSETS: dict[str, float] = {}
CLOCK_CONTROLS = ("/_sandbox/clock", "/_sandbox/clock/advance")


def learn_clock(url: str, status: int, body: Any) -> None:
    """Remember how far a server's clock was moved (an answer of its clock control)."""
    parts = urlsplit(url)
    if parts.path not in CLOCK_CONTROLS or not 200 <= status < 300 or not isinstance(body, dict):
        return
    data = body.get("data")
    offset = data.get("offsetSeconds") if isinstance(data, dict) else None
    if isinstance(offset, int | float):
        CLOCK_OFFSETS[parts.netloc] = float(offset)


def forget_clock(base_url: str) -> None:
    """A new server at this address starts on real time."""
    CLOCK_OFFSETS.pop(urlsplit(base_url).netloc, None)


PAGINATED = ("list_templates", "list_documents")
DEFAULT_LIMIT = 20


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _header(headers: Any, name: str) -> str | None:
    for key, value in dict(headers or {}).items():
        if str(key).lower() == name:
            return str(value[0] if isinstance(value, list) else value)
    return None


def meta_problems(
    method: str, url: str, request_headers: Any, status: int, body: Any, at: float | None = None
) -> list[str]:
    """Ways the answer's `meta` disagrees with the request (D10, D21)."""
    if not isinstance(body, dict) or not isinstance(body.get("meta"), dict):
        return []  # the envelope check says so
    meta = body["meta"]
    path = urlsplit(url).path
    spec = match(method, path)
    problems = []
    tenant = meta.get("tenant_id")
    if spec is not None and status in (401, 403) and tenant is not None:
        problems.append(f"meta.tenant_id is {tenant!r} on a {status}: no tenant was established")
    sent = _header(request_headers, "x-tenant-signly")
    if (
        spec is not None
        and path.startswith("/v1/")
        and status not in (401, 403)
        and sent
        and is_uuid(sent)
        and str(tenant).lower() != sent.lower()
    ):
        problems.append(f"meta.tenant_id is {tenant!r}, the request named tenant {sent}")
    stamp = meta.get("timestamp")
    if isinstance(stamp, str):
        try:
            moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
        except ValueError:
            moment = None
        now = (time.time() if at is None else at) + CLOCK_OFFSETS.get(urlsplit(url).netloc, 0.0)
        if moment is not None and abs(moment - now) > MAX_SKEW_SECONDS:
            problems.append(
                f"meta.timestamp {stamp} is {moment - now:+.0f} s away from the exchange"
            )
    return problems


def pagination_problems(method: str, url: str, status: int, body: Any) -> list[str]:
    """Ways the answer's `pagination` breaks its word (D02)."""
    if not isinstance(body, dict) or status >= 300:
        return []
    parts = urlsplit(url)
    spec = match(method, parts.path)
    if spec is None:
        return []
    pagination = body.get("pagination")
    if spec.operation_id not in PAGINATED:
        return (
            [] if pagination is None else [f"{spec.label} is not paginated, yet sends {pagination}"]
        )
    if pagination is None:
        return []  # null: the answer holds the whole list
    if not isinstance(pagination, dict):
        return [f"pagination is {pagination!r}"]
    problems = []
    query = dict(parse_qsl(parts.query))
    asked = query.get("limit", str(DEFAULT_LIMIT))
    if asked.isdigit() and pagination.get("limit") != int(asked):
        problems.append(
            f"pagination.limit is {pagination.get('limit')!r}, the request asked {asked}"
        )
    if bool(pagination.get("hasMore")) != (pagination.get("nextCursor") is not None):
        problems.append("hasMore disagrees with nextCursor")
    data = body.get("data")
    limit = pagination.get("limit")
    if isinstance(data, list) and isinstance(limit, int) and len(data) > limit:
        problems.append(f"{len(data)} items on a page of limit {limit}")
    return problems


ECHOED_IDS = ("documentId", "templateId", "participantId")


def _same_id(left: Any, right: Any) -> bool:
    return isinstance(left, str) and isinstance(right, str) and left.lower() == right.lower()


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _json(body: Any) -> Any:
    if isinstance(body, bytes | bytearray | str):
        try:
            return json.loads(body) if body else None
        except ValueError:
            return None
    return body


def _label_problems(data: dict[str, Any], where: str) -> list[str]:
    """`templateVersion` is `<templateId>#NNNN` of the object's own template (and version)."""
    label = data.get("templateVersion")
    if not isinstance(label, str) or "#" not in label:
        return []
    template_id, _, number = label.partition("#")
    problems = []
    if "templateId" in data and not _same_id(template_id, data.get("templateId")):
        problems.append(f"{where}templateVersion {label!r} names another template")
    version = data.get("version")
    if isinstance(version, int) and number.isdigit() and int(number) != version:
        problems.append(f"{where}templateVersion {label!r} is not version {version}")
    return problems


def _path_problems(spec: OperationSpec, path: str, data: Any) -> list[str]:
    found = spec.path_regex.match(path)
    asked = {k: unquote(v) for k, v in (found.groupdict() if found else {}).items()}
    problems = []
    if isinstance(data, dict):
        for key in ECHOED_IDS:
            if key in asked and key in data and not _same_id(data[key], asked[key]):
                problems.append(f"data.{key} is {data[key]!r}, the request named {asked[key]}")
        version = asked.get("version", "")
        answered = data.get("version")
        if version.isdigit() and isinstance(answered, int) and answered != int(version):
            problems.append(f"data.version is {data['version']}, the request asked {version}")
    if "processId" in asked and isinstance(data, list):
        others = {e.get("processId") for e in data if isinstance(e, dict)} - {None}
        wrong = [p for p in others if not _same_id(p, asked["processId"])]
        if wrong:
            problems.append(f"events of process {wrong[0]} in the timeline of {asked['processId']}")
    return problems


def _body_problems(operation: str, sent: Any, data: dict[str, Any]) -> list[str]:
    """What the answer to a write says back about the write (the page's answers, D03)."""
    problems: list[str] = []
    if not isinstance(sent, dict):
        return problems

    def same(key: str, answered: Any, wanted: Any) -> None:
        if answered != wanted:
            problems.append(f"data.{key} is {answered!r}, the request sent {wanted!r}")

    if operation == "create_template":
        same("templateName", data.get("templateName"), sent.get("templateName"))
        if "description" in sent and "description" in data:
            same("description", data.get("description"), sent.get("description"))
        same("version", data.get("version"), 1)
    elif operation == "update_template" and "templateName" in data:
        same("templateName", data.get("templateName"), sent.get("templateName"))
    elif operation == "publish_document":
        if not _same_id(data.get("templateId"), sent.get("templateId")):
            same("templateId", data.get("templateId"), sent.get("templateId"))
        same("status", data.get("status"), "CREATED")
        label, asked = data.get("templateVersion"), str(sent.get("templateVersion") or "")
        if isinstance(label, str) and asked and label[-4:] != asked[-4:]:
            problems.append(f"data.templateVersion is {label!r}, the request asked {asked!r}")
        names = [
            p.get("displayName") for p in data.get("participants") or [] if isinstance(p, dict)
        ]
        wanted = [
            p.get("displayName") for p in sent.get("participants") or [] if isinstance(p, dict)
        ]
        if names != wanted:
            problems.append(f"participants answered as {names}, sent as {wanted} (D07: in order)")
    elif operation == "extend_document_deadline":
        new, asked_for = _instant(data.get("deadlineAt")), _instant(sent.get("newDeadlineAt"))
        if asked_for is not None and new != asked_for:
            same("deadlineAt", data.get("deadlineAt"), sent.get("newDeadlineAt"))
    elif operation == "create_api_integration" and "auth_method" in sent:
        same("authMethod", data.get("authMethod"), sent.get("auth_method"))
    return problems


def answer_problems(method: str, url: str, request_body: Any, status: int, body: Any) -> list[str]:
    """Ways a success answer disagrees with what its request named and asked for."""
    if not isinstance(body, dict) or not 200 <= status < 300:
        return []
    parts = urlsplit(url)
    spec = match(method, parts.path)
    data = body.get("data")
    if spec is None or data is None:
        return []
    problems = _path_problems(spec, parts.path, data)
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        if isinstance(item, dict):
            problems += _label_problems(item, f"item {index}: " if data is items else "")
    if isinstance(data, dict):
        problems += _body_problems(spec.operation_id, _json(request_body), data)
        cancelled = data.get("status", "CANCELLED")
        if spec.operation_id == "cancel_document" and cancelled != "CANCELLED":
            problems.append(f"a cancel answered status {data['status']!r}, not CANCELLED")
    return problems


def chronology_problems(method: str, url: str, status: int, body: Any) -> list[str]:
    """Objects updated before they were created."""
    if not isinstance(body, dict) or not 200 <= status < 300:
        return []
    if match(method, urlsplit(url).path) is None:
        return []
    data = body.get("data")
    items = data if isinstance(data, list) else [data]
    problems = []
    for item in items:
        if not isinstance(item, dict):
            continue
        created, updated = _instant(item.get("createdAt")), _instant(item.get("updatedAt"))
        if created is not None and updated is not None and updated < created:
            name = item.get("documentId") or item.get("templateId") or item.get("keyId") or "?"
            problems.append(
                f"{name} updatedAt {item['updatedAt']} is before createdAt {item['createdAt']}"
            )
    return problems
