"""Fail when the spec changed in a way that breaks partners' clients, unless a maintainer said so.

`python -m scripts.breaking --base REF [--head REF] [--changelog PATH]
[--format markdown|json] [--today YYYY-MM-DD]` compares the spec at a git ref (default
`HEAD~1`: on CI, the previous commit on main) with the working tree (or with the spec at
`--head`, judged by that commit's acknowledgement file: the docs' changelog page runs it
over the spec's history) and classifies every change per operation (the
differ is `scripts/breaking/diff.py`, the rules and their levels `scripts/breaking/rules.py`).
Each finding is an `error` (breaking), a `warning` (reported, never failing) or `info` (a
compatible change). The run exits 1 if an error is not acknowledged in
`spec/breaking-changes-acknowledged.yaml`, 2 on unusable input, else 0.

Output: one document per run, in the `--format` asked for. `markdown` (default) is the
changelog for release notes; `json` is the same findings for CI to annotate a pull request:
`{"base", "today", "summary", "findings", "stale_acknowledgements"}`, each finding with
`rule, level, operation, location, message, acknowledged, reason` in that order, findings in
changelog order. With `--changelog PATH` the document goes to PATH only, else to stdout
and to `reports/changelog.md` (or `.json`). One option rather than a second output path
keeps a run simple; CI that wants both runs the gate twice. `--rules` prints the rule
catalogue instead (`--format markdown` is `docs/breaking-change-rules.md`).

Why the base spec comes from `git archive` rather than a checkout: it works on a clean clone
and on a dirty tree alike, and never touches files other engineers are editing. Why both
documents are fully dereferenced first: a `$ref` moved between files is no change to a
client, so only the resolved shapes are compared. Why `--today`: sunset dates are compared
with the current UTC date, which a test (or a re-run of an old build) must be able to fix.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from scripts.breaking import rules as breaking_rules
from scripts.breaking.diff import Change, diff_documents, iso_date, utc_today
from scripts.breaking.rules import LEVEL_RANK, RULES
from scripts.pipeline.bundle import BundleError, bundle, dereference

DEFAULT_SPEC = "spec/openapi.yaml"
DEFAULT_ACK = "spec/breaking-changes-acknowledged.yaml"
DEFAULT_CHANGELOG = "reports/changelog"  # + .md or .json, after --format
FORMATS = ("markdown", "json")
ACK_KEYS = ("rule", "operation", "location", "reason")


class UsageError(Exception):
    """The inputs cannot be compared (bad ack file, unreadable spec): exit 2, not 1."""


@dataclass(frozen=True)
class Acknowledgement:
    """A maintainer's "this break is intended", for one rule at the places it names.

    `operation` and `location` are exact, or globs where `*` stands for any text (and no
    other character is special, so `data[].status` means what it says): one entry can then
    acknowledge one deliberate change that shows in many places, such as a value list made
    extensible in every answer. `rule` is always exact.
    """

    rule: str
    operation: str
    location: str
    reason: str

    @property
    def key(self) -> tuple[str, str, str]:
        """The identity that must equal a change's `key` exactly."""
        return (self.rule, self.operation, self.location)

    def matches(self, change: Change) -> bool:
        return (
            change.rule == self.rule
            and _glob(self.operation).fullmatch(change.operation) is not None
            and _glob(self.location).fullmatch(change.location) is not None
        )


@functools.cache
def _glob(pattern: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")), re.S)


@dataclass(frozen=True)
class Verdict:
    """Breaking changes split by acknowledgement, plus acknowledgements that match nothing."""

    acknowledged: dict[Change, Acknowledgement]
    unacknowledged: list[Change]
    stale: list[Acknowledgement]


# --------------------------------------------------------------------------- git


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)


def resolve_ref(repo: Path, ref: str) -> str | None:
    """The commit a ref names, or None when it does not exist (a first commit has no HEAD~1)."""
    done = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    return done.stdout.decode().strip() if done.returncode == 0 else None


def export_tree(repo: Path, commit: str, folder: str, into: Path) -> bool:
    """Extract `folder` as it is at `commit` under `into`; False if it did not exist there."""
    done = _git(repo, "archive", "--format=tar", commit, folder)
    if done.returncode != 0:
        return False
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(into, filter="data")
    return True


# --------------------------------------------------------------------------- loading


def load_spec(root_file: Path) -> dict[str, Any]:
    """The spec with every reference resolved (recursive ones stay as internal `$ref`s)."""
    try:
        return dereference(bundle(root_file))
    except (BundleError, OSError, yaml.YAMLError) as error:
        raise UsageError(f"cannot load {root_file}: {error}") from error


def load_acknowledgements(path: Path) -> list[Acknowledgement]:
    """Read the maintainer's file; anything ambiguous is an error, never silently ignored."""
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("acknowledged") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UsageError(f"{path}: expected a mapping with an `acknowledged` list")
    return [_acknowledgement(path, index, entry) for index, entry in enumerate(entries)]


def _acknowledgement(path: Path, index: int, entry: Any) -> Acknowledgement:
    where = f"{path}: acknowledged[{index}]"
    if not isinstance(entry, dict):
        raise UsageError(f"{where}: expected a mapping with {', '.join(ACK_KEYS)}")
    unknown = sorted(set(entry) - set(ACK_KEYS))
    if unknown:
        raise UsageError(f"{where}: unknown keys {unknown}")
    for key in ACK_KEYS:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise UsageError(f"{where}: `{key}` must be a non-empty string")
    if entry["reason"].strip().upper().startswith("TODO"):
        raise UsageError(f"{where}: write the reason partners will read, not TODO")
    rule = RULES.get(entry["rule"].strip())
    if rule is None:
        raise UsageError(
            f"{where}: unknown rule `{entry['rule'].strip()}` "
            "(`python -m scripts.breaking --rules` lists them)"
        )
    if not rule.can_fail:
        raise UsageError(
            f"{where}: rule `{rule.id}` is never an error (level {'/'.join(rule.levels)}); "
            "only errors fail the gate, so only errors are acknowledged"
        )
    return Acknowledgement(**{key: entry[key].strip() for key in ACK_KEYS})


# --------------------------------------------------------------------------- judging


def judge(changes: list[Change], acks: list[Acknowledgement]) -> Verdict:
    """Match acknowledgements to breaking changes: the rule exactly, operation and location
    exactly or by glob; the first matching entry wins."""
    acknowledged: dict[Change, Acknowledgement] = {}
    for change in (c for c in changes if c.breaking):
        ack = next((a for a in acks if a.matches(change)), None)
        if ack is not None:
            acknowledged[change] = ack
    used = {id(ack) for ack in acknowledged.values()}
    return Verdict(
        acknowledged=acknowledged,
        unacknowledged=[c for c in changes if c.breaking and c not in acknowledged],
        stale=[ack for ack in acks if id(ack) not in used],
    )


# --------------------------------------------------------------------------- changelog


def render_changelog(changes: list[Change], verdict: Verdict, base_label: str) -> str:
    """Markdown for release notes: operations with errors first; errors, warnings, then info."""
    lines = [f"## API changes since {base_label}", ""]
    if not changes:
        return "\n".join([*lines, "No change to the API.", ""])
    lines += [_summary(changes, verdict), ""]
    for operation, group in by_operation(changes):
        lines.append(f"### `{operation}`")
        lines += [_changelog_line(c, verdict) for c in group if not is_documentation(c)]
        documentation = [c.location for c in group if is_documentation(c)]
        if documentation:
            places = ", ".join(f"`{location}`" for location in documentation)
            lines.append(f"- Documentation reworded: {places}.")
        lines.append("")
    return "\n".join(lines)


def is_documentation(change: Change) -> bool:
    """Wording changes are listed on one line per operation: release notes stay readable."""
    return change.level == "info" and change.rule.endswith(
        ("description-changed", "summary-changed")
    )


def counts(changes: list[Change]) -> dict[str, int]:
    """How many findings of each level, most severe first."""
    return {level: sum(c.level == level for c in changes) for level in LEVEL_RANK}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _summary(changes: list[Change], verdict: Verdict) -> str:
    per_level = counts(changes)
    operations = len({c.operation for c in changes})
    acked = f" ({len(verdict.acknowledged)} acknowledged)" if verdict.acknowledged else ""
    return (
        f"{_plural(per_level['error'], 'breaking change')}{acked}, "
        f"{_plural(per_level['warning'], 'warning')} and "
        f"{_plural(per_level['info'], 'other change')} "
        f"in {_plural(operations, 'operation')}."
    )


def by_operation(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """Operations by their most severe finding, then name; findings by level, then location."""
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.operation, []).append(change)
    ordered = sorted(
        groups.items(), key=lambda item: (min(LEVEL_RANK[c.level] for c in item[1]), item[0])
    )
    return [
        (name, sorted(group, key=lambda c: (LEVEL_RANK[c.level], c.location, c.rule)))
        for name, group in ordered
    ]


LINE_PREFIX = {"error": "**Breaking:** ", "warning": "**Warning:** ", "info": ""}


def _changelog_line(change: Change, verdict: Verdict) -> str:
    where = "" if change.location == "operation" else f"`{change.location}`: "
    line = f"- {LINE_PREFIX[change.level]}{where}{change.message} (`{change.rule}`)"
    ack = verdict.acknowledged.get(change)
    return f"{line}. Acknowledged: {ack.reason}" if ack else line


def render_json(
    changes: list[Change], verdict: Verdict, base: dict[str, str | None], today: date
) -> str:
    """The findings for CI annotations; keys in a fixed order, findings in changelog order."""
    findings = []
    for _, group in by_operation(changes):
        for change in group:
            ack = verdict.acknowledged.get(change)
            findings.append(
                {
                    "rule": change.rule,
                    "level": change.level,
                    "operation": change.operation,
                    "location": change.location,
                    "message": change.message,
                    "acknowledged": ack is not None,
                    "reason": ack.reason if ack else None,
                }
            )
    summary = {
        **counts(changes),
        "acknowledged": len(verdict.acknowledged),
        "unacknowledged": len(verdict.unacknowledged),
    }
    stale = [
        {"rule": a.rule, "operation": a.operation, "location": a.location, "reason": a.reason}
        for a in verdict.stale
    ]
    document = {
        "base": base,
        "today": today.isoformat(),
        "summary": summary,
        "findings": findings,
        "stale_acknowledgements": stale,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- report


def ack_snippet(changes: list[Change]) -> str:
    """Entries ready to paste into the acknowledgement file, reason left for the maintainer."""
    entries = [
        {"rule": c.rule, "operation": c.operation, "location": c.location, "reason": "TODO: why"}
        for c in changes
    ]
    return yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=1000)


def report(verdict: Verdict, changes: list[Change], ack_path: str) -> None:
    """Tell the maintainer on stderr what failed, what to look at and how to acknowledge."""
    per_level = counts(changes)
    print(
        f"breaking: {len(changes)} change(s), {per_level['error']} breaking "
        f"({len(verdict.acknowledged)} acknowledged), {per_level['warning']} warning(s), "
        f"{per_level['info']} info",
        file=sys.stderr,
    )
    for change in (c for c in changes if c.level == "warning"):
        print(
            f"breaking: warning: {change.operation} | {change.location}: {change.message} "
            f"({change.rule})",
            file=sys.stderr,
        )
    for ack in verdict.stale:
        print(
            f"breaking: stale acknowledgement in {ack_path} (matches no change, remove it): "
            f"{ack.rule} | {ack.operation} | {ack.location}",
            file=sys.stderr,
        )
    if verdict.unacknowledged:
        print(
            f"breaking: {len(verdict.unacknowledged)} unacknowledged breaking change(s); "
            f"if intended, add to {ack_path} under `acknowledged:`:\n"
            + ack_snippet(verdict.unacknowledged),
            file=sys.stderr,
        )


# --------------------------------------------------------------------------- CLI


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; every path is relative to the repository root."""
    parser = argparse.ArgumentParser(prog="python -m scripts.breaking", description=__doc__)
    parser.add_argument("--base", default="HEAD~1", help="git ref to compare with (HEAD~1)")
    parser.add_argument(
        "--head", help="compare with the spec at this git ref, not the working tree"
    )
    parser.add_argument(
        "--changelog", help=f"write the output here (else stdout + {DEFAULT_CHANGELOG}.md/.json)"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="markdown", help="changelog (markdown) or json"
    )
    parser.add_argument(
        "--today",
        type=_iso_date,
        help="the date sunset dates are compared with (default: today, UTC), YYYY-MM-DD",
    )
    parser.add_argument(
        "--rules", action="store_true", help="print the rule catalogue in --format and exit"
    )
    parser.add_argument("--spec", default=DEFAULT_SPEC, help=f"root spec file ({DEFAULT_SPEC})")
    parser.add_argument("--ack", default=DEFAULT_ACK, help=f"acknowledgement file ({DEFAULT_ACK})")
    parser.add_argument("--repo", type=Path, help="repository root (default: the one around cwd)")
    return parser.parse_args(argv)


def _iso_date(text: str) -> date:
    parsed = iso_date(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}")
    return parsed


def repo_root(start: Path) -> Path:
    """The work tree around `start`: paths and the base ref are both taken from it."""
    done = _git(start, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise UsageError(f"{start} is not inside a git work tree")
    return Path(done.stdout.decode().strip())


def spec_at(repo: Path, commit: str, spec: str) -> dict[str, Any] | None:
    """The resolved spec as it is at `commit`, or None if it had no spec."""
    folder = Path(spec).parts[0]
    with tempfile.TemporaryDirectory(prefix="breaking-") as tmp:
        if not export_tree(repo, commit, folder, Path(tmp)) or not (Path(tmp) / spec).is_file():
            return None
        return load_spec(Path(tmp) / spec)


def acknowledgements_at(repo: Path, commit: str, ack: str) -> list[Acknowledgement]:
    """The acknowledgement file as it is at `commit` (none if it did not exist there)."""
    done = _git(repo, "show", f"{commit}:{ack}")
    if done.returncode != 0:
        return []
    with tempfile.TemporaryDirectory(prefix="breaking-ack-") as tmp:
        path = Path(tmp) / Path(ack).name
        path.write_bytes(done.stdout)
        return load_acknowledgements(path)


def compare(
    repo: Path, commit: str, spec: str, today: date, head: str | None = None
) -> list[Change] | None:
    """Changes from the spec at `commit` to the working tree's (or to the spec at `head`),
    or None if `commit` had no spec."""
    base = spec_at(repo, commit, spec)
    if base is None:
        return None
    current = load_spec(repo / spec) if head is None else spec_at(repo, head, spec)
    if current is None:
        raise UsageError(f"{spec} does not exist at {head}")
    return diff_documents(base, current, today=today)


def write_changelog(text: str, repo: Path, target: str | None, fmt: str = "markdown") -> None:
    """An explicit path gets the file only; by default print it and keep a copy in reports/."""
    if target is None:
        print(text, end="")
    suffix = ".json" if fmt == "json" else ".md"
    path = Path(target) if target is not None else repo / (DEFAULT_CHANGELOG + suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def render_rules(fmt: str) -> str:
    """The rule catalogue; its Markdown is the committed `docs/breaking-change-rules.md`."""
    return breaking_rules.render_json() if fmt == "json" else breaking_rules.render_markdown()


def _nothing_to_compare(args: argparse.Namespace, repo: Path, today: date, why: str) -> int:
    """Pass; in JSON, still write a document (with no findings) for CI to read."""
    if args.format != "json":
        print(f"breaking: {why}: nothing to compare")
        return 0
    print(f"breaking: {why}: nothing to compare", file=sys.stderr)
    base = {"ref": args.base, "commit": None}
    text = render_json([], judge([], []), base, today)
    write_changelog(text, repo, args.changelog, args.format)
    return 0


def run(args: argparse.Namespace) -> int:
    """0: nothing unacknowledged breaks; 1: something does."""
    if args.rules:
        print(render_rules(args.format), end="")
        return 0
    today: date = args.today or utc_today()
    repo = args.repo.resolve() if args.repo else repo_root(Path.cwd())
    commit = resolve_ref(repo, args.base)
    if commit is None:
        why = f"base ref {args.base!r} does not exist (first commit?)"
        return _nothing_to_compare(args, repo, today, why)
    head = None
    if args.head is not None:
        head = resolve_ref(repo, args.head)
        if head is None:
            raise UsageError(f"head ref {args.head!r} does not exist")
    changes = compare(repo, commit, args.spec, today, head)
    if changes is None:
        return _nothing_to_compare(args, repo, today, f"{args.spec} does not exist at {args.base}")
    acks = (
        load_acknowledgements(repo / args.ack)
        if head is None
        else acknowledgements_at(repo, head, args.ack)
    )
    verdict = judge(changes, acks)
    if args.format == "json":
        text = render_json(changes, verdict, {"ref": args.base, "commit": commit}, today)
    else:
        text = render_changelog(changes, verdict, f"`{args.base}` ({commit[:10]})")
    write_changelog(text, repo, args.changelog, args.format)
    report(verdict, changes, args.ack)
    return 1 if verdict.unacknowledged else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; usage errors exit 2 with one line on stderr."""
    args = parse_args(argv)
    try:
        return run(args)
    except UsageError as error:
        print(f"breaking: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
