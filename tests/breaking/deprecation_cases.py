"""The cases of test_deprecation.py: deprecation and sunset dates.

Here and not in the test module, because test_catalogue.py runs every case too.
"""

from __future__ import annotations

from typing import Any

from tests.breaking.cases import GET, TODAY, Case
from tests.breaking.specs import Mutation, Spec, list_operation

LIMIT = "request.query.limit"
LATER, EARLIER = "2026-12-31", "2026-03-31"


def deprecated(sunset: str | None = None) -> dict[str, Any]:
    """The two keywords, as the spec writes them."""
    return {"deprecated": True} if sunset is None else {"deprecated": True, "x-sunset": sunset}


def _mark(node: dict[str, Any], sunset: str | None) -> None:
    node.pop("x-sunset", None)
    node.update(deprecated(sunset))


def on_operation(sunset: str | None = None) -> Mutation:
    """Deprecate `GET /items` (with exactly this sunset date, or none)."""
    return lambda s: _mark(list_operation(s), sunset)


def on_parameter(sunset: str | None = None) -> Mutation:
    """Deprecate the `limit` query parameter of `GET /items`."""
    return lambda s: _mark(list_operation(s)["parameters"][0], sunset)


def drop_operation(spec: Spec) -> None:
    """Remove `GET /items`."""
    spec["paths"]["/items"].pop("get")


def drop_parameter(spec: Spec) -> None:
    """Remove the `limit` query parameter."""
    list_operation(spec)["parameters"].pop(0)


def _cases(kind: str, stem: str, where: str, mark: Any, drop: Mutation) -> list[Case]:
    """The same pairs for operations (`stem` = `operation-`) and parameters."""
    return [
        Case(f"{kind} deprecated with a sunset date", mark(LATER),
             [(f"{stem}deprecated", GET, where, "info")], exact=True),
        Case(f"{kind} deprecated without a sunset date", mark(),
             [(f"{stem}deprecated-without-sunset", GET, where, "warning")], exact=True),
        Case(f"{kind} deprecated with an unreadable sunset date", mark("end of 2026"),
             [(f"{stem}deprecated-without-sunset", GET, where, "warning")], exact=True),
        Case(f"{kind} sunset date set later on", mark(LATER),
             [(f"{stem}sunset-changed", GET, where, "info")], prepare=mark(), exact=True),
        Case(f"{kind} sunset postponed", mark("2027-06-30"),
             [(f"{stem}sunset-changed", GET, where, "info")], prepare=mark(LATER), exact=True),
        Case(f"{kind} sunset brought forward", mark("2026-09-30"),
             [(f"{stem}sunset-brought-forward", GET, where, "warning")], prepare=mark(LATER),
             exact=True),
        Case(f"{kind} sunset date withdrawn", mark(),
             [(f"{stem}deprecated-without-sunset", GET, where, "warning")],
             prepare=mark(LATER), exact=True),
        Case(f"{kind} still deprecated, nothing changed", mark(LATER), [], prepare=mark(LATER)),
        Case(f"{kind} removed before its sunset date", drop,
             [(f"{stem}removed-before-sunset", GET, where, "error")], prepare=mark(LATER),
             exact=True),
        Case(f"{kind} removed on its sunset date", drop,
             [(f"{stem}removed-after-sunset", GET, where, "warning")],
             prepare=mark(TODAY.isoformat()), exact=True),
        Case(f"{kind} removed after its sunset date", drop,
             [(f"{stem}removed-after-sunset", GET, where, "warning")], prepare=mark(EARLIER),
             exact=True),
        Case(f"{kind} removed, deprecated without a sunset date", drop,
             [(f"{stem}removed", GET, where, "error")], prepare=mark(), exact=True),
        Case(f"{kind} removed, never deprecated", drop,
             [(f"{stem}removed", GET, where, "error")], exact=True),
    ]  # fmt: skip


CASES = [
    *_cases("operation", "operation-", "operation", on_operation, drop_operation),
    *_cases("parameter", "request-parameter-", LIMIT, on_parameter, drop_parameter),
]
