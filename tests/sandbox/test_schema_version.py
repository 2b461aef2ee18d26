"""The `--data-dir` database carries its schema version (`PRAGMA user_version`): a new one is
created at the current version and reopens; one of another version is refused at startup
with a message naming the file, both versions and what to do, and is left untouched."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import httpx
import pytest

from signly_sandbox.clock import ManualClock
from signly_sandbox.config import PAGE_API_KEY, PAGE_TENANT_ID, SandboxConfig
from signly_sandbox.process import Server, free_port, serve_command
from signly_sandbox.state import (
    DB_FILE_NAME,
    SCHEMA_VERSION,
    SchemaVersionMismatch,
    StateFileError,
    Store,
)
from signly_sandbox.state.db import SCHEMA

TENANT = SandboxConfig().tenants[0]
HEADERS = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def _older_database(data_dir: Path) -> Path:
    """A database an older sandbox could have written: version 0, another layout."""
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILE_NAME
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, body TEXT NOT NULL)")
        db.execute("INSERT INTO documents (id, body) VALUES ('d1', '{}')")
    return path


def _serve(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNLY_")}
    command = [*serve_command(), "serve", "--port", str(free_port()), "--data-dir", str(data_dir)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_serve_refuses_an_older_database_with_a_clear_message(tmp_path: Path) -> None:
    path = _older_database(tmp_path / "state")
    done = _serve(tmp_path / "state")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    message = done.stderr
    assert str(path) in message
    assert "schema version 0" in message
    assert f"needs version {SCHEMA_VERSION}" in message
    assert "another --data-dir" in message and "delete the file" in message
    # Refused, not rewritten: the file is as it was.
    assert _user_version(path) == 0
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id FROM documents").fetchall() == [("d1",)]


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    Store(ManualClock(), tmp_path).close()
    path = tmp_path / DB_FILE_NAME
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaVersionMismatch) as refused:
        Store(ManualClock(), tmp_path)
    assert (refused.value.path, refused.value.found) == (str(path), SCHEMA_VERSION + 1)
    assert refused.value.expected == SCHEMA_VERSION
    assert "newer signly-sandbox" in str(refused.value)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    (tmp_path / DB_FILE_NAME).write_text("not sqlite at all\n" * 100, encoding="utf-8")
    with pytest.raises(StateFileError, match="is not a usable sandbox database"):
        Store(ManualClock(), tmp_path)


def test_an_unversioned_database_with_the_current_tables_is_stamped(tmp_path: Path) -> None:
    """Sandboxes before the version existed wrote these very tables: kept, and stamped."""
    unversioned = "\n".join(
        line for line in SCHEMA.splitlines() if not line.startswith("PRAGMA user_version")
    )
    path = tmp_path / DB_FILE_NAME
    with sqlite3.connect(path) as db:
        db.executescript(unversioned)
    assert _user_version(path) == 0
    store = Store(ManualClock(), tmp_path)
    try:
        store.seed_tenant(TENANT, 3)
        assert store.create_template(TENANT.tenant_id, "Kept", None)["templateId"]
    finally:
        store.close()
    assert _user_version(path) == SCHEMA_VERSION


def test_a_new_database_is_created_at_the_current_version_and_reopens(tmp_path: Path) -> None:
    data_dir = tmp_path / "state"
    with Server(data_dir) as server:
        created = httpx.post(
            f"{server.url}/v1/templates", json={"templateName": "Survives"}, headers=HEADERS
        )
        assert created.status_code == 201, created.text
    assert _user_version(data_dir / DB_FILE_NAME) == SCHEMA_VERSION
    with Server(data_dir) as server:
        listed = httpx.get(f"{server.url}/v1/templates", headers=HEADERS)
    assert [t["templateName"] for t in listed.json()["data"]] == ["Survives"]
    assert _user_version(data_dir / DB_FILE_NAME) == SCHEMA_VERSION
