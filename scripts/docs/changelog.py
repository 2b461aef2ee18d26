"""The changelog page: the breaking-change gate run over the spec's history.

Which revisions: every release tag reachable from HEAD (oldest first), or, when the
repository has no tags, every commit that changed `spec/` (`git log -- spec`). Each revision
is compared with the one before it by the gate itself (scripts/breaking/gate.py: both specs
resolved, `diff_documents`, judged by the acknowledgement file of the newer revision, sunset
dates compared with the newer revision's commit date) and its JSON document
(`render_json`, what `python -m scripts.breaking --base A --head B --format json` prints) is
what the page is built from. When `spec/` has uncommitted changes, the working tree is one
more revision, "Unreleased".

Cost: each comparison loads two specs (git archive, bundle, dereference): 4.4 s for the 16
pairs of today's history, so each pair's document is cached under build/docs-cache/changelog/
with the two commit ids as its key (a commit never changes; a cached build reads 16 small
files, 0.02 s). Each file also records a fingerprint of the gate's own code
(scripts/breaking/*.py) and is recomputed when that changes, so a new or reworded rule shows
on the page at the next build. The working tree's comparison is never cached.

The page lists revisions newest first; within each, breaking changes first, then warnings,
then the other changes (wording changes of one operation on one line). Revisions that changed
nothing a partner can see (a file of `spec/` that is not the API) are counted, not listed.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from typing import Any

from scripts.breaking import gate
from scripts.breaking.diff import diff_documents

REPO_ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = REPO_ROOT / "build" / "docs-cache" / "changelog"
SPEC = gate.DEFAULT_SPEC
ACK = gate.DEFAULT_ACK
CACHE_VERSION = 1
GATE_DIR = REPO_ROOT / "scripts" / "breaking"
WORDING_RULES = ("description-changed", "summary-changed")
FOLD_AFTER = 12  # longer lists of one kind are folded (<details>) on the page


@dataclass(frozen=True)
class Revision:
    """One point of the spec's history: a tag, a commit, or the working tree (commit None)."""

    commit: str | None
    label: str
    day: date


@dataclass(frozen=True)
class Entry:
    """What changed in `revision` since `base`: the gate's JSON document, and the API version."""

    revision: Revision
    base: Revision | None
    version: str
    document: dict[str, Any]

    @property
    def findings(self) -> list[dict[str, Any]]:
        return list(self.document["findings"])

    @property
    def anchor(self) -> str:
        return "unreleased" if self.revision.commit is None else f"rev-{self.revision.label}"


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    return done.stdout if done.returncode == 0 else ""


def _day(iso: str) -> date:
    return datetime.fromisoformat(iso.strip()).astimezone(UTC).date()


def revisions(repo: Path, folder: str = "spec") -> list[Revision]:
    """Release tags reachable from HEAD, oldest first; without tags, every commit that
    changed `folder`."""
    tags = _git(repo, "tag", "--merged", "HEAD", "--sort=creatordate").split()
    found: list[Revision] = []
    for tag in tags:
        fields = _git(repo, "log", "-1", "--format=%H %cI", f"{tag}^{{commit}}").split()
        if len(fields) == 2:
            found.append(Revision(fields[0], tag, _day(fields[1])))
    if found:
        return found
    for line in _git(repo, "log", "--reverse", "--format=%H %cI", "--", folder).splitlines():
        commit, iso = line.split()
        found.append(Revision(commit, commit[:7], _day(iso)))
    return found


def dirty(repo: Path, folder: str = "spec") -> bool:
    """Whether `folder` has uncommitted changes (the working tree is then a revision too)."""
    return bool(_git(repo, "status", "--porcelain", "--", folder).strip())


class _Specs:
    """Specs by commit, loaded once per build (each commit is the base of one pair and the
    head of another)."""

    def __init__(self, repo: Path) -> None:
        self.repo = repo
        self._loaded: dict[str | None, dict[str, Any] | None] = {}

    def get(self, commit: str | None) -> dict[str, Any] | None:
        if commit not in self._loaded:
            try:
                if commit is None:
                    self._loaded[commit] = gate.load_spec(self.repo / SPEC)
                else:
                    self._loaded[commit] = gate.spec_at(self.repo, commit, SPEC)
            except gate.UsageError:
                self._loaded[commit] = None  # a revision the gate cannot read: not compared
        return self._loaded[commit]


def _acknowledgements(repo: Path, commit: str | None) -> list[gate.Acknowledgement]:
    try:
        if commit is None:
            return gate.load_acknowledgements(repo / ACK)
        return gate.acknowledgements_at(repo, commit, ACK)
    except gate.UsageError:
        return []  # an acknowledgement file the gate refuses: findings shown unacknowledged


def _compare(
    repo: Path, specs: _Specs, base: Revision, head: Revision
) -> tuple[str, dict[str, Any]] | None:
    """(head's API version, the gate's JSON document), or None if either spec is missing."""
    old, new = specs.get(base.commit), specs.get(head.commit)
    if old is None or new is None:
        return None
    changes = diff_documents(old, new, today=head.day)
    verdict = gate.judge(changes, _acknowledgements(repo, head.commit))
    text = gate.render_json(changes, verdict, {"ref": base.label, "commit": base.commit}, head.day)
    return str(new.get("info", {}).get("version", "")), json.loads(text)


def history(repo: Path = REPO_ROOT, cache_dir: Path = CACHE_DIR) -> list[Entry]:
    """Every revision compared with the one before it, newest first (see `split`)."""
    points = revisions(repo)
    if dirty(repo):
        points.append(Revision(None, "Unreleased", datetime.now(UTC).date()))
    specs = _Specs(repo)
    entries: list[Entry] = []
    for base, head in itertools.pairwise(points):
        compared = _cached(cache_dir, base, head)
        if compared is None:
            found = _compare(repo, specs, base, head)
            compared = {"version": found[0], "document": found[1]} if found else {}
            _store(cache_dir, base, head, compared)
        if compared:
            entries.append(Entry(head, base, compared["version"], compared["document"]))
    return list(reversed(entries))


@functools.cache
def gate_fingerprint() -> str:
    """A hash of the gate's code: cached comparisons made by other code are not reused."""
    digest = hashlib.sha256()
    for path in sorted(GATE_DIR.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _cache_file(cache_dir: Path, base: Revision, head: Revision) -> Path | None:
    if base.commit is None or head.commit is None:
        return None
    return cache_dir / f"{base.commit}..{head.commit}.json"


def _cached(cache_dir: Path, base: Revision, head: Revision) -> dict[str, Any] | None:
    path = _cache_file(cache_dir, base, head)
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("cache") != CACHE_VERSION:
        return None
    if data.get("gate") != gate_fingerprint():
        return None
    compared = data.get("compared")
    return compared if isinstance(compared, dict) else None


def _store(cache_dir: Path, base: Revision, head: Revision, compared: dict[str, Any]) -> None:
    path = _cache_file(cache_dir, base, head)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    record = {"cache": CACHE_VERSION, "gate": gate_fingerprint(), "compared": compared}
    partial.write_text(json.dumps(record), "utf-8")
    partial.replace(path)


# --------------------------------------------------------------------------- rendering


def is_wording(finding: dict[str, Any]) -> bool:
    return finding["level"] == "info" and str(finding["rule"]).endswith(WORDING_RULES)


def sections(entry: Entry) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(css class, heading, findings) in the page's order: breaking changes first."""
    findings = entry.findings
    return [
        ("breaking", "Breaking changes", [f for f in findings if f["level"] == "error"]),
        ("warnings", "Warnings", [f for f in findings if f["level"] == "warning"]),
        ("other", "Other changes", [f for f in findings if f["level"] == "info"]),
    ]


def summary(entry: Entry) -> str:
    counts = entry.document["summary"]
    operations = len({f["operation"] for f in entry.findings})

    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'s' * (count != 1)}"

    return (
        f"{plural(counts['error'], 'breaking change')}, {plural(counts['warning'], 'warning')}"
        f" and {plural(counts['info'], 'other change')} in {plural(operations, 'operation')}."
    )


def title(entry: Entry) -> str:
    if entry.revision.commit is None:
        return "Unreleased"
    if entry.revision.label == entry.revision.commit[:7]:
        return f"Revision {entry.revision.label}"
    return entry.revision.label


def grouped(findings: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    """(operation, its findings, the places whose wording changed), in the gate's order."""
    groups: dict[str, tuple[list[dict[str, Any]], list[str]]] = {}
    for finding in findings:
        listed, reworded = groups.setdefault(finding["operation"], ([], []))
        if is_wording(finding):
            reworded.append(finding["location"])
        else:
            listed.append(finding)
    return [(operation, listed, reworded) for operation, (listed, reworded) in groups.items()]


def describe(finding: dict[str, Any]) -> tuple[str, str]:
    """(where, what): the place in the operation ('' for the operation itself), the change."""
    where = "" if finding["location"] == "operation" else str(finding["location"])
    return where, str(finding["message"])


def by_reason(findings: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Acknowledged findings grouped by their reason (one deliberate change often shows in
    many places), in order of first appearance; the rest under the reason ''."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        groups.setdefault(str(finding["reason"] or ""), []).append(finding)
    return sorted(groups.items(), key=lambda item: item[0] == "")


def _md_lines(findings: list[dict[str, Any]]) -> list[str]:
    out = []
    for operation, listed, reworded in grouped(findings):
        for finding in listed:
            where, what = describe(finding)
            out.append(f"- `{operation}`" + (f" `{where}`" if where else "") + f": {what}.")
        if reworded:
            places = ", ".join(f"`{place}`" for place in reworded)
            out.append(f"- `{operation}`: documentation reworded ({places}).")
    return out


def markdown(entries: list[Entry], unlisted: int = 0) -> str:
    """The changelog as Markdown (changelog.md: for assistants, or release notes)."""
    out = ["# API changelog", "", INTRO, ""]
    for entry in entries:
        out += [f"## {title(entry)} ({entry.revision.day.isoformat()})", ""]
        out += [f"API version {entry.version}. {summary(entry)}", ""]
        for _, heading, findings in sections(entry):
            if not findings:
                continue
            out += [f"### {heading}", ""]
            for reason, group in by_reason(findings):
                if reason:
                    out += [f"{reason} In {_places(group)}:", ""]
                out += [*_md_lines(group), ""]
    if not entries:
        out += ["No change to the API yet.", ""]
    if unlisted:
        out += [_unlisted(unlisted), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _places(findings: list[dict[str, Any]]) -> str:
    operations = len({f["operation"] for f in findings})
    places = "1 place" if len(findings) == 1 else f"{len(findings)} places"
    return places + (" of 1 operation" if operations == 1 else f" of {operations} operations")


def _html_items(findings: list[dict[str, Any]]) -> str:
    out = []
    for operation, listed, reworded in grouped(findings):
        for finding in listed:
            where, what = describe(finding)
            place = f" <code>{escape(where)}</code>" if where else ""
            out.append(
                f'<li title="{escape(finding["rule"])}"><code>{escape(operation)}</code>'
                f"{place}: {escape(what)}.</li>"
            )
        if reworded:
            places = ", ".join(f"<code>{escape(place)}</code>" for place in reworded)
            out.append(
                f"<li><code>{escape(operation)}</code>: documentation reworded ({places}).</li>"
            )
    return "<ul>" + "".join(out) + "</ul>"


def _html_section(css: str, heading: str, findings: list[dict[str, Any]]) -> str:
    out = [f'<div class="{css}"><h4>{heading}</h4>']
    for reason, group in by_reason(findings):
        items = _html_items(group)
        if reason:
            out.append(
                f'<p class="why">{escape(reason)}</p><details><summary>In'
                f" {_places(group)}</summary>{items}</details>"
            )
        elif len(group) > FOLD_AFTER:
            out.append(
                f"<details><summary>{_places(group).capitalize()}</summary>{items}</details>"
            )
        else:
            out.append(items)
    out.append("</div>")
    return "".join(out)


def html_body(entries: list[Entry], unlisted: int = 0) -> str:
    """The changelog as the page's <main> content (every heading has an id to link to)."""
    out = ['<h1 id="api-changelog">API changelog</h1>', f"<p>{escape(INTRO)}</p>"]
    if entries:
        items = "".join(
            f'<li><a href="#{entry.anchor}">{escape(title(entry))}</a>'
            f" ({entry.revision.day.isoformat()}): {escape(summary(entry))}</li>"
            for entry in entries
        )
        out.append(f'<ul class="revisions">{items}</ul>')
    else:
        out.append("<p>No change to the API yet.</p>")
    for entry in entries:
        base = entry.base.label if entry.base else ""
        out.append(
            f'<section class="release" id="{entry.anchor}">'
            f'<h2>{escape(title(entry))}<a class="anchor" href="#{entry.anchor}"'
            f' title="Link to this revision">#</a></h2>'
            f'<p class="meta">{entry.revision.day.isoformat()} · API version'
            f" {escape(entry.version)} · compared with {escape(base)}</p>"
            f"<p>{escape(summary(entry))}</p>"
        )
        out += [_html_section(*section) for section in sections(entry) if section[2]]
        out.append("</section>")
    if unlisted:
        out.append(f"<p>{escape(_unlisted(unlisted))}</p>")
    return "\n".join(out)


def _unlisted(count: int) -> str:
    revisions = "1 more revision" if count == 1 else f"{count} more revisions"
    verb = "is" if count == 1 else "are"
    return (
        f"{revisions} of the contract changed its files without changing the API, and {verb}"
        " not listed."
    )


def split(entries: list[Entry]) -> tuple[list[Entry], int]:
    """(the entries that changed the API, how many others there were)."""
    listed = [entry for entry in entries if entry.findings]
    return listed, len(entries) - len(listed)


INTRO = (
    "Every change to the Signly Partner API, newest first. Within each revision, breaking"
    " changes come first: a breaking change can stop a client written against the previous"
    " revision from working (in what you send, fewer values accepted; in what you read, more"
    " values possible). Warnings announce a deprecation or a removal after its sunset date;"
    " other changes are compatible."
)
