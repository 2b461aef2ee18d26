"""What the run found, per operation and per check, in a form a person can act on.

Why a collector of our own: the run mixes schemathesis phases and our property tests, and a
reader wants one table (operation x check: passed / failed) plus every failure with its
reproducing curl line and the response — not one pytest traceback per test. The plugin
prints it at the end and writes it as JSON and as one offline HTML page next to the JUnit
XML; the planted-fault tests read the same structure to assert that the right check named
the fault. It also carries the run's coverage (coverage.py): every exchange of the run
passes through `Report.observe`, from our client and from schemathesis's session alike.

Under `--workers N` each pytest-xdist worker keeps its own Report; `to_state` / `merge`
carry them to the controller, which prints and writes the one summary.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from signly_contract.coverage import SCOPE, Coverage


@dataclass(frozen=True)
class Finding:
    """One failed check: where, which rule, how to reproduce, what came back."""

    operation: str
    check: str
    message: str
    curl: str = ""
    response: str = ""
    cassette: str = ""  # the HAR file that replays it (`signly-contract replay PATH`)


@dataclass
class Report:
    """Thread-safe tally of check outcomes and the failures behind them."""

    passed: Counter[tuple[str, str]] = field(default_factory=Counter)
    failed: Counter[tuple[str, str]] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    cases: int = 0
    stateful_steps: int = 0
    coverage: Coverage = field(default_factory=Coverage)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def observe(self, method: str, url: str, headers: Any, body: bytes | None, status: int) -> None:
        """One exchange as sent and received (coverage.py says what is kept of it)."""
        self.coverage.observe(method, url, headers, body, status)

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

    def is_new(self, operation: str, check: str, message: str) -> bool:
        """Whether no finding like this one was recorded yet."""
        with self._lock:
            return not any(
                (f.operation, f.check, f.message) == (operation, check, message)
                for f in self.findings
            )

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
        self.coverage.reset()

    def to_state(self) -> dict[str, Any]:
        """Everything, as plain JSON (a pytest-xdist worker sends it to the controller)."""
        with self._lock:
            return {
                "passed": [[op, check, n] for (op, check), n in self.passed.items()],
                "failed": [[op, check, n] for (op, check), n in self.failed.items()],
                "findings": [asdict(f) for f in self.findings],
                "cases": self.cases,
                "stateful_steps": self.stateful_steps,
                "coverage": self.coverage.to_state(),
            }

    def merge(self, state: dict[str, Any]) -> None:
        with self._lock:
            for op, check, count in state["passed"]:
                self.passed[(op, check)] += count
            for op, check, count in state["failed"]:
                self.failed[(op, check)] += count
            known = {(f.operation, f.check, f.message) for f in self.findings}
            for raw in state["findings"]:
                finding = Finding(**raw)
                if (finding.operation, finding.check, finding.message) not in known:
                    self.findings.append(finding)
            self.cases += state["cases"]
            self.stateful_steps += state["stateful_steps"]
        self.coverage.merge(state["coverage"])

    def checks_of(self, operation: str) -> list[tuple[str, int, int]]:
        totals: dict[str, list[int]] = {}
        for (op, check), count in self.passed.items():
            if op == operation:
                totals.setdefault(check, [0, 0])[0] += count
        for (op, check), count in self.failed.items():
            if op == operation:
                totals.setdefault(check, [0, 0])[1] += count
        return sorted((check, ok, bad) for check, (ok, bad) in totals.items())

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
                if finding.cassette:
                    lines.append(f"   replay: signly-contract replay {finding.cassette}")
                if finding.response:
                    lines += [f"   | {line}" for line in finding.response.splitlines()[:25]]
        return lines

    def render_coverage(self) -> list[str]:
        """The coverage summary: per operation what was not reached, then the totals; the
        last line is the overall percentage."""
        if not self.coverage.enabled:
            return ["coverage: not recorded (--no-coverage)"]
        lines = ["coverage per operation (documented statuses observed; what was not, and why):"]
        for row in self.coverage.operations():
            documented = row["documented_statuses"]
            missing = row["unreached_statuses"]
            reached = len(documented) - len(missing)
            mark = "ok  " if not missing else "GAP "
            line = f"  {mark} {row['operation']:<62} {reached}/{len(documented)}"
            if row["only_via_prefer"]:
                line += f"  (only when asked, Prefer: {', '.join(row['only_via_prefer'])})"
            lines.append(line)
            reasons: dict[str, list[str]] = {}
            for status, reason in missing.items():
                reasons.setdefault(reason, []).append(status)
            for reason, statuses in reasons.items():
                lines.append(f"         not reached {', '.join(statuses)}: {reason}")
        totals = self.coverage.totals()
        parts = [
            f"{kind.replace('_', ' ')} {100.0 * done / of if of else 100.0:.1f}% ({done}/{of})"
            for kind, (done, of) in totals.items()
        ]
        simulated = self.coverage.simulated_only()
        if simulated:
            parts[0] += f", {simulated} of them only when asked (Prefer or an armed fault)"
        lines += ["", f"coverage over {SCOPE}:", "coverage: " + "; ".join(parts)]
        lines.append(f"coverage {self.coverage.percentage():.1f}%")
        return lines

    def to_json(self) -> dict[str, Any]:
        coverage = self.coverage.operations() if self.coverage.enabled else []
        by_label = {row["operation"]: row for row in coverage}
        operations = []
        for operation, passed, failed in self.by_operation():
            row = {"operation": operation, "passed": passed, "failed": failed}
            row.update(by_label.pop(operation, {}))
            row["checks"] = [
                {"check": c, "passed": p, "failed": f} for c, p, f in self.checks_of(operation)
            ]
            operations.append(row)
        for operation, row in by_label.items():  # documented, never exercised
            operations.append(
                {"operation": operation, "passed": 0, "failed": 0, **row, "checks": []}
            )
        totals = self.coverage.totals() if self.coverage.enabled else {}
        return {
            "cases": self.cases,
            "stateful_steps": self.stateful_steps,
            "coverage": {
                "recorded": self.coverage.enabled,
                "percentage": round(self.coverage.percentage(), 2) if coverage else None,
                "scope": SCOPE,
                "statuses_only_when_asked": self.coverage.simulated_only() if coverage else 0,
                "totals": {k: {"covered": d, "documented": o} for k, (d, o) in totals.items()},
            },
            "operations": sorted(operations, key=lambda row: row["operation"]),
            "checks": [{"check": c, "passed": p, "failed": f} for c, p, f in self.by_check()],
            "findings": [asdict(f) for f in self.findings],
        }

    def write_json(self, path: Path, data: dict[str, Any] | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        body = self.to_json() if data is None else data
        path.write_text(json.dumps(body, indent=2), encoding="utf-8")


REPORT = Report()
