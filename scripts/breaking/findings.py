"""What the gate reports: a `Change` per finding, the flows it is judged in, and the
deprecation facts (`deprecated`, `x-sunset`) it compares.

Why apart from the walkers: the CLI, the changelog and the tests use these types without
needing how schemas are compared.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from scripts.breaking.rules import Level, lookup

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
