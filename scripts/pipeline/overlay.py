"""Apply an OpenAPI Overlay 1.0 document strictly: every action must change something.

Why our own applier: the available ones use non-RFC-9535 JSONPath and silently skip a target
that matches nothing, so a renamed path in the spec would quietly stop an overlay from
applying. Here an action that selects nothing, or selects a scalar, is an error naming it.

Semantics (Overlay 1.0.0, with the merge rules 1.1.0 spelled out as its clarification):
actions apply in order, each to the result of the previous one; `update` merges recursively
into each selected object (objects merge, arrays concatenate, primitives replace, any other
pairing is an error) and is appended to each selected array (an array update is concatenated);
`remove: true` deletes each selected node from the object or array that holds it.
Targets are RFC 9535 JSONPath via `jsonpath-rfc9535`: python-jsonpath's strict mode still
accepts non-RFC shorthand names such as `$.x-foo` (RFC 9535 requires `$['x-foo']`), so an
overlay we accepted could fail in every conforming tool.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from jsonpath_rfc9535 import JSONPathEnvironment, JSONPathError

_ENV = JSONPathEnvironment()
_VERSION = re.compile(r"^1\.0\.\d+$")


class OverlayError(Exception):
    """The overlay document is invalid or one of its actions cannot be applied."""


@dataclass(frozen=True)
class Action:
    index: int
    target: str
    description: str
    update: Any
    remove: bool

    def __str__(self) -> str:
        text = f"action #{self.index} (target {self.target!r}"
        return text + (f", {self.description!r})" if self.description else ")")


def _check_fields(obj: Any, where: str, allowed: set[str], required: set[str]) -> None:
    if not isinstance(obj, dict):
        raise OverlayError(f"{where} must be an object")
    unknown = sorted(k for k in obj if k not in allowed and not str(k).startswith("x-"))
    missing = sorted(required - obj.keys())
    if unknown or missing:
        raise OverlayError(f"{where}: unknown fields {unknown}, missing fields {missing}")


def parse_overlay(overlay: Any) -> list[Action]:
    """Validate an Overlay 1.0.x document and return its actions."""
    required = {"overlay", "info", "actions"}
    _check_fields(overlay, "overlay", required | {"extends"}, required)
    if not isinstance(overlay["overlay"], str) or not _VERSION.match(overlay["overlay"]):
        raise OverlayError(f"overlay: version must be 1.0.x, got {overlay['overlay']!r}")
    info = overlay["info"]
    _check_fields(info, "overlay info", {"title", "version"}, {"title", "version"})
    if not all(isinstance(info[k], str) for k in ("title", "version")):
        raise OverlayError("overlay info: title and version must be strings")
    if "extends" in overlay and not isinstance(overlay["extends"], str):
        raise OverlayError("overlay: extends must be a URL string")
    raw_actions = overlay["actions"]
    if not isinstance(raw_actions, list) or not raw_actions:
        raise OverlayError("overlay: actions must be a non-empty array")
    actions = []
    for index, raw in enumerate(raw_actions):
        where = f"action #{index}"
        _check_fields(raw, where, {"target", "description", "update", "remove"}, {"target"})
        if not isinstance(raw["target"], str) or not raw["target"].startswith("$"):
            raise OverlayError(f"{where}: target must be a JSONPath string starting with $")
        if not isinstance(raw.get("description", ""), str):
            raise OverlayError(f"{where}: description must be a string")
        if not isinstance(raw.get("remove", False), bool):
            raise OverlayError(f"{where}: remove must be a boolean")
        remove = raw.get("remove", False)
        if remove == ("update" in raw):
            raise OverlayError(f"{where}: needs exactly one of update and remove: true")
        actions.append(
            Action(index, raw["target"], raw.get("description", ""), raw.get("update"), remove)
        )
    return actions


def _merge(target: dict[str, Any], update: dict[str, Any], where: str) -> None:
    for key, value in update.items():
        if key not in target:
            target[key] = copy.deepcopy(value)
        elif isinstance(target[key], dict) and isinstance(value, dict):
            _merge(target[key], value, f"{where}.{key}")
        elif isinstance(target[key], list) and isinstance(value, list):
            target[key].extend(copy.deepcopy(value))
        elif not isinstance(target[key], dict | list) and not isinstance(value, dict | list):
            target[key] = copy.deepcopy(value)
        else:
            raise OverlayError(
                f"{where}.{key}: cannot merge {type(value).__name__} "
                f"into {type(target[key]).__name__}"
            )


def _removal_order(path: tuple[Any, ...]) -> tuple[int, tuple[tuple[int, int, str], ...]]:
    return len(path), tuple((0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in path)


def _apply(document: Any, action: Action) -> None:
    try:
        matches = list(_ENV.finditer(action.target, document))
    except JSONPathError as error:
        raise OverlayError(f"{action}: invalid RFC 9535 JSONPath: {error}") from None
    if not matches:
        raise OverlayError(f"{action}: target matches nothing")
    for match in matches:
        if not isinstance(match.value, dict | list):
            raise OverlayError(f"{action}: target selects a scalar at {match.path()}")
    if action.remove:
        # Delete deepest paths and highest array indexes first so the other paths stay valid.
        paths = sorted({m.location for m in matches}, key=_removal_order, reverse=True)
        for path in paths:
            if not path:
                raise OverlayError(f"{action}: cannot remove the document root")
            parent = document
            for part in path[:-1]:
                parent = parent[part]
            del parent[path[-1]]
        return
    for match in matches:
        if isinstance(match.value, list):
            items = action.update if isinstance(action.update, list) else [action.update]
            match.value.extend(copy.deepcopy(items))
        elif isinstance(action.update, dict) and isinstance(match.value, dict):
            _merge(match.value, action.update, f"{action} at {match.path()}")
        else:
            raise OverlayError(f"{action}: update must be an object for object {match.path()}")


def apply_overlay(document: Any, overlay: Any) -> Any:
    """Return a new document: `overlay`'s actions applied in order to a copy of `document`."""
    result = copy.deepcopy(document)
    for action in parse_overlay(overlay):
        _apply(result, action)
    return result
