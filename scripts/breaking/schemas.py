"""`Differ`: walks two normalised schemas side by side and names each difference as a
rule of the catalogue, in the flow (who sends the data) it runs in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from scripts.breaking.findings import (
    _OPEN_STRING_BOUNDS,
    _UNSET,
    MAX_DEPTH,
    Change,
    Deprecation,
    Flow,
    K,
    finding,
)
from scripts.breaking.normalize import Norm, canonical, node_identity, normalize, resolve
from scripts.breaking.rules import LOWER_BOUNDS, UPPER_BOUNDS


class Differ:
    """Collects the changes of one operation; the rule helpers decide what is breaking."""

    def __init__(
        self, operation: str, base_root: dict[str, Any], rev_root: dict[str, Any], today: date
    ):
        self.operation = operation
        self.base_root = base_root
        self.rev_root = rev_root
        self.today = today  # sunset dates are compared with it
        self.changes: list[Change] = []
        self._active: set[tuple[object, object]] = set()
        # Equal subschemas can only be skipped when the `$ref`s left in them (recursive
        # schemas) point at equal components too.
        self._same_components = base_root.get("components") == rev_root.get("components")

    def emit(self, flow: Flow | None, stem: str, location: str, message: str) -> None:
        """Record a change under `<flow prefix>-<stem>` (or `stem` for a whole operation).

        The catalogue decides the level from the rule's effect and who sends the data.
        """
        rule_id = stem if flow is None else f"{flow.prefix}-{stem}"
        client_sends = None if flow is None else flow.client_sends
        self.changes.append(finding(self.operation, rule_id, location, message, client_sends))

    def deprecation(
        self, flow: Flow | None, stem: str, old: Deprecation, new: Deprecation, location: str
    ) -> None:
        """Deprecation and its sunset date; `stem` names the element (`operation-`, ...)."""
        if not new.deprecated:
            return
        if new.sunset is None:
            if not old.deprecated or old.sunset is not None:
                self.emit(flow, f"{stem}deprecated-without-sunset", location, _no_sunset(old, new))
        elif not old.deprecated:
            self.emit(flow, f"{stem}deprecated", location, f"deprecated, sunset {new.sunset}")
        elif old.sunset is None:
            self.emit(flow, f"{stem}sunset-changed", location, f"sunset set to {new.sunset}")
        elif new.sunset > old.sunset:
            text = f"sunset postponed from {old.sunset} to {new.sunset}"
            self.emit(flow, f"{stem}sunset-changed", location, text)
        elif new.sunset < old.sunset:
            text = f"sunset brought forward from {old.sunset} to {new.sunset}"
            self.emit(flow, f"{stem}sunset-brought-forward", location, text)

    def removed(
        self, flow: Flow | None, stem: str, location: str, gone: Deprecation, message: str
    ) -> None:
        """A removal: breaking, unless it was deprecated and its sunset date has come."""
        if gone.deprecated and gone.sunset is not None:
            if self.today < gone.sunset:
                text = f"{message} before its announced sunset date {gone.sunset}"
                self.emit(flow, f"{stem}removed-before-sunset", location, text)
            else:
                text = f"{message} as announced (deprecated, sunset {gone.sunset})"
                self.emit(flow, f"{stem}removed-after-sunset", location, text)
        else:
            note = " (it was deprecated without a sunset date)" if gone.deprecated else ""
            self.emit(flow, f"{stem}removed", location, message + note)

    # ----------------------------------------------------------------------- schemas

    def schema(self, flow: Flow, base: Any, rev: Any, location: str, depth: int = 0) -> None:
        """Compare two schemas; the `_active` pairs stop a recursive schema from looping."""
        if (base == rev and self._same_components) or depth > MAX_DEPTH:
            return
        pair = (node_identity(base), node_identity(rev))
        if pair in self._active:
            return
        self._active.add(pair)
        try:
            b = normalize(self.base_root, base)
            r = normalize(self.rev_root, rev)
            self._compare_norms(flow, b, r, location, depth)
        finally:
            self._active.discard(pair)

    def _compare_norms(self, flow: Flow, b: Norm, r: Norm, location: str, depth: int) -> None:
        if (b.branches is None) != (r.branches is None):
            self._branches(flow, _as_branches(b), _as_branches(r), location, depth)
            self._nullability(flow, b, r, location)
            return
        if b.branches is not None and r.branches is not None:
            self._branches(flow, b.branches, r.branches, location, depth)
        self._scalars(flow, b, r, location)
        self._properties(flow, b, r, location, depth)
        self._containers(flow, b, r, location, depth)
        self._conditionals(flow, b, r, location, depth)

    def _scalars(self, flow: Flow, b: Norm, r: Norm, location: str) -> None:
        # Closed <-> extensible: the closed side's values are all it accepts, so the open
        # side's type, length, pattern and format say nothing a partner could trip over.
        reopened = (b.closed and r.extensible) or (b.extensible and r.closed)
        if not (reopened and None in (b.types, r.types)):  # `enum: [...]` without `type`
            self._types(flow, b, r, location)
        self._nullability(flow, b, r, location)
        self._enum(flow, b, r, location)
        if not reopened:
            self._format(flow, b, r, location)
            self._patterns(flow, b, r, location)
        self._bounds(flow, b, r, location, skip=_OPEN_STRING_BOUNDS if reopened else ())
        self._misc_constraints(flow, b, r, location)
        self._annotations(flow, b, r, location)

    def _types(self, flow: Flow, b: Norm, r: Norm, location: str) -> None:
        if b.types == r.types:
            return
        if b.types is None or r.types is None:
            shown = _show_types(r.types if b.types is None else b.types)
            if b.types is None:
                self.emit(flow, "type-narrowed", location, f"type restricted to {shown}")
            else:
                self.emit(flow, "type-widened", location, f"type {shown} no longer enforced")
            return
        removed = {t for t in b.types if not _type_covered(t, r.types)}
        added = {t for t in r.types if not _type_covered(t, b.types)}
        text = f"type changed from {_show_types(b.types)} to {_show_types(r.types)}"
        if removed and added:
            self.emit(flow, "type-changed", location, text)
        elif removed:
            self.emit(flow, "type-narrowed", location, text)
        elif added:
            self.emit(flow, "type-widened", location, text)

    def _nullability(self, flow: Flow, b: Norm, r: Norm, location: str) -> None:
        if r.nullable and not b.nullable:
            self.emit(flow, "became-nullable", location, "may now be `null`")
        elif b.nullable and not r.nullable:
            self.emit(flow, "became-not-nullable", location, "may no longer be `null`")

    def _enum(self, flow: Flow, b: Norm, r: Norm, location: str) -> None:
        if b.enum is None and r.enum is None:
            return
        if b.extensible or r.extensible:
            self._extensible_enum(flow, b, r, location)
            return
        if b.enum is None or r.enum is None:
            if b.enum is None:
                self.emit(flow, "enum-added", location, f"restricted to {_show(r.enum)}")
            else:
                self.emit(flow, "enum-removed", location, f"no longer limited to {_show(b.enum)}")
            return
        base_keys = {canonical(v) for v in b.enum}
        rev_keys = {canonical(v) for v in r.enum}
        for value in (v for v in b.enum if canonical(v) not in rev_keys):
            self.emit(flow, "enum-value-removed", location, f"value `{canonical(value)}` removed")
        for value in (v for v in r.enum if canonical(v) not in base_keys):
            self.emit(flow, "enum-value-added", location, f"value `{canonical(value)}` added")

    def _extensible_enum(self, flow: Flow, b: Norm, r: Norm, location: str) -> None:
        """Known values come and go freely; what counts is whether other values may appear."""
        if b.closed:
            text = "now an extensible list: values other than the listed ones may appear"
            self.emit(flow, "enum-became-extensible", location, text)
        elif r.closed:
            text = f"no longer an extensible list: only {_show(r.enum)} are allowed"
            self.emit(flow, "enum-became-closed", location, text)
        before, after = b.enum or [], r.enum or []
        base_keys, rev_keys = {canonical(v) for v in before}, {canonical(v) for v in after}
        added = "added" if r.closed else "added to an extensible list"
        removed = "removed" if r.closed else "removed from an extensible list"
        for value in (v for v in before if canonical(v) not in rev_keys):
            self.emit(flow, "known-value-removed", location, f"known value `{value}` {removed}")
        for value in (v for v in after if canonical(v) not in base_keys):
            self.emit(flow, "known-value-added", location, f"known value `{value}` {added}")

    def _format(self, flow: Flow, b: Norm, r: Norm, location: str) -> None:
        if b.format == r.format:
            return
        if b.format is None:
            self.emit(flow, "format-added", location, f"format `{r.format}` added")
        elif r.format is None:
            self.emit(flow, "format-removed", location, f"format `{b.format}` removed")
        else:
            text = f"format changed from `{b.format}` to `{r.format}`"
            self.emit(flow, "format-changed", location, text)

    def _bounds(
        self, flow: Flow, b: Norm, r: Norm, location: str, skip: tuple[str, ...] = ()
    ) -> None:
        for key in (*LOWER_BOUNDS, *UPPER_BOUNDS):
            old, new = b.bounds.get(key), r.bounds.get(key)
            if old == new or key in skip:
                continue
            stem = _kebab(key)
            text = f"`{key}` changed from {_show(old)} to {_show(new)}"
            tighter = old is None or (new is not None and (new > old) == (key in LOWER_BOUNDS))
            if tighter:
                self.emit(flow, f"{stem}-tightened", location, text)
            else:
                self.emit(flow, f"{stem}-loosened", location, text)

    def _patterns(self, flow: Flow, b: Norm, r: Norm, location: str) -> None:
        added, removed = r.patterns - b.patterns, b.patterns - r.patterns
        if added and removed:
            text = f"pattern changed from `{_one(removed)}` to `{_one(added)}`"
            self.emit(flow, "pattern-changed", location, text)
        elif added:
            self.emit(flow, "pattern-added", location, f"pattern `{_one(added)}` added")
        elif removed:
            self.emit(flow, "pattern-removed", location, f"pattern `{_one(removed)}` removed")

    def _misc_constraints(self, flow: Flow, b: Norm, r: Norm, location: str) -> None:
        if b.multiple_of != r.multiple_of:
            text = f"`multipleOf` changed from {_show(b.multiple_of)} to {_show(r.multiple_of)}"
            if b.multiple_of is None:
                self.emit(flow, "multiple-of-tightened", location, text)
            elif r.multiple_of is None:
                self.emit(flow, "multiple-of-loosened", location, text)
            else:
                self.emit(flow, "multiple-of-changed", location, text)
        if r.unique_items and not b.unique_items:
            self.emit(flow, "unique-items-tightened", location, "items must now be unique")
        elif b.unique_items and not r.unique_items:
            self.emit(flow, "unique-items-loosened", location, "items may now repeat")

    def _annotations(self, flow: Flow, b: Norm, r: Norm, location: str) -> None:
        if b.default is not r.default and canonical(b.default) != canonical(r.default):
            old = "none" if b.default is _UNSET else f"`{canonical(b.default)}`"
            new = "none" if r.default is _UNSET else f"`{canonical(r.default)}`"
            text = f"default changed from {old} to {new}"
            # A sender that omits the value now gets another behaviour; a reader is unaffected.
            self.emit(flow, "default-changed", location, text)
        self.deprecation(flow, "", b.deprecation, r.deprecation, location)
        if (b.description or "") != (r.description or ""):
            self.emit(flow, "description-changed", location, "description changed")

    # ----------------------------------------------------------------------- structure

    def _properties(self, flow: Flow, b: Norm, r: Norm, location: str, depth: int) -> None:
        base_props = self._visible(flow, self.base_root, b.properties)
        rev_props = self._visible(flow, self.rev_root, r.properties)
        for name in in_order(base_props, rev_props, b.required, r.required):
            where = f"{location}.{name}" if location else name
            if name in base_props and name not in rev_props and name not in r.required:
                gone = normalize(self.base_root, base_props[name]).deprecation
                self.removed(flow, "property-", where, gone, "property removed")
                continue
            if name in rev_props and name not in base_props and name not in b.required:
                self._property_added(flow, name in r.required, where)
                continue
            self._required(flow, name in b.required, name in r.required, where)
            if name in base_props and name in rev_props:
                self.schema(flow, base_props[name], rev_props[name], where, depth + 1)

    def _visible(self, flow: Flow, root: dict[str, Any], props: dict[str, Any]) -> dict[str, Any]:
        """readOnly properties are never sent by clients, writeOnly ones never returned."""
        hidden = "readOnly" if flow.prefix == "request" else "writeOnly"
        return {n: s for n, s in props.items() if not resolve(root, s).get(hidden, False)}

    def _property_added(self, flow: Flow, required: bool, where: str) -> None:
        if required:
            self.emit(flow, "property-added-required", where, "new required property")
        else:
            self.emit(flow, "property-added", where, "new optional property")

    def _required(self, flow: Flow, was: bool, now: bool, where: str) -> None:
        if now and not was:
            self.emit(flow, "property-became-required", where, "became required")
        elif was and not now:
            self.emit(flow, "property-became-optional", where, "became optional")

    def _containers(self, flow: Flow, b: Norm, r: Norm, location: str, depth: int) -> None:
        self._optional_schema(flow, b.items, r.items, f"{location}[]", "items", depth)
        where = f"{location}.{{*}}"
        if b.additional is True and r.additional is not True:
            self.emit(flow, "additional-properties-narrowed", where, "extra properties limited")
        elif r.additional is True and b.additional is not True:
            self.emit(flow, "additional-properties-widened", where, "any extra property allowed")
        elif b.additional is False and r.additional is not False:
            self.emit(flow, "additional-properties-widened", where, "extra properties allowed")
        elif r.additional is False and b.additional is not False:
            self.emit(flow, "additional-properties-narrowed", where, "extra properties refused")
        elif isinstance(b.additional, dict) and isinstance(r.additional, dict):
            self.schema(flow, b.additional, r.additional, where, depth + 1)

    def _conditionals(self, flow: Flow, b: Norm, r: Norm, location: str, depth: int) -> None:
        """if/then/else rules pair up by their `if`, so an edited `then` compares as a schema."""
        for key in in_order(b.conditionals, r.conditionals):
            where = f"{location}<if:{key}>"
            old, new = b.conditionals.get(key), r.conditionals.get(key)
            if old is None:
                self.emit(flow, "conditional-added", where, "new if/then rule")
            elif new is None:
                self.emit(flow, "conditional-removed", where, "if/then rule removed")
            else:
                for branch in ("then", "else"):
                    here = f"{where}.{branch}"
                    self._optional_schema(
                        flow, old.get(branch), new.get(branch), here, branch, depth
                    )

    def _optional_schema(
        self, flow: Flow, base: Any, rev: Any, where: str, what: str, depth: int
    ) -> None:
        if base is not None and rev is not None:
            self.schema(flow, base, rev, where, depth + 1)
        elif base is None and rev is not None:
            self.emit(flow, f"{what}-constrained", where, f"{what} schema added")
        elif base is not None and rev is None:
            self.emit(flow, f"{what}-unconstrained", where, f"{what} schema removed")

    def _branches(
        self, flow: Flow, base: list[Any], rev: list[Any], location: str, depth: int
    ) -> None:
        """Pair identical alternatives first, then the rest in order; extras are changes."""
        base_left = list(range(len(base)))
        rev_left = list(range(len(rev)))
        for i in list(base_left):
            twin = next((j for j in rev_left if rev[j] == base[i]), None)
            if twin is not None:
                base_left.remove(i)
                rev_left.remove(twin)
        for i, j in zip(base_left, rev_left, strict=False):
            self.schema(flow, base[i], rev[j], f"{location}<anyOf:{j}>", depth + 1)
        for i in base_left[len(rev_left) :]:
            self.emit(flow, "any-of-branch-removed", location, f"alternative {i} removed")
        for j in rev_left[len(base_left) :]:
            self.emit(flow, "any-of-branch-added", location, f"alternative {j} added")


def _no_sunset(old: Deprecation, new: Deprecation) -> str:
    if new.written is not None:
        return f"deprecated; its sunset date `{new.written}` is not a YYYY-MM-DD date"
    if old.deprecated:
        return "sunset date withdrawn; still deprecated"
    return "deprecated without a sunset date"


def _as_branches(norm: Norm) -> list[Any]:
    """A schema without alternatives compared against one with them counts as one alternative."""
    if norm.branches is not None:
        return norm.branches
    return [_norm_as_schema(norm)]


def _norm_as_schema(norm: Norm) -> dict[str, Any]:
    """Rebuild a plain schema from a Norm so it can be compared as one alternative."""
    schema: dict[str, Any] = {**norm.bounds}
    if norm.types is not None:  # nullability is compared on its own, not per alternative
        schema["type"] = sorted(norm.types)
    for key, value in (
        ("enum", None if norm.extensible else norm.enum),
        ("format", norm.format),
        ("multipleOf", norm.multiple_of),
        ("items", norm.items),
        ("description", norm.description),
    ):
        if value is not None:
            schema[key] = value
    if norm.properties:
        schema["properties"] = norm.properties
    if norm.required:
        schema["required"] = sorted(norm.required)
    if norm.additional is not True:
        schema["additionalProperties"] = norm.additional
    if norm.patterns:
        schema["allOf"] = [{"pattern": p} for p in sorted(norm.patterns)]
    if norm.extensible:
        schema["anyOf"] = [{"type": "string", "enum": norm.enum}, {"type": "string"}]
    return schema


def in_order(*groups: Iterable[K]) -> Iterator[K]:
    """The union of the groups in first-seen order, so reports follow the spec's own order."""
    seen: dict[K, None] = {}
    for group in groups:
        for name in group:
            seen.setdefault(name, None)
    return iter(seen)


def _type_covered(name: str, types: frozenset[str]) -> bool:
    return name in types or (name == "integer" and "number" in types)


def _show_types(types: frozenset[str] | None) -> str:
    return "any" if types is None else "/".join(sorted(types)) or "null"


def _show(value: Any) -> str:
    return "none" if value is None else f"`{canonical(value)}`"


def _one(values: frozenset[str]) -> str:
    return ", ".join(sorted(values))


def _kebab(name: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in name)
