"""The cases of test_mirrored.py: each schema rule in every flow it can occur in.

Here and not in the test module, because test_catalogue.py runs every case too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scripts.breaking.rules import Level
from tests.breaking.cases import HOOK, HOOK_REQ, HOOK_RESP, POST, REQ, RESP, Case
from tests.breaking.specs import (
    Mutation,
    Spec,
    answer_with_item,
    request_item,
    response_item,
    webhook_answer,
    webhook_item,
)

Schema = dict[str, Any]
Edit = Callable[[Schema], None]


@dataclass
class Mirror:
    """One edit of the item schema and its level where the partner sends / reads it."""

    stem: str
    where: str  # below the body schema
    edit: Edit
    sent: Level  # in the request the partner sends (and its answer to a webhook)
    read: Level  # in the response the partner reads (and the webhook payload)
    prepare: Edit | None = None


def prop(name: str, **changes: object) -> Edit:
    """Update one property."""
    return lambda item: item["properties"][name].update(changes)


def drop(name: str, key: str) -> Edit:
    """Remove a keyword from one property."""
    return lambda item: item["properties"][name].pop(key) and None


def chain(*edits: Edit) -> Edit:
    """Several edits in order."""

    def apply(item: Schema) -> None:
        for edit in edits:
            edit(item)

    return apply


def add_color(required: bool) -> Edit:
    """A new `color` property, required or not."""

    def apply(item: Schema) -> None:
        item["properties"]["color"] = {"type": "string"}
        if required:
            item["required"].append("color")

    return apply


def condition(*branches: str) -> Edit:
    """An `if kind == b` rule with the given branches (`then` needs a note, `else` a count)."""
    parts = {"then": {"required": ["note"]}, "else": {"required": ["count"]}}

    def apply(item: Schema) -> None:
        item["if"] = {"properties": {"kind": {"const": "b"}}}
        for branch in ("then", "else"):
            item.pop(branch, None)
            if branch in branches:
                item[branch] = parts[branch]

    return apply


def extensible(*values: str) -> Edit:
    """`kind` as known values plus any other string (the spec's extensible list)."""
    return lambda item: item["properties"].update(
        kind={"anyOf": [{"type": "string", "enum": list(values)}, {"type": "string"}]}
    )


def closed(*values: str) -> Edit:
    """`kind` as a plain closed list."""
    return lambda item: item["properties"].update(kind={"type": "string", "enum": list(values)})


def deprecate(sunset: str | None) -> Edit:
    """Mark `note` deprecated, with or without a sunset date."""
    extra = {} if sunset is None else {"x-sunset": sunset}
    return prop("note", deprecated=True, **extra)


def remove(name: str) -> Edit:
    """Remove a property."""
    return lambda item: item["properties"].pop(name) and None


# The property each bound applies to, the value both sides start from, and the tighter value.
BOUND_TARGETS = {
    "minimum": ("count", 5, 6),
    "exclusiveMinimum": ("count", 5, 6),
    "minLength": ("name", 5, 6),
    "minItems": ("tags", 2, 3),
    "minProperties": ("", 2, 3),
    "maximum": ("count", 5, 4),
    "exclusiveMaximum": ("count", 5, 4),
    "maxLength": ("name", 5, 4),
    "maxItems": ("tags", 2, 1),
    "maxProperties": ("", 9, 8),
}


def _bound(key: str, value: int | None) -> Edit:
    target = BOUND_TARGETS[key][0]

    def apply(item: Schema) -> None:
        schema = item["properties"][target] if target else item
        if value is None:
            schema.pop(key, None)
        else:
            schema[key] = value

    return apply


def _kebab(name: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in name)


def _bound_mirrors() -> list[Mirror]:
    mirrors = []
    for key, (target, start, tighter) in BOUND_TARGETS.items():
        where = f".{target}" if target else ""
        stem = _kebab(key)
        mirrors += [
            Mirror(f"{stem}-tightened", where, _bound(key, tighter), "error", "info",
                   prepare=_bound(key, start)),
            Mirror(f"{stem}-loosened", where, _bound(key, None), "info", "error",
                   prepare=_bound(key, start)),
        ]  # fmt: skip
    return mirrors


ANY_OF_2 = prop("note", anyOf=[{"type": "string"}, {"type": "integer"}])

MIRRORS = [
    Mirror("type-narrowed", ".count", prop("count", type="integer"), "error", "info",
           prepare=prop("count", type="number")),
    Mirror("type-widened", ".count", prop("count", type="number"), "info", "error"),
    Mirror("type-changed", ".count", prop("count", type="string"), "error", "error"),
    Mirror("became-nullable", ".note", prop("note", type=["string", "null"]), "info", "error"),
    Mirror("became-not-nullable", ".note", prop("note", type="string"), "error", "info",
           prepare=prop("note", type=["string", "null"])),
    Mirror("format-added", ".note", prop("note", format="email"), "error", "info"),
    Mirror("format-removed", ".when", drop("when", "format"), "info", "error"),
    Mirror("format-changed", ".when", prop("when", format="date"), "error", "error"),
    Mirror("pattern-added", ".note", prop("note", pattern="^x"), "error", "info"),
    Mirror("pattern-removed", ".name", drop("name", "pattern"), "info", "error"),
    Mirror("pattern-changed", ".name", prop("name", pattern="^[a-z0-9]+$"), "error", "error"),
    *_bound_mirrors(),
    Mirror("multiple-of-tightened", ".count", prop("count", multipleOf=2), "error", "info"),
    Mirror("multiple-of-loosened", ".count", drop("count", "multipleOf"), "info", "error",
           prepare=prop("count", multipleOf=2)),
    Mirror("multiple-of-changed", ".count", prop("count", multipleOf=3), "error", "error",
           prepare=prop("count", multipleOf=2)),
    Mirror("unique-items-tightened", ".tags", prop("tags", uniqueItems=True), "error", "info"),
    Mirror("unique-items-loosened", ".tags", prop("tags", uniqueItems=False), "info", "error",
           prepare=prop("tags", uniqueItems=True)),
    Mirror("default-changed", ".count", prop("count", default=2), "error", "info"),
    Mirror("description-changed", ".note", prop("note", description="Free text."), "info",
           "info"),
    Mirror("property-added", ".color", add_color(required=False), "info", "info"),
    Mirror("property-added-required", ".color", add_color(required=True), "error", "info"),
    Mirror("property-removed", ".note", remove("note"), "error", "error"),
    Mirror("property-became-required", ".note", lambda i: i["required"].append("note"),
           "error", "info"),
    Mirror("property-became-optional", ".kind", lambda i: i["required"].remove("kind"),
           "info", "error"),
    Mirror("additional-properties-narrowed", ".{*}",
           lambda i: i.update(additionalProperties=False), "error", "info"),
    Mirror("additional-properties-widened", ".{*}",
           lambda i: i.pop("additionalProperties") and None, "info", "error",
           prepare=lambda i: i.update(additionalProperties=False)),
    Mirror("items-constrained", ".tags[]", prop("tags", items={"type": "string"}), "error",
           "info", prepare=drop("tags", "items")),
    Mirror("items-unconstrained", ".tags[]", drop("tags", "items"), "info", "error"),
    Mirror("conditional-added", "<if:b#", condition("then"), "error", "info"),
    Mirror("conditional-removed", "<if:b#", chain(condition(), lambda i: i.pop("if") and None),
           "info", "error", prepare=condition("then")),
    Mirror("then-constrained", "<if:b#", condition("then", "else"), "error", "info",
           prepare=condition("else")),
    Mirror("then-unconstrained", "<if:b#", condition("else"), "info", "error",
           prepare=condition("then", "else")),
    Mirror("else-constrained", "<if:b#", condition("then", "else"), "error", "info",
           prepare=condition("then")),
    Mirror("else-unconstrained", "<if:b#", condition("then"), "info", "error",
           prepare=condition("then", "else")),
    Mirror("any-of-branch-added", ".note",
           lambda i: i["properties"]["note"]["anyOf"].append({"type": "boolean"}), "info",
           "error", prepare=ANY_OF_2),
    Mirror("any-of-branch-removed", ".note",
           lambda i: i["properties"]["note"]["anyOf"].pop() and None, "error", "info",
           prepare=chain(ANY_OF_2, lambda i: i["properties"]["note"]["anyOf"].append(
               {"type": "boolean"}))),
    Mirror("enum-added", ".note", prop("note", enum=["x", "y"]), "error", "info"),
    Mirror("enum-removed", ".kind", drop("kind", "enum"), "info", "error"),
    Mirror("enum-value-added", ".kind", prop("kind", enum=["a", "b", "c"]), "info", "error"),
    Mirror("enum-value-removed", ".kind", prop("kind", enum=["a"]), "error", "info"),
    Mirror("known-value-added", ".kind", extensible("a", "b", "c"), "info", "info",
           prepare=extensible("a", "b")),
    Mirror("known-value-removed", ".kind", extensible("a"), "info", "info",
           prepare=extensible("a", "b")),
    Mirror("enum-became-extensible", ".kind", extensible("a", "b"), "info", "error"),
    Mirror("enum-became-closed", ".kind", closed("a", "b"), "error", "info",
           prepare=extensible("a", "b")),
    Mirror("deprecated", ".note", deprecate("2026-12-31"), "info", "info"),
    Mirror("deprecated-without-sunset", ".note", deprecate(None), "warning", "warning"),
    Mirror("sunset-changed", ".note", deprecate("2027-06-30"), "info", "info",
           prepare=deprecate("2026-12-31")),
    Mirror("sunset-brought-forward", ".note", deprecate("2026-09-30"), "warning", "warning",
           prepare=deprecate("2026-12-31")),
    Mirror("property-removed-before-sunset", ".note", remove("note"), "error", "error",
           prepare=deprecate("2026-12-31")),
    Mirror("property-removed-after-sunset", ".note", remove("note"), "warning", "warning",
           prepare=deprecate("2026-05-31")),
]  # fmt: skip

# (name, rule prefix, operation, body location, schema getter, partner sends?, setup)
FLOWS: list[tuple[str, str, str, str, Callable[[Spec], Schema], bool, Mutation | None]] = [
    ("request", "request", POST, REQ, request_item, True, None),
    ("response", "response", POST, RESP, response_item, False, None),
    ("webhook payload", "request", HOOK, HOOK_REQ, webhook_item, False, None),
    ("webhook answer", "response", HOOK, HOOK_RESP, webhook_answer, True, answer_with_item),
]


def _case(mirror: Mirror, flow: tuple[Any, ...]) -> Case:
    name, prefix, operation, body, schema_of, sends, setup = flow
    edit, prepare_edit = mirror.edit, mirror.prepare

    def prepare(spec: Spec) -> None:
        if setup is not None:
            setup(spec)
        if prepare_edit is not None:
            prepare_edit(schema_of(spec))

    level = mirror.sent if sends else mirror.read
    return Case(
        f"{name}: {mirror.stem}",
        lambda spec: edit(schema_of(spec)),
        [(f"{prefix}-{mirror.stem}", operation, f"{body}{mirror.where}", level)],
        prepare=prepare,
    )


MIRRORED_CASES = [_case(mirror, flow) for mirror in MIRRORS for flow in FLOWS]
