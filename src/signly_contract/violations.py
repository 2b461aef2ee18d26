"""One exception type for every departure the suite finds, named by the check that found it.

Why: a failure a person can act on needs three things together — which rule was broken
(`check`), the exact request that shows it (a masked curl line) and what came back. The
planted-fault tests also assert on `check`, so a fault is only "caught" when the right
rule names it, not when some unrelated assertion happens to trip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from signly_contract.client import Exchange


class ContractViolation(AssertionError):
    """The server departs from the spec or the page; `check` names the broken rule."""

    def __init__(self, check: str, message: str, exchange: Exchange | None = None) -> None:
        self.check = check
        self.detail = message
        self.exchange = exchange
        super().__init__(self.render())

    def render(self) -> str:
        lines = [f"[{self.check}] {self.detail}"]
        if self.exchange is not None:
            lines.append(self.exchange.describe())
        return "\n".join(lines)


def expect(condition: bool, check: str, message: str, exchange: Exchange | None = None) -> None:
    """Raise a ContractViolation named `check` unless `condition` holds (passes are counted)."""
    if not condition:
        raise ContractViolation(check, message, exchange)
    if exchange is not None:
        from signly_contract.report import REPORT

        REPORT.record(exchange.operation, check, True)
