"""What the validating proxy saw: counts per operation, the most frequent violations, and
the time the proxy added on top of the upstream's own."""

from __future__ import annotations

import re
import statistics
import threading
from collections import Counter
from dataclasses import dataclass, field

from signly_sandbox.proxy.contract import Violation

TOP_VIOLATIONS = 3


@dataclass
class OperationStats:
    requests: int = 0
    flagged: int = 0
    violations: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    added_ms: list[float] = field(default_factory=list)


class ProxyStats:
    def __init__(self) -> None:
        self.operations: dict[str, OperationStats] = {}
        self.unreachable = 0
        self._lock = threading.Lock()

    def record(self, label: str, status: int, violations: list[Violation], added_ms: float) -> None:
        with self._lock:
            stats = self.operations.setdefault(label, OperationStats())
            stats.requests += 1
            stats.statuses[status] += 1
            if violations:
                stats.flagged += 1
                stats.violations.update(_kind(v) for v in violations)
            if len(stats.added_ms) < 100_000:
                stats.added_ms.append(added_ms)

    def record_unreachable(self) -> None:
        with self._lock:
            self.unreachable += 1

    @property
    def requests(self) -> int:
        return sum(stats.requests for stats in self.operations.values())

    @property
    def flagged(self) -> int:
        return sum(stats.flagged for stats in self.operations.values())

    def summary(self) -> list[str]:
        """One line per operation (most flagged first), then the totals."""
        with self._lock:
            items = sorted(self.operations.items(), key=lambda item: (-item[1].flagged, item[0]))
            width = max([len(label) for label, _ in items] + [9])
            lines = [f"{'operation':<{width}}  requests  flagged  added p50  top violations"]
            for label, stats in items:
                p50 = statistics.median(stats.added_ms) if stats.added_ms else 0.0
                top = "; ".join(
                    f"{text} (x{count})"
                    for text, count in stats.violations.most_common(TOP_VIOLATIONS)
                )
                lines.append(
                    f"{label:<{width}}  {stats.requests:>8}  {stats.flagged:>7}  "
                    f"{p50:>6.2f} ms  {top}".rstrip()
                )
            lines.append(
                f"{self.requests} requests, {self.flagged} with violations"
                + (
                    f", {self.unreachable} answered 502/504 (upstream unreachable)"
                    if self.unreachable
                    else ""
                )
            )
        return lines


def _kind(violation: Violation) -> str:
    """A violation without its item indexes (`/data/3/version` -> `/data/N/version`), so
    alike ones count together."""
    return re.sub(r"/\d+(?=/|:)", "/N", violation.text())
