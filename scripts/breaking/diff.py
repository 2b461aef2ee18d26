"""Classify every difference between two dereferenced OpenAPI 3.1 documents, per operation.

Why a rule engine of our own rather than oasdiff: oasdiff is a Go binary (no registry here
ships it) and its 3.1 support lags; what partners need from us is a short list of rules we
can read, test pair by pair and acknowledge precisely. The rules follow oasdiff and GitHub's
breaking-change script.

The one idea behind every schema rule: a change either *narrows* what a schema accepts
(a new required field, a removed enum value, a tighter bound) or *widens* it (a new enum
value, a new nullable, a looser bound). Narrowing breaks the side that *sends* the data
(the client, for a request), widening breaks the side that *reads* it (the client, for a
response). So each rule is written once and the `Flow` it runs in says who sends; for
webhooks Signly sends the request and the partner answers, so the roles swap. Removing
something is breaking both ways (a sender loses a field it was told to send, a reader one
it relied on); adding something optional never is.

Which of those a rule is, and so the level of each finding (error, warning, info), is
written once in the published catalogue, `scripts/breaking/rules.py`: the code here only
decides *which* rule a difference is and looks it up there, so it cannot emit an
unpublished rule id.

Two refinements partners asked for. An *extensible list* (`anyOf` of a closed string enum
and a plain string that accepts every listed value: "known values plus any other string")
is read as one value list, so a new known value breaks nobody, while turning a closed list
into an extensible one still breaks readers whose generated code refuses unknown values.
And an element marked `deprecated` with an `x-sunset` date (oasdiff's convention) may be
removed from that date on with a warning; removing it earlier is an error.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from scripts.breaking.rules import LOWER_BOUNDS, UPPER_BOUNDS, Level, lookup

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAX_DEPTH = 64  # deeper than any real schema; a guard against pathological nesting
_UNSET: Any = object()
# Left out of an `if` schema's identity (see `condition_key`) only: deprecating or rewording
# a condition keeps its location. Deprecation itself is compared (`Norm.deprecated`).
ANNOTATIONS = ("description", "title", "examples", "example", "$comment", "deprecated")
K = TypeVar("K", bound=Hashable)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Length bounds, patterns and formats describe the *open* side of an extensible list; against
# a closed list (whose values are the whole story) comparing them would only add noise.
_OPEN_STRING_BOUNDS = ("minLength", "maxLength")


@dataclass(frozen=True, order=True)
class Change:
    """One classified difference; (rule, operation, location) is what an acknowledgement names."""

    operation: str
    location: str
    rule: str
    level: Level
    message: str

    @property
    def key(self) -> tuple[str, str, str]:
        """The identity an acknowledgement must match exactly."""
        return (self.rule, self.operation, self.location)

    @property
    def breaking(self) -> bool:
        """Errors fail the gate unless acknowledged; warnings and info never do."""
        return self.level == "error"


def finding(
    operation: str, rule_id: str, location: str, message: str, client_sends: bool | None = None
) -> Change:
    """A change under a published rule, its level taken from the catalogue."""
    return Change(operation, location, rule_id, lookup(rule_id).level(client_sends), message)


@dataclass(frozen=True)
class Deprecation:
    """Whether an element is deprecated and its announced removal date (`x-sunset`)."""

    deprecated: bool = False
    sunset: date | None = None  # None: no date, or one that is not YYYY-MM-DD
    written: Any = None  # `x-sunset` as written, to show an unreadable one

    @classmethod
    def of(cls, deprecated: Any, sunset: Any) -> Deprecation:
        """Read `deprecated` and `x-sunset` as found beside each other in the spec."""
        return cls(bool(deprecated), iso_date(sunset), sunset)

    @classmethod
    def on(cls, node: Any) -> Deprecation:
        """The deprecation of an operation or parameter object."""
        node = node if isinstance(node, dict) else {}
        return cls.of(node.get("deprecated"), node.get("x-sunset"))


def iso_date(value: Any) -> date | None:
    """A YYYY-MM-DD date (as `x-sunset` and `--today` write it), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def utc_today() -> date:
    """The default "today" that sunset dates are compared with."""
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class Flow:
    """Which part of an operation is compared (rule prefix) and who sends that data."""

    prefix: str  # "request" or "response": the structural part, used in rule names
    client_sends: bool


REQUEST = Flow("request", client_sends=True)
RESPONSE = Flow("response", client_sends=False)
WEBHOOK_REQUEST = Flow("request", client_sends=False)  # Signly sends it to the partner
WEBHOOK_RESPONSE = Flow("response", client_sends=True)  # the partner answers Signly


@dataclass
class Norm:
    """A schema reduced to the facts the rules compare (allOf merged, nullability split off)."""

    types: frozenset[str] | None = None  # non-null types; None means unconstrained
    nullable: bool = False
    enum: list[Any] | None = None  # the closed values, or the known ones of an extensible list
    extensible: bool = False  # the enum lists known values; any other string is allowed too
    format: str | None = None
    bounds: dict[str, Any] = field(default_factory=dict)
    patterns: frozenset[str] = frozenset()
    multiple_of: Any = None
    unique_items: bool = False
    properties: dict[str, Any] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    additional: Any = True  # True, False or a schema
    items: Any = None
    branches: list[Any] | None = None  # anyOf/oneOf alternatives (two or more, non-null)
    conditionals: dict[str, dict[str, Any]] = field(default_factory=dict)  # if-key -> then/else
    description: str | None = None
    default: Any = _UNSET
    deprecated: bool = False
    sunset: Any = None  # `x-sunset` as written
    read_only: bool = False
    write_only: bool = False

    @property
    def deprecation(self) -> Deprecation:
        """`deprecated` and `x-sunset` of this schema."""
        return Deprecation.of(self.deprecated, self.sunset)

    @property
    def closed(self) -> bool:
        """A list of values and nothing else (no open branch)."""
        return self.enum is not None and not self.extensible


def canonical(value: Any) -> str:
    """A stable text form of JSON data, to compare and hash enum values and subschemas."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)


def resolve(root: dict[str, Any], node: Any) -> Any:
    """Follow internal `$ref`s left by the dereferencer (it keeps only recursive ones)."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref: str = node["$ref"]
        if not ref.startswith("#") or ref in seen:
            return {}
        seen.add(ref)
        target: Any = root
        for raw in ref[1:].split("/")[1:]:
            token = raw.replace("~1", "/").replace("~0", "~")
            target = target.get(token, {}) if isinstance(target, dict) else {}
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        node = {**target, **siblings} if isinstance(target, dict) else target
    return node


# --------------------------------------------------------------------------- normalising


def _type_set(schema: dict[str, Any]) -> tuple[frozenset[str] | None, bool]:
    declared = schema.get("type")
    if declared is None:
        return None, False
    names = [declared] if isinstance(declared, str) else list(declared)
    return frozenset(n for n in names if n != "null"), "null" in names


def _merge_bound(key: str, a: Any, b: Any) -> Any:
    if a is None or b is None:
        return b if a is None else a
    return max(a, b) if key in LOWER_BOUNDS else min(a, b)


def _merge_into(target: Norm, other: Norm) -> None:
    """allOf means every member applies: intersect what they allow, unite what they demand."""
    if other.types is not None:
        target.types = other.types if target.types is None else target.types & other.types
    _merge_enums(target, other)
    target.format = target.format or other.format
    for key in (*LOWER_BOUNDS, *UPPER_BOUNDS):
        merged = _merge_bound(key, target.bounds.get(key), other.bounds.get(key))
        if merged is not None:
            target.bounds[key] = merged
    target.patterns |= other.patterns
    target.multiple_of = target.multiple_of or other.multiple_of
    target.unique_items = target.unique_items or other.unique_items
    for name, schema in other.properties.items():
        mine = target.properties.get(name)
        target.properties[name] = schema if mine is None else {"allOf": [mine, schema]}
    target.required |= other.required
    if target.additional is False or other.additional is False:
        target.additional = False
    elif other.additional is not True:
        mine = target.additional
        target.additional = (
            other.additional if mine is True else {"allOf": [mine, other.additional]}
        )
    if other.items is not None:
        target.items = (
            other.items if target.items is None else {"allOf": [target.items, other.items]}
        )
    target.branches = target.branches or other.branches
    for key, branches in other.conditionals.items():
        mine = target.conditionals.get(key)
        target.conditionals[key] = branches if mine is None else _both_branches(mine, branches)
    target.description = target.description or other.description
    target.default = other.default if target.default is _UNSET else target.default
    target.deprecated = target.deprecated or other.deprecated
    target.sunset = target.sunset if target.sunset is not None else other.sunset
    target.read_only = target.read_only or other.read_only
    target.write_only = target.write_only or other.write_only


def _merge_enums(target: Norm, other: Norm) -> None:
    """Both lists apply: a closed one wins over an extensible one, two closed ones intersect."""
    if other.enum is None:
        return
    if target.enum is None:
        target.enum, target.extensible = list(other.enum), other.extensible
    elif target.extensible and other.extensible:
        known = {canonical(v) for v in target.enum}
        target.enum = [*target.enum, *(v for v in other.enum if canonical(v) not in known)]
    elif target.extensible:
        target.enum, target.extensible = list(other.enum), False
    elif not other.extensible:
        keep = {canonical(v) for v in other.enum}
        target.enum = [v for v in target.enum if canonical(v) in keep]


def _own_facts(schema: dict[str, Any]) -> Norm:
    """The keywords of one schema object, ignoring its allOf/anyOf/oneOf."""
    types, nullable = _type_set(schema)
    enum = [schema["const"]] if "const" in schema else schema.get("enum")
    if enum is not None and None in enum:
        nullable, enum = True, [v for v in enum if v is not None]
    additional = schema.get("additionalProperties", True)
    conditionals: dict[str, dict[str, Any]] = {}
    if "if" in schema:
        branches: dict[str, Any] = {k: schema[k] for k in ("then", "else") if k in schema}
        conditionals[condition_key(schema["if"])] = branches
    return Norm(
        types=types,
        nullable=nullable,
        enum=list(enum) if enum is not None else None,
        format=schema.get("format"),
        bounds={k: schema[k] for k in (*LOWER_BOUNDS, *UPPER_BOUNDS) if k in schema},
        patterns=frozenset([schema["pattern"]]) if "pattern" in schema else frozenset(),
        multiple_of=schema.get("multipleOf"),
        unique_items=bool(schema.get("uniqueItems", False)),
        properties=dict(schema.get("properties", {})),
        required=set(schema.get("required", [])),
        additional=True if additional == {} else additional,
        items=schema.get("items"),
        conditionals=conditionals,
        description=schema.get("description"),
        default=schema.get("default", _UNSET),
        deprecated=bool(schema.get("deprecated", False)),
        sunset=schema.get("x-sunset"),
        read_only=bool(schema.get("readOnly", False)),
        write_only=bool(schema.get("writeOnly", False)),
    )


def _is_null_branch(root: dict[str, Any], branch: Any) -> bool:
    schema = resolve(root, branch)
    return isinstance(schema, dict) and (
        schema.get("type") == "null" or schema.get("type") == ["null"] or schema == {"const": None}
    )


def normalize(root: dict[str, Any], raw: Any, depth: int = 0) -> Norm:
    """Reduce a schema so that `anyOf: [X, null]`, `type: [X, 'null']` and allOf read alike."""
    schema = resolve(root, raw)
    if not isinstance(schema, dict) or depth > MAX_DEPTH:
        return Norm()
    norm = _own_facts(schema)
    for member in schema.get("allOf", []):
        _merge_into(norm, normalize(root, member, depth + 1))
    alternatives = schema.get("anyOf", schema.get("oneOf"))
    if alternatives:
        rest = [b for b in alternatives if not _is_null_branch(root, b)]
        norm.nullable = norm.nullable or len(rest) < len(alternatives)
        extensible = _extensible_list(root, rest, depth) if norm.enum is None else None
        if len(rest) == 1:
            description = norm.description
            _merge_into(norm, normalize(root, rest[0], depth + 1))
            norm.description = description or norm.description
        elif extensible is not None:
            known, other = extensible
            description = norm.description
            _merge_into(norm, other)  # what the list accepts is what its open branch accepts
            norm.enum, norm.extensible = list(known.enum or []), True
            norm.nullable = norm.nullable or known.nullable
            norm.description = description or known.description or other.description
        elif rest:
            norm.branches = rest
    if norm.types == frozenset() and not norm.nullable:
        norm.types = frozenset()  # an impossible schema stays impossible
    return norm


def _extensible_list(root: dict[str, Any], rest: list[Any], depth: int) -> tuple[Norm, Norm] | None:
    """(known values, open branch) when two alternatives read "known values or any string"."""
    if len(rest) != 2:
        return None
    # Neither side of an extensible list has alternatives of its own; checking that first
    # also keeps a self-referencing `anyOf` from being normalised again at every depth.
    resolved = [resolve(root, branch) for branch in rest]
    if any(not isinstance(b, dict) or "anyOf" in b or "oneOf" in b for b in resolved):
        return None
    first, second = (normalize(root, branch, depth + 1) for branch in resolved)
    for known, other in ((first, second), (second, first)):
        if _known_values(known) and _open_string(other) and _accepts_all(other, known.enum or []):
            return known, other
    return None


def _known_values(norm: Norm) -> bool:
    """A closed list of strings and nothing more."""
    return (
        norm.closed
        and bool(norm.enum)
        and all(isinstance(v, str) for v in norm.enum or [])
        and norm.types in (None, frozenset({"string"}))
        and norm.branches is None
    )


def _open_string(norm: Norm) -> bool:
    """A string schema without a list of values: "any other string"."""
    return (
        norm.types == frozenset({"string"})
        and norm.enum is None
        and norm.format is None
        and norm.branches is None
        and not norm.properties
        and norm.items is None
        and not norm.conditionals
    )


def _accepts_all(norm: Norm, values: list[Any]) -> bool:
    """The open branch must accept every known value, else it is a different alternative."""
    low, high = norm.bounds.get("minLength", 0), norm.bounds.get("maxLength")
    for value in values:
        if len(value) < low or (high is not None and len(value) > high):
            return False
        for pattern in norm.patterns:
            try:
                if re.search(pattern, value) is None:
                    return False
            except re.error:  # an ECMA-262 construct Python cannot read: do not guess
                return False
    return True


# --------------------------------------------------------------------------- collecting


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
        pair = (_identity(base), _identity(rev))
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
        for name in _ordered(base_props, rev_props, b.required, r.required):
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
        for key in _ordered(b.conditionals, r.conditionals):
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


def _identity(node: Any) -> object:
    """What marks a schema as "already being compared": its `$ref`, else the object itself."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return node["$ref"]
    return id(node)


def condition_key(schema: Any) -> str:
    """A short, readable identity for an `if` schema: the values it tests, then a hash.

    Annotations are left out so that rewording a description keeps the rule's identity.
    """
    bare = _strip_annotations(schema)
    consts = [canonical(v) for v in _walk_values(bare, "const")]
    digest = hashlib.sha1(canonical(bare).encode()).hexdigest()[:8]
    return ",".join(c.strip('"') for c in consts[:3]) + f"#{digest}"


def _strip_annotations(node: Any) -> Any:
    if isinstance(node, list):
        return [_strip_annotations(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        k: _strip_annotations(v)
        for k, v in node.items()
        if k not in ANNOTATIONS and not k.startswith("x-")
    }


def _walk_values(node: Any, keyword: str) -> Iterator[Any]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_values(item, keyword)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == keyword:
                yield value
            else:
                yield from _walk_values(value, keyword)


def _both_branches(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {
        k: {"allOf": [a[k], b[k]]} if k in a and k in b else a.get(k, b.get(k)) for k in {*a, *b}
    }


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


def _ordered(*groups: Iterable[K]) -> Iterator[K]:
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


# --------------------------------------------------------------------------- operations


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
    for key in _ordered(base_ops, rev_ops):
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
        for key in _ordered(old, new):
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
        for media in _ordered(old, new):
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
        for status in _ordered(old, new):
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
        for key in _ordered(before, after):
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
