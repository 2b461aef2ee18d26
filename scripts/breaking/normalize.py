"""A schema reduced to the facts the rules compare (`Norm`): types, bounds, enums,
properties, items, branches, with `allOf` merged and extensible lists recognised.

Why a normal form: two schemas that accept the same values but are written differently
(a `$ref` moved, `allOf` split, `nullable` as an anyOf branch) must not produce findings.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from scripts.breaking.findings import _UNSET, ANNOTATIONS, MAX_DEPTH, Deprecation
from scripts.breaking.rules import LOWER_BOUNDS, UPPER_BOUNDS


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


def node_identity(node: Any) -> object:
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
