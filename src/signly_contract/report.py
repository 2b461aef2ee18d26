"""What the run found, per operation and per check, in a form a person can act on.

Why a collector of our own: the run mixes schemathesis phases and our property tests, and a
reader wants one table (operation x check: passed / failed) plus every failure with its
reproducing curl line and the response — not one pytest traceback per test. The plugin
prints it at the end and writes it as JSON next to the JUnit XML; the planted-fault tests
read the same structure to assert that the right check named the fault.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One failed check: where, which rule, how to reproduce, what came back."""

    operation: str
    check: str
    message: str
    curl: str = ""
    response: str = ""


@dataclass
class Report:
    """Thread-safe tally of check outcomes and the failures behind them."""

    passed: Counter[tuple[str, str]] = field(default_factory=Counter)
    failed: Counter[tuple[str, str]] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    cases: int = 0
    stateful_steps: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, operation: str, check: str, ok: bool, finding: Finding | None = None) -> None:
        with self._lock:
            if ok:
                self.passed[(operation, check)] += 1
                return
            self.failed[(operation, check)] += 1
            if finding is not None and not any(
                (f.operation, f.check, f.message)
                == (finding.operation, finding.check, finding.message)
                for f in self.findings
            ):
                self.findings.append(finding)

    def count_case(self, stateful: bool = False) -> None:
        with self._lock:
            self.cases += 1
            if stateful:
                self.stateful_steps += 1

    def failed_checks(self) -> set[str]:
        return {check for (_, check), count in self.failed.items() if count}

    def reset(self) -> None:
        with self._lock:
            self.passed.clear()
            self.failed.clear()
            self.findings.clear()
            self.cases = 0
            self.stateful_steps = 0

    def by_operation(self) -> list[tuple[str, int, int]]:
        totals: dict[str, list[int]] = {}
        for (operation, _), count in self.passed.items():
            totals.setdefault(operation, [0, 0])[0] += count
        for (operation, _), count in self.failed.items():
            totals.setdefault(operation, [0, 0])[1] += count
        return sorted((op, ok, bad) for op, (ok, bad) in totals.items())

    def by_check(self) -> list[tuple[str, int, int]]:
        totals: dict[str, list[int]] = {}
        for (_, check), count in self.passed.items():
            totals.setdefault(check, [0, 0])[0] += count
        for (_, check), count in self.failed.items():
            totals.setdefault(check, [0, 0])[1] += count
        return sorted((check, ok, bad) for check, (ok, bad) in totals.items())

    def render(self, max_findings: int = 50) -> list[str]:
        lines = [
            f"cases: {self.cases} (stateful steps: {self.stateful_steps})",
            "",
            "per operation:",
        ]
        lines += [
            f"  {'FAIL' if bad else 'ok  '} {op:<62} passed {ok:>6}  failed {bad:>4}"
            for op, ok, bad in self.by_operation()
        ]
        lines += ["", "per check:"]
        lines += [
            f"  {'FAIL' if bad else 'ok  '} {check:<62} passed {ok:>6}  failed {bad:>4}"
            for check, ok, bad in self.by_check()
        ]
        if self.findings:
            lines += ["", f"failures ({len(self.findings)} distinct):"]
            for index, finding in enumerate(self.findings[:max_findings], 1):
                lines += [
                    "",
                    f"{index}. [{finding.check}] {finding.operation}",
                    f"   {finding.message}",
                ]
                if finding.curl:
                    lines.append(f"   reproduce: {finding.curl}")
                if finding.response:
                    lines += [f"   | {line}" for line in finding.response.splitlines()[:25]]
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "stateful_steps": self.stateful_steps,
            "operations": [
                {"operation": o, "passed": p, "failed": f} for o, p, f in self.by_operation()
            ],
            "checks": [{"check": c, "passed": p, "failed": f} for c, p, f in self.by_check()],
            "findings": [asdict(f) for f in self.findings],
        }

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=2), encoding="utf-8")


REPORT = Report()
