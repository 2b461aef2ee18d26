"""A throwaway git repository holding a small multi-file spec, for end-to-end runs."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.lib.env import clean_environ

ROOT_SPEC = """\
openapi: 3.1.0
info: {title: Items, version: 1.0.0}
security:
  - key: []
paths:
  /items/{itemId}:
    $ref: ./paths/items@{itemId}.yaml
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
"""

PATH_ITEM = """\
parameters:
  - name: itemId
    in: path
    required: true
    schema: {type: string}
get:
  operationId: get_item
  responses:
    '200':
      description: The item.
      content:
        application/json:
          schema:
            $ref: ../components/schemas/Item.yaml
"""

ITEM = """\
type: object
required: [name, status]
properties:
  name: {type: string, maxLength: 50}
  status: {type: string, enum: [OPEN, CLOSED]}
  note: {type: string}
"""

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` with a fixed identity and no user configuration."""
    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=True,
        env=clean_environ(**GIT_ENV),
    )
    return done.stdout


def write(repo: Path, files: dict[str, str]) -> None:
    """Write files relative to the repository root."""
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def commit(repo: Path, files: dict[str, str], message: str) -> None:
    """Write files and commit everything in the throwaway repository."""
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def init(repo: Path) -> Path:
    """A repository whose first commit holds the three-file spec."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    commit(
        repo,
        {
            "spec/openapi.yaml": ROOT_SPEC,
            "spec/paths/items@{itemId}.yaml": PATH_ITEM,
            "spec/components/schemas/Item.yaml": ITEM,
        },
        "spec",
    )
    return repo
