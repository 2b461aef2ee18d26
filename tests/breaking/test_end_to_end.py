"""The CLI on a temporary git repository: base from a ref, revision from the work tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.breaking.gate import main
from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ
from tests.lib.gitrepo import ITEM, commit, init, write

OPERATION = "GET /items/{itemId}"
LOCATION = "response[200].body[application/json].status"
ACK_FILE = "spec/breaking-changes-acknowledged.yaml"
WIDER_STATUS = ITEM.replace("[OPEN, CLOSED]", "[OPEN, CLOSED, ARCHIVED]")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two commits: the spec, then a response enum widened (a breaking change)."""
    repo = init(tmp_path / "repo")
    commit(repo, {"spec/components/schemas/Item.yaml": WIDER_STATUS}, "widen status")
    return repo


def test_first_commit_has_no_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """HEAD~1 does not exist on a first commit: say so and pass."""
    repo = init(tmp_path / "repo")
    assert main(["--repo", str(repo)]) == 0
    assert "does not exist" in capsys.readouterr().out


def test_breaking_commit_fails_and_writes_changelog(repo: Path, tmp_path: Path) -> None:
    """The widened enum found across three files fails the run; the changelog names it."""
    changelog = tmp_path / "out" / "changelog.md"
    assert main(["--repo", str(repo), "--changelog", str(changelog)]) == 1
    text = changelog.read_text(encoding="utf-8")
    assert f"### `{OPERATION}`" in text
    assert f'**Breaking:** `{LOCATION}`: value `"ARCHIVED"` added' in text


def test_clean_tree_against_its_own_head_passes(repo: Path, tmp_path: Path) -> None:
    """Comparing HEAD with an unchanged work tree reports no change."""
    changelog = tmp_path / "changelog.md"
    assert main(["--repo", str(repo), "--base", "HEAD", "--changelog", str(changelog)]) == 0
    assert "No change to the API." in changelog.read_text(encoding="utf-8")


def test_work_tree_edits_are_the_revision(repo: Path, tmp_path: Path) -> None:
    """Uncommitted edits count: the revision is the work tree, not HEAD."""
    write(repo, {"spec/components/schemas/Item.yaml": WIDER_STATUS.replace("note: ", "memo: ")})
    changelog = tmp_path / "changelog.md"
    assert main(["--repo", str(repo), "--base", "HEAD", "--changelog", str(changelog)]) == 1
    assert "response[200].body[application/json].note`: property removed" in changelog.read_text(
        encoding="utf-8"
    )


def test_head_compares_two_commits_and_ignores_the_work_tree(repo: Path, tmp_path: Path) -> None:
    """--head REF: the revision is that commit (the docs' changelog over the spec's history),
    judged by that commit's acknowledgements; work tree edits do not count."""
    write(repo, {"spec/components/schemas/Item.yaml": ITEM.replace("note: ", "memo: ")})
    changelog = tmp_path / "changelog.md"
    args = ["--repo", str(repo), "--base", "HEAD~1", "--head", "HEAD", "--changelog"]
    assert main([*args, str(changelog)]) == 1
    text = changelog.read_text(encoding="utf-8")
    assert 'value `"ARCHIVED"` added' in text and "property removed" not in text
    ack = {"rule": "response-enum-value-added", "operation": OPERATION, "location": LOCATION}
    write(repo, {ACK_FILE: yaml.safe_dump({"acknowledged": [{**ack, "reason": "Announced."}]})})
    assert main([*args, str(changelog)]) == 1, "the work tree's acknowledgement does not count"
    commit(repo, {"spec/components/schemas/Item.yaml": WIDER_STATUS}, "acknowledge")
    assert main(["--repo", str(repo), "--base", "HEAD~2", "--head", "HEAD", "--changelog",
                 str(changelog)]) == 0  # fmt: skip
    assert "Acknowledged: Announced." in changelog.read_text(encoding="utf-8")
    assert main(["--repo", str(repo), "--head", "no-such-ref"]) == 2


def test_moving_a_schema_between_files_is_no_change(repo: Path, tmp_path: Path) -> None:
    """Refs are resolved before comparing: inlining a component changes nothing for clients."""
    path_item = (repo / "spec/paths/items@{itemId}.yaml").read_text(encoding="utf-8")
    inlined = "\n".join("              " + line for line in WIDER_STATUS.splitlines())
    write(
        repo,
        {
            "spec/paths/items@{itemId}.yaml": path_item.replace(
                "              $ref: ../components/schemas/Item.yaml", inlined
            )
        },
    )
    changelog = tmp_path / "changelog.md"
    assert main(["--repo", str(repo), "--base", "HEAD", "--changelog", str(changelog)]) == 0
    assert "No change" in changelog.read_text(encoding="utf-8")


def test_unloadable_spec_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken reference exits 2 with one line, not a traceback."""
    write(repo, {"spec/openapi.yaml": "openapi: 3.1.0\npaths:\n  /x: {$ref: ./missing.yaml}\n"})
    assert main(["--repo", str(repo), "--changelog", os.devnull]) == 2
    assert "cannot load" in capsys.readouterr().err


def test_module_entry_point_from_inside_the_repo(repo: Path) -> None:
    """`python -m scripts.breaking` finds the repo from cwd, prints and keeps the changelog."""
    done = subprocess.run(
        [sys.executable, "-m", "scripts.breaking", "--base", "HEAD~1"],
        cwd=repo,
        env=clean_environ(PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "## API changes since `HEAD~1`" in done.stdout
    assert "unacknowledged breaking change" in done.stderr
    assert (repo / "reports/changelog.md").read_text(encoding="utf-8") == done.stdout


# --------------------------------------------------------------------------- deprecation

DEPRECATED_NOTE = ITEM.replace(
    "  note: {type: string}", "  note: {type: string, deprecated: true, x-sunset: '2026-09-30'}"
)
WITHOUT_NOTE = ITEM.replace("  note: {type: string}\n", "")
NOTE = "response[200].body[application/json].note"


@pytest.fixture
def sunset_repo(tmp_path: Path) -> Path:
    """The spec, then `note` deprecated until 2026-09-30, then `note` removed."""
    repo = init(tmp_path / "sunset")
    commit(repo, {"spec/components/schemas/Item.yaml": DEPRECATED_NOTE}, "deprecate note")
    commit(repo, {"spec/components/schemas/Item.yaml": WITHOUT_NOTE}, "remove note")
    return repo


def _gate(repo: Path, out: Path, *args: str) -> tuple[int, str]:
    code = main(["--repo", str(repo), "--changelog", str(out), *args])
    return code, out.read_text(encoding="utf-8")


def test_deprecation_then_removal_follows_the_sunset_date(
    sunset_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Deprecating passes as info; removing fails before the sunset date, warns from it on."""
    out = tmp_path / "changelog.md"
    # Deprecating and removing within one release announces nothing: a plain removal.
    code, text = _gate(sunset_repo, out, "--base", "HEAD~2", "--today", "2026-12-31")
    assert code == 1 and "property removed (`response-property-removed`)" in text

    write(sunset_repo, {"spec/components/schemas/Item.yaml": DEPRECATED_NOTE})
    code, text = _gate(sunset_repo, out, "--base", "HEAD~2", "--today", "2026-06-01")
    assert code == 0
    assert f"- `{NOTE}`: deprecated, sunset 2026-09-30 (`response-deprecated`)" in text
    assert "0 breaking changes, 0 warnings and 1 other change" in text

    write(sunset_repo, {"spec/components/schemas/Item.yaml": WITHOUT_NOTE})
    capsys.readouterr()
    code, text = _gate(sunset_repo, out, "--today", "2026-09-29")
    assert code == 1
    assert (
        f"**Breaking:** `{NOTE}`: property removed before its announced sunset date 2026-09-30"
        in text
    )
    assert "rule: response-property-removed-before-sunset" in capsys.readouterr().err

    code, text = _gate(sunset_repo, out, "--today", "2026-09-30")
    assert code == 0
    assert (
        f"- **Warning:** `{NOTE}`: property removed as announced (deprecated, sunset "
        "2026-09-30) (`response-property-removed-after-sunset`)"
    ) in text
    assert "0 breaking changes, 1 warning and 0 other changes in 1 operation." in text
    err = capsys.readouterr().err
    assert f"breaking: warning: {OPERATION} | {NOTE}: property removed as announced" in err


def test_today_must_be_a_date(sunset_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A malformed `--today` is a usage error (exit 2), not a silent fallback."""
    with pytest.raises(SystemExit) as stopped:
        main(["--repo", str(sunset_repo), "--today", "30/09/2026"])
    assert stopped.value.code == 2
    assert "expected YYYY-MM-DD" in capsys.readouterr().err


# --------------------------------------------------------------------------- JSON


def test_json_findings_for_ci(sunset_repo: Path, tmp_path: Path) -> None:
    """One object per finding in a fixed key order; acknowledging flips `acknowledged`."""
    out = tmp_path / "findings.json"
    code, text = _gate(sunset_repo, out, "--format", "json", "--today", "2026-09-29")
    assert code == 1
    document = json.loads(text)
    assert list(document) == ["base", "today", "summary", "findings", "stale_acknowledgements"]
    assert document["base"]["ref"] == "HEAD~1" and len(document["base"]["commit"]) == 40
    assert document["today"] == "2026-09-29"
    assert document["summary"] == {
        "error": 1, "warning": 0, "info": 0, "acknowledged": 0, "unacknowledged": 1
    }  # fmt: skip
    expected = {
        "rule": "response-property-removed-before-sunset",
        "level": "error",
        "operation": OPERATION,
        "location": NOTE,
        "message": "property removed before its announced sunset date 2026-09-30",
        "acknowledged": False,
        "reason": None,
    }
    assert document["findings"] == [expected]
    assert list(document["findings"][0]) == list(expected)

    reason = "Announced on 2026-06-01; the field was never filled in."
    entry = {"rule": expected["rule"], "operation": OPERATION, "location": NOTE, "reason": reason}
    write(sunset_repo, {ACK_FILE: yaml.safe_dump({"acknowledged": [entry]})})
    code, text = _gate(sunset_repo, out, "--format", "json", "--today", "2026-09-29")
    assert code == 0
    finding = json.loads(text)["findings"][0]
    assert (finding["acknowledged"], finding["reason"]) == (True, reason)


def test_json_without_a_base_is_still_a_document(tmp_path: Path) -> None:
    """CI reads a file every time: a first commit gives a document with no findings."""
    repo = init(tmp_path / "repo")
    out = tmp_path / "findings.json"
    code, text = _gate(repo, out, "--format", "json", "--today", "2026-06-01")
    assert code == 0
    document = json.loads(text)
    assert document["findings"] == [] and document["base"] == {"ref": "HEAD~1", "commit": None}


def test_module_json_output_goes_to_stdout_and_reports(sunset_repo: Path) -> None:
    """Without `--changelog`, JSON is printed and kept as reports/changelog.json."""
    done = subprocess.run(
        [sys.executable, "-m", "scripts.breaking", "--format", "json", "--today", "2026-09-30"],
        cwd=sunset_repo,
        env=clean_environ(PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["warning"] == 1
    assert (sunset_repo / "reports/changelog.json").read_text(encoding="utf-8") == done.stdout
