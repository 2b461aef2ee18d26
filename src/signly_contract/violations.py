"""One exception type for every departure the suite finds, named by the check that found it.

Why: a failure a person can act on needs three things together — which rule was broken
(`check`), the exact request that shows it (a masked curl line) and what came back. The
planted-fault tests also assert on `check`, so a fault is only "caught" when the right
rule names it, not when some unrelated assertion happens to trip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from signly_contract.client import Exchange


class ContractViolation(AssertionError):
    """The server departs from the spec or the page; `check` names the broken rule."""

    def __init__(
        self,
        check: str,
        message: str,
        exchange: Exchange | None = None,
        judge: dict[str, Any] | None = None,
    ) -> None:
        self.check = check
        self.detail = message
        self.exchange = exchange
        # How a replay of `exchange` tells whether the failure is still there (replay.py).
        self.judge = judge
        # Set when a property raised it: its name and the failing hypothesis example.
        self.property: str | None = None
        self.block: int | None = None
        self.example: Any = None
        self.recorded = False
        super().__init__(self.render())

    def render(self) -> str:
        lines = [f"[{self.check}] {self.detail}"]
        if self.exchange is not None:
            lines.append(self.exchange.describe())
        return "\n".join(lines)


def expect(
    condition: bool,
    check: str,
    message: str,
    exchange: Exchange | None = None,
    judge: dict[str, Any] | None = None,
) -> None:
    """Raise a ContractViolation named `check` unless `condition` holds (passes are counted).
    `judge` says how a replay of `exchange` alone is judged, when it can be."""
    if not condition:
        raise ContractViolation(check, message, exchange, judge)
    if exchange is not None:
        from signly_contract.report import REPORT

        REPORT.record(exchange.operation, check, True)
