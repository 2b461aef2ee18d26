"""The catalogue of breaking-change rules: every rule id the gate can report, with its level.

Why the catalogue is code and not only a page: the differ (`scripts/breaking/diff.py`) looks up
every finding's rule here before recording it, and takes the finding's level from here, so
an id that is not published cannot be emitted and a level cannot drift from its
documentation. `docs/breaking-change-rules.md` is rendered from this module
(`python -m scripts.breaking --rules --format markdown > docs/breaking-change-rules.md`),
and acknowledgements may only name rules listed here that can be errors.

Why a rule has an *effect* rather than a fixed level: most schema rules apply to data sent
either way. A change that narrows what is accepted breaks whoever sends the data (the
partner, in a request to Signly; Signly, in a webhook), one that widens what may appear
breaks whoever reads it (the partner, in a response or a webhook). So one rule id, such as
`request-enum-value-added`, is info in a request the partner sends and an error in a
webhook payload the partner reads. Modelled on oasdiff's published catalogue.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")  # most severe first
LEVEL_RANK: dict[str, int] = {level: rank for rank, level in enumerate(LEVELS)}

# Bounds where a larger value is tighter, and where a smaller value is tighter.
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")

REGENERATE = "python -m scripts.breaking --rules --format markdown > docs/breaking-change-rules.md"


class Effect(Enum):
    """Whom a change can break; the level of a finding follows from it and from who sends."""

    BREAKS_SENDER = "narrows what is accepted"
    BREAKS_READER = "widens what may appear"
    BREAKS_BOTH = "breaks sender and reader"
    WARNS = "worth a look, never fails"
    INFORMS = "breaks nobody"


class UnknownRuleError(LookupError):
    """The differ tried to record a rule that the catalogue does not publish."""


@dataclass(frozen=True)
class Rule:
    """One published rule: its id, what it means and how its level is decided."""

    id: str
    effect: Effect
    description: str
    section: str

    @property
    def part(self) -> str:
        """Where it applies: `request`, `response` or `operation` (the whole operation)."""
        prefix = self.id.split("-", 1)[0]
        return prefix if prefix in ("request", "response") else "operation"

    def level(self, client_sends: bool | None = None) -> Level:
        """The level of a finding; `client_sends` says whether the partner sends this data."""
        if self.effect is Effect.BREAKS_BOTH:
            return "error"
        if self.effect is Effect.WARNS:
            return "warning"
        if self.effect is Effect.INFORMS:
            return "info"
        if client_sends is None:
            raise ValueError(f"rule {self.id} depends on who sends the data; no flow given")
        breaks_partner = client_sends == (self.effect is Effect.BREAKS_SENDER)
        return "error" if breaks_partner else "info"

    @property
    def api_level(self) -> Level:
        """The level in the API itself: the partner sends requests and reads responses."""
        return self.level(self.part == "request" if self.part != "operation" else None)

    @property
    def webhook_level(self) -> Level:
        """The level in a webhook: Signly sends the request and reads the partner's answer."""
        return self.level(self.part == "response" if self.part != "operation" else None)

    @property
    def levels(self) -> tuple[Level, ...]:
        """Every level a finding of this rule can have, most severe first."""
        found = {self.api_level, self.webhook_level}
        return tuple(level for level in LEVELS if level in found)

    @property
    def can_fail(self) -> bool:
        """Whether a finding of this rule can be an error (only those can be acknowledged)."""
        return "error" in self.levels


S, R, B, W, I = (  # noqa: E741 - one letter each keeps the tables below readable
    Effect.BREAKS_SENDER,
    Effect.BREAKS_READER,
    Effect.BREAKS_BOTH,
    Effect.WARNS,
    Effect.INFORMS,
)
Entry = tuple[str, Effect, str]
SIDES = ("request", "response")


def _section(title: str, entries: Iterable[Entry], sides: Iterable[str] = ("",)) -> list[Rule]:
    """Rules of one section; `sides` prefixes each stem (`request-`, `response-`) or nothing."""
    listed = list(entries)
    return [
        Rule(f"{side}-{stem}" if side else stem, effect, text, title)
        for side in sides
        for stem, effect, text in listed
    ]


def _bounds() -> Iterator[Entry]:
    for key in (*LOWER_BOUNDS, *UPPER_BOUNDS):
        stem = "".join(f"-{c.lower()}" if c.isupper() else c for c in key)
        yield f"{stem}-tightened", S, f"`{key}` added or made stricter."
        yield f"{stem}-loosened", R, f"`{key}` removed or relaxed."


def _deprecation(stem: str, noun: str) -> list[Entry]:
    """The deprecation and sunset rules of one kind of element (operation, parameter, schema)."""
    article = "An" if noun[0] in "aeiou" else "A"
    return [
        (f"{stem}deprecated", I, f"{article} {noun} marked `deprecated` with an `x-sunset` "
         "date."),
        (f"{stem}deprecated-without-sunset", W, f"{article} {noun} marked `deprecated` without "
         "a valid `x-sunset` date (YYYY-MM-DD), or a deprecated one lost its date."),
        (f"{stem}sunset-changed", I, f"The `x-sunset` date of a deprecated {noun} set or "
         "postponed."),
        (f"{stem}sunset-brought-forward", W, f"The `x-sunset` date of a deprecated {noun} moved "
         "earlier."),
    ]  # fmt: skip


def _removal(stem: str, what: str) -> list[Entry]:
    return [
        (f"{stem}removed-before-sunset", B, f"A deprecated {what} removed before its `x-sunset` "
         "date."),
        (f"{stem}removed-after-sunset", W, f"A deprecated {what} removed on or after its "
         "`x-sunset` date: announced, so reported but not failing."),
    ]  # fmt: skip


CATALOGUE: tuple[Rule, ...] = (
    *_section("Operations", [
        ("operation-added", I, "A new operation."),
        ("operation-removed", B, "An operation removed that was not deprecated with a sunset "
         "date."),
        ("operation-id-changed", B, "The `operationId` changed: generated clients rename the "
         "method."),
        ("operation-summary-changed", I, "The operation's summary reworded."),
        ("operation-description-changed", I, "The operation's description reworded."),
    ]),
    *_section("Security", [
        ("security-tightened", B, "An operation needs more or other credentials than before."),
        ("security-loosened", I, "An operation accepts more credential alternatives, or none."),
        ("security-scheme-changed", B, "A security scheme the operation uses changed its type, "
         "header or flows."),
    ]),
    *_section("Deprecation and sunset", [
        *_deprecation("operation-", "operation"),
        *_removal("operation-", "operation"),
        *_deprecation("request-parameter-", "parameter"),
        *_removal("request-parameter-", "parameter"),
    ]),
    *_section("Deprecation and sunset", [
        *_deprecation("", "property or other schema"),
        *_removal("property-", "property"),
    ], SIDES),
    *_section("Parameters", [
        ("request-parameter-added", I, "A new optional parameter."),
        ("request-parameter-added-required", S, "A new required parameter."),
        ("request-parameter-removed", B, "A parameter removed that was not deprecated with a "
         "sunset date."),
        ("request-parameter-became-required", S, "A parameter became required."),
        ("request-parameter-became-optional", R, "A parameter became optional."),
        ("request-parameter-serialization-changed", B, "A parameter's `style` or `explode` "
         "changed."),
        ("request-parameter-description-changed", I, "A parameter's description reworded."),
    ]),
    *_section("Request body", [
        ("request-body-added", I, "A new optional request body."),
        ("request-body-added-required", S, "A new required request body."),
        ("request-body-removed", B, "The request body removed."),
        ("request-body-became-required", S, "The request body became required."),
        ("request-body-became-optional", R, "The request body became optional."),
    ]),
    *_section("Responses", [
        ("response-status-added", I, "A new response status documented."),
        ("response-status-removed", B, "A response status removed."),
        ("response-header-added", I, "A new response header."),
        ("response-header-removed", B, "A response header removed."),
        ("response-header-became-required", S, "A response header is now always sent."),
        ("response-header-became-optional", R, "A response header is no longer always sent."),
    ]),
    *_section("Media types", [
        ("media-type-added", I, "A new media type for a body."),
        ("media-type-removed", B, "A media type of a body removed."),
    ], SIDES),
    *_section("Properties and structure", [
        ("property-added", I, "A new optional property."),
        ("property-added-required", S, "A new required property."),
        ("property-removed", B, "A property removed that was not deprecated with a sunset date."),
        ("property-became-required", S, "A property became required."),
        ("property-became-optional", R, "A property became optional."),
        ("additional-properties-narrowed", S, "Extra properties limited or refused."),
        ("additional-properties-widened", R, "Extra properties allowed, or less limited."),
        ("items-constrained", S, "An array's `items` schema added."),
        ("items-unconstrained", R, "An array's `items` schema removed."),
        ("conditional-added", S, "A new `if`/`then` rule."),
        ("conditional-removed", R, "An `if`/`then` rule removed."),
        ("then-constrained", S, "A `then` schema added to an existing `if`."),
        ("then-unconstrained", R, "A `then` schema removed from an existing `if`."),
        ("else-constrained", S, "An `else` schema added to an existing `if`."),
        ("else-unconstrained", R, "An `else` schema removed from an existing `if`."),
        ("any-of-branch-added", R, "An `anyOf`/`oneOf` alternative added."),
        ("any-of-branch-removed", S, "An `anyOf`/`oneOf` alternative removed."),
    ], SIDES),
    *_section("Values", [
        ("type-narrowed", S, "Fewer types allowed (for example `number` to `integer`)."),
        ("type-widened", R, "More types allowed (for example `integer` to `number`)."),
        ("type-changed", B, "The type replaced by another."),
        ("became-nullable", R, "`null` allowed."),
        ("became-not-nullable", S, "`null` no longer allowed."),
        ("format-added", S, "A `format` added."),
        ("format-removed", R, "The `format` removed."),
        ("format-changed", B, "The `format` replaced by another."),
        ("pattern-added", S, "A `pattern` added."),
        ("pattern-removed", R, "The `pattern` removed."),
        ("pattern-changed", B, "The `pattern` replaced by another."),
        *_bounds(),
        ("multiple-of-tightened", S, "A `multipleOf` added."),
        ("multiple-of-loosened", R, "The `multipleOf` removed."),
        ("multiple-of-changed", B, "The `multipleOf` replaced by another."),
        ("unique-items-tightened", S, "Array items must now be unique."),
        ("unique-items-loosened", R, "Array items may now repeat."),
        ("default-changed", S, "The `default` changed: a sender that omits the value gets "
         "another behaviour."),
        ("description-changed", I, "A schema's or a response's description reworded."),
    ], SIDES),
    *_section("Enums and extensible value lists", [
        ("enum-added", S, "A closed list of values (`enum` or `const`) introduced."),
        ("enum-removed", R, "A closed list of values dropped: any value allowed."),
        ("enum-value-added", R, "A value added to a closed list."),
        ("enum-value-removed", S, "A value removed from a closed list."),
        ("known-value-added", I, "A known value added to an extensible list (known values plus "
         "any other string)."),
        ("known-value-removed", I, "A known value removed from an extensible list: it is still "
         "a valid string."),
        ("enum-became-extensible", R, "A closed list became extensible: clients that refuse "
         "unknown values break on new ones."),
        ("enum-became-closed", S, "An extensible list became closed: only its listed values "
         "are allowed."),
    ], SIDES),
)  # fmt: skip

RULES: dict[str, Rule] = {rule.id: rule for rule in CATALOGUE}


def lookup(rule_id: str) -> Rule:
    """The published rule with this id; an unpublished id is a programming error."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise UnknownRuleError(
            f"rule `{rule_id}` is not in the catalogue (scripts/breaking/rules.py)"
        ) from None


# --------------------------------------------------------------------------- rendering


def _level_text(rule: Rule) -> str:
    if rule.api_level == rule.webhook_level:
        return rule.api_level
    return f"{rule.api_level} (webhook: {rule.webhook_level})"


def _counts() -> str:
    total = len(CATALOGUE)
    can_fail = sum(rule.can_fail for rule in CATALOGUE)
    always = sum(rule.levels == ("error",) for rule in CATALOGUE)
    warnings = sum("warning" in rule.levels for rule in CATALOGUE)
    info = sum(rule.levels == ("info",) for rule in CATALOGUE)
    return (
        f"{total} rules: {can_fail} can be errors ({always} always, {can_fail - always} "
        f"depending on who sends the data), {warnings} are warnings and {info} are info only."
    )


def render_markdown() -> str:
    """The published catalogue, `docs/breaking-change-rules.md`."""
    lines = [
        "# Breaking-change rules",
        "",
        f"<!-- Generated from scripts/breaking/rules.py; regenerate with: {REGENERATE} -->",
        "",
        "Every change to the Signly Partner API contract is reported under one of these rules. "
        "Levels:",
        "",
        "- **error**: breaking for partners; the change does not ship unless a maintainer "
        "acknowledges it in `spec/breaking-changes-acknowledged.yaml`.",
        "- **warning**: reported in the changelog, never blocking.",
        "- **info**: a compatible change, listed in the changelog.",
        "",
        "In a request the partner sends, accepting fewer values is breaking; in a response the "
        "partner reads, allowing more is. Webhooks swap the roles: Signly sends the `request` "
        "and the partner answers with the `response`, so a rule marked "
        "`info (webhook: error)` is an error in a webhook.",
        "",
        "An *extensible list* is a value list written as known values plus any other string "
        "(`anyOf: [{type: string, enum: [...]}, {type: string}]`): clients must accept values "
        "they do not know, so adding one breaks nobody.",
        "",
        "Deprecation follows the oasdiff convention: `deprecated: true` with "
        "`x-sunset: 'YYYY-MM-DD'` beside it, on an operation, a parameter or a property. "
        "Removing it before that date is an error, on or after it a warning.",
        "",
        _counts(),
    ]
    section = ""
    for rule in CATALOGUE:
        if rule.section != section:
            section = rule.section
            lines += ["", f"## {section}", "", "| Rule | In | Level | Description |"]
            lines.append("|------|----|-------|-------------|")
        lines.append(f"| `{rule.id}` | {rule.part} | {_level_text(rule)} | {rule.description} |")
    return "\n".join([*lines, ""])


def render_json() -> str:
    """The catalogue as JSON: one object per rule, keys in a fixed order."""
    rules = [
        {
            "rule": rule.id,
            "section": rule.section,
            "in": rule.part,
            "levels": list(rule.levels),
            "level": rule.api_level,
            "webhook_level": rule.webhook_level,
            "description": rule.description,
        }
        for rule in CATALOGUE
    ]
    return json.dumps({"rules": rules}, indent=2) + "\n"
