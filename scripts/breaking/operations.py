"""Operations compared one by one: paths, methods, parameters, bodies, responses,
headers, security and deprecation, each schema through `Differ`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from scripts.breaking.findings import (
    HTTP_METHODS,
    REQUEST,
    RESPONSE,
    WEBHOOK_REQUEST,
    WEBHOOK_RESPONSE,
    Change,
    Deprecation,
    Flow,
    utc_today,
)
from scripts.breaking.normalize import canonical, resolve
from scripts.breaking.schemas import Differ, in_order


@dataclass(frozen=True)
class Operation:
    """One operation with what it inherits from its path item."""

    label: str  # "POST /v1/documents" or "webhook POST processEvent": what acks name
    path: str  # the path template ("" for a webhook), for path parameter positions
    item: dict[str, Any]
    op: dict[str, Any]
    webhook: bool


def operations(doc: dict[str, Any]) -> dict[str, Operation]:
    """Operations keyed so that renaming a path parameter (`{id}` → `{docId}`) still matches."""
    found: dict[str, Operation] = {}
    for section, webhook in (("paths", False), ("webhooks", True)):
        for name, raw_item in (doc.get(section) or {}).items():
            item = resolve(doc, raw_item)
            for method in (m for m in HTTP_METHODS if isinstance(item.get(m), dict)):
                verb = method.upper()
                if webhook:
                    key = label = f"webhook {verb} {name}"
                else:
                    key, label = f"{verb} {_path_shape(name)}", f"{verb} {name}"
                found[key] = Operation(label, "" if webhook else name, item, item[method], webhook)
    return found


def diff_documents(
    base: dict[str, Any], rev: dict[str, Any], today: date | None = None
) -> list[Change]:
    """Every change from `base` to `rev`, per operation, sorted and without duplicates.

    `today` (default: the current UTC date) decides whether a sunset date has come.
    """
    day = today or utc_today()
    base_ops, rev_ops = operations(base), operations(rev)
    changes: list[Change] = []
    for key in in_order(base_ops, rev_ops):
        old, new = base_ops.get(key), rev_ops.get(key)
        if new is not None:
            differ = OperationDiffer(new.label, base, rev, day)
            if old is None:
                differ.emit(None, "operation-added", "operation", "new operation")
            else:
                differ.compare(old, new)
        elif old is not None:
            differ = OperationDiffer(old.label, base, rev, day)
            differ.removed(None, "operation-", "operation", Deprecation.on(old.op), "removed")
        changes += differ.changes
    return sorted(set(changes))


def _path_shape(path: str) -> str:
    return "/".join("{}" if s.startswith("{") and s.endswith("}") else s for s in path.split("/"))


class OperationDiffer(Differ):
    """The operation-level rules: identity, security, parameters, request body, responses."""

    def compare(self, old: Operation, new: Operation) -> None:
        """Compare two versions of one operation."""
        request, response = (
            (WEBHOOK_REQUEST, WEBHOOK_RESPONSE) if new.webhook else (REQUEST, RESPONSE)
        )
        self._identity(old.op, new.op)
        self._security(old.op, new.op)
        self._parameters(request, _parameters(self.base_root, old), _parameters(self.rev_root, new))
        self._request_body(request, old.op.get("requestBody"), new.op.get("requestBody"))
        self._responses(response, old.op.get("responses") or {}, new.op.get("responses") or {})

    def _identity(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        if old.get("operationId") != new.get("operationId"):
            text = (
                f"operationId changed from `{old.get('operationId')}` to `{new.get('operationId')}`"
            )
            self.emit(None, "operation-id-changed", "operation", text)
        self.deprecation(None, "operation-", Deprecation.on(old), Deprecation.on(new), "operation")
        for key in ("summary", "description"):
            if old.get(key) != new.get(key):
                self.emit(None, f"operation-{key}-changed", "operation", f"{key} changed")

    # ----------------------------------------------------------------------- security

    def _security(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        before = _alternatives(old.get("security", self.base_root.get("security", [])))
        after = _alternatives(new.get("security", self.rev_root.get("security", [])))
        lost = [a for a in before if not any(r <= a for r in after)]
        if lost:
            text = f"security changed from {_show_security(before)} to {_show_security(after)}"
            self.emit(None, "security-tightened", "security", text)
        elif before != after:
            text = f"security changed from {_show_security(before)} to {_show_security(after)}"
            self.emit(None, "security-loosened", "security", text)
        names = {name for alt in before for name, _ in alt} & {n for a in after for n, _ in a}
        for name in sorted(names):
            self._security_scheme(name)

    def _security_scheme(self, name: str) -> None:
        """A scheme that changes its header, type or flows breaks every client using it."""

        def definition(root: dict[str, Any]) -> dict[str, Any]:
            schemes = (root.get("components") or {}).get("securitySchemes") or {}
            scheme = resolve(root, schemes.get(name, {}))
            return {k: v for k, v in scheme.items() if k != "description"}

        old, new = definition(self.base_root), definition(self.rev_root)
        if old != new:
            text = f"security scheme `{name}` changed from `{canonical(old)}` to `{canonical(new)}`"
            self.emit(None, "security-scheme-changed", f"security.{name}", text)

    # ----------------------------------------------------------------------- parameters

    def _parameters(
        self, flow: Flow, old: dict[tuple[str, str], Any], new: dict[tuple[str, str], Any]
    ) -> None:
        for key in in_order(old, new):
            before, after = old.get(key), new.get(key)
            shown = after if after is not None else before
            where = f"{flow.prefix}.{key[0]}.{(shown or {}).get('name')}"
            if after is None:
                gone = Deprecation.on(before)
                self.removed(flow, "parameter-", where, gone, "parameter removed")
            elif before is None and after.get("required"):
                self.emit(flow, "parameter-added-required", where, "new required parameter")
            elif before is None:
                self.emit(flow, "parameter-added", where, "new optional parameter")
            elif before is not None:
                self._parameter(flow, before, after, where)

    def _parameter(self, flow: Flow, old: dict[str, Any], new: dict[str, Any], where: str) -> None:
        if new.get("required") and not old.get("required"):
            self.emit(flow, "parameter-became-required", where, "became required")
        elif old.get("required") and not new.get("required"):
            self.emit(flow, "parameter-became-optional", where, "became optional")
        if (old.get("style"), old.get("explode")) != (new.get("style"), new.get("explode")):
            self.emit(flow, "parameter-serialization-changed", where, "style/explode changed")
        self.deprecation(flow, "parameter-", Deprecation.on(old), Deprecation.on(new), where)
        if old.get("description") != new.get("description"):
            self.emit(flow, "parameter-description-changed", where, "description changed")
        self.schema(flow, _parameter_schema(old), _parameter_schema(new), where)

    # ----------------------------------------------------------------------- bodies

    def _request_body(self, flow: Flow, old: Any, new: Any) -> None:
        before, after = resolve(self.base_root, old), resolve(self.rev_root, new)
        where = f"{flow.prefix}.body"
        if before is None and after is None:
            return
        if after is None:
            self.emit(flow, "body-removed", where, "request body removed")
        elif before is None and after.get("required"):
            self.emit(flow, "body-added-required", where, "new required request body")
        elif before is None:
            self.emit(flow, "body-added", where, "new optional request body")
        else:
            if after.get("required") and not before.get("required"):
                self.emit(flow, "body-became-required", where, "request body became required")
            elif before.get("required") and not after.get("required"):
                self.emit(flow, "body-became-optional", where, "request body became optional")
            self._content(flow, before.get("content") or {}, after.get("content") or {}, where)

    def _content(self, flow: Flow, old: dict[str, Any], new: dict[str, Any], where: str) -> None:
        for media in in_order(old, new):
            here = f"{where}[{media}]"
            if media not in new:
                self.emit(flow, "media-type-removed", here, f"media type `{media}` removed")
            elif media not in old:
                self.emit(flow, "media-type-added", here, f"media type `{media}` added")
            else:
                before = resolve(self.base_root, old[media]) or {}
                after = resolve(self.rev_root, new[media]) or {}
                self.schema(flow, before.get("schema", {}), after.get("schema", {}), here)

    # ----------------------------------------------------------------------- responses

    def _responses(self, flow: Flow, old: dict[str, Any], new: dict[str, Any]) -> None:
        for status in in_order(old, new):
            where = f"{flow.prefix}[{status}]"
            if status not in new:
                self.emit(flow, "status-removed", where, f"status {status} removed")
            elif status not in old:
                self.emit(flow, "status-added", where, f"status {status} documented")
            else:
                before, after = (
                    resolve(self.base_root, old[status]),
                    resolve(self.rev_root, new[status]),
                )
                if before.get("description") != after.get("description"):
                    self.emit(flow, "description-changed", where, "description changed")
                self._headers(flow, before.get("headers") or {}, after.get("headers") or {}, where)
                content_old, content_new = before.get("content") or {}, after.get("content") or {}
                self._content(flow, content_old, content_new, f"{where}.body")

    def _headers(self, flow: Flow, old: dict[str, Any], new: dict[str, Any], where: str) -> None:
        before = {k.lower(): (k, resolve(self.base_root, v)) for k, v in old.items()}
        after = {k.lower(): (k, resolve(self.rev_root, v)) for k, v in new.items()}
        for key in in_order(before, after):
            name = (after.get(key) or before[key])[0]
            here = f"{where}.header.{name}"
            if key not in after:
                self.emit(flow, "header-removed", here, f"header `{name}` removed")
            elif key not in before:
                self.emit(flow, "header-added", here, f"header `{name}` added")
            else:
                self._header(flow, before[key][1], after[key][1], here)

    def _header(self, flow: Flow, old: dict[str, Any], new: dict[str, Any], where: str) -> None:
        if new.get("required") and not old.get("required"):
            self.emit(flow, "header-became-required", where, "header became required")
        elif old.get("required") and not new.get("required"):
            self.emit(flow, "header-became-optional", where, "header became optional")
        self.schema(flow, _parameter_schema(old), _parameter_schema(new), where)


def _parameters(root: dict[str, Any], operation: Operation) -> dict[tuple[str, str], Any]:
    """Path-item and operation parameters merged (the operation's win), keyed stably."""
    merged: dict[tuple[str, str], Any] = {}
    for raw in [*(operation.item.get("parameters") or []), *(operation.op.get("parameters") or [])]:
        parameter = resolve(root, raw)
        if isinstance(parameter, dict):
            merged[_parameter_key(operation.path, parameter)] = parameter
    return merged


def _parameter_key(path: str, parameter: dict[str, Any]) -> tuple[str, str]:
    """Path parameters by position, headers case-insensitively, the rest by name."""
    where, name = str(parameter.get("in")), str(parameter.get("name"))
    if where == "path":
        names = [s[1:-1] for s in path.split("/") if s.startswith("{") and s.endswith("}")]
        return (where, f"#{names.index(name)}") if name in names else (where, name)
    return (where, name.lower()) if where == "header" else (where, name)


def _parameter_schema(parameter: dict[str, Any]) -> Any:
    if "schema" in parameter:
        return parameter["schema"]
    for media in (parameter.get("content") or {}).values():
        return (media or {}).get("schema", {})
    return {}


def _alternatives(security: Any) -> list[frozenset[tuple[str, tuple[str, ...]]]]:
    """Security requirements as alternatives; `[]` (no requirement) is one empty alternative."""
    requirements = security or [{}]
    return [
        frozenset((name, tuple(sorted(scopes or []))) for name, scopes in requirement.items())
        for requirement in requirements
    ]


def _show_security(alternatives: list[frozenset[tuple[str, tuple[str, ...]]]]) -> str:
    shown = [" + ".join(sorted(name for name, _ in alt)) or "none" for alt in alternatives]
    return " or ".join(f"`{s}`" for s in shown)
