"""The CLI on a temporary git repository: base from a ref, revision from the work tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.breaking import main
from tests.breaking.gitrepo import ITEM, commit, init, write

REPO_ROOT = Path(__file__).resolve().parents[2]
OPERATION = "GET /items/{itemId}"
LOCATION = "response[200].body[application/json].status"
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
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "## API changes since `HEAD~1`" in done.stdout
    assert "unacknowledged breaking change" in done.stderr
    assert (repo / "reports/changelog.md").read_text(encoding="utf-8") == done.stdout
