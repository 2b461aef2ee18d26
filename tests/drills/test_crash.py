"""Crash drill: `kill -9` the server (`--data-dir`, SQLite WAL, synchronous=FULL) in the middle
of a write load, restart it on the same directory, and find every write that was
acknowledged with 2xx: templates, their versions and fields, documents and cancellations.
`PRAGMA integrity_check` is ok afterwards."""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from signly_sandbox.process import Server
from signly_sandbox.store import DB_FILE_NAME
from tests.drills.resources import BODIES, publish_body
from tests.lib.drills import FIGURES, DrillSize, seeded_tenants


@dataclass
class Acknowledged:
    """Writes answered with 2xx before the kill, per resource."""

    versions: dict[str, int] = field(default_factory=dict)
    fields: dict[str, int] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    cancelled: set[str] = field(default_factory=set)
    kinds: Counter[str] = field(default_factory=Counter)
    interrupted: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str) -> None:
        self.kinds[kind] += 1

    @property
    def total(self) -> int:
        return sum(self.kinds.values())


def write_load(
    url: str, headers: dict[str, str], acks: Acknowledged, stop: threading.Event
) -> None:
    """One writer: template -> new version -> fields -> publish -> cancel, over and over.
    Each resource has one writer, so the last acknowledged value is the one to find."""
    with httpx.Client(base_url=url, headers=headers, timeout=10) as client:
        serial = 0
        while not stop.is_set():
            try:
                created = client.post("/v1/templates", json={"templateName": "crash"})
                if created.status_code != 201:
                    continue
                template_id = created.json()["data"]["templateId"]
                with acks.lock:
                    acks.versions[template_id] = 1
                    acks.add("create_template")
                base = f"/v1/templates/{template_id}"
                updated = client.put(base, json=BODIES["update_template"])
                if updated.status_code == 200:
                    with acks.lock:
                        acks.versions[template_id] = updated.json()["data"]["version"]
                        acks.add("update_template")
                serial += 1
                fields = [{"fieldName": f"f{serial}", "fieldType": "SIGNATURE"}]
                if client.put(f"{base}/fields", json=fields).status_code == 200:
                    with acks.lock:
                        acks.fields[template_id] = serial
                        acks.add("set_template_fields")
                published = client.post("/v1/documents", json=publish_body(template_id))
                if published.status_code != 201:
                    continue
                document_id = published.json()["data"]["documentId"]
                with acks.lock:
                    acks.documents.add(document_id)
                    acks.add("publish_document")
                cancelled = client.delete(f"/v1/documents/{document_id}/cancel")
                if cancelled.status_code == 200:
                    with acks.lock:
                        acks.cancelled.add(document_id)
                        acks.add("cancel_document")
            except httpx.TransportError:
                with acks.lock:
                    acks.interrupted += 1
                return


def lost_writes(url: str, headers: dict[str, str], acks: Acknowledged) -> list[str]:
    """Every acknowledged write that the restarted server does not show."""
    lost = []
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
        for template_id, version in acks.versions.items():
            latest = client.get(f"/v1/templates/{template_id}")
            if latest.status_code != 200 or latest.json()["data"]["version"] < version:
                lost.append(f"template {template_id} v{version}: {latest.text[:200]}")
        for template_id, serial in acks.fields.items():
            stored = client.get(f"/v1/templates/{template_id}/fields").json()["data"]
            if not stored or int(stored[0]["fieldName"][1:]) < serial:
                lost.append(f"fields of {template_id} (f{serial}): {stored}")
        for document_id in acks.documents:
            document = client.get(f"/v1/documents/{document_id}")
            status = document.json()["data"]["status"] if document.status_code == 200 else None
            if status is None or (document_id in acks.cancelled and status != "CANCELLED"):
                lost.append(f"document {document_id}: {document.text[:200]}")
    return lost


@pytest.mark.slow
def test_kill_9_loses_no_acknowledged_write(tmp_path: Path, drill_size: DrillSize) -> None:
    data_dir = tmp_path / "state"
    headers = seeded_tenants()[0].partner()
    server = Server(data_dir, "--credits", "1000000000")
    acks = Acknowledged()
    stop = threading.Event()
    writers = [
        threading.Thread(target=write_load, args=(server.url, headers, acks, stop))
        for _ in range(drill_size.crash_writers)
    ]
    started = time.monotonic()
    for writer in writers:
        writer.start()
    deadline = time.monotonic() + 120
    while acks.total < drill_size.crash_acknowledged and time.monotonic() < deadline:
        time.sleep(0.01)
    server.stop(signal.SIGKILL)
    load_seconds = time.monotonic() - started
    stop.set()
    for writer in writers:
        writer.join()
    assert acks.total >= drill_size.crash_acknowledged

    restart_started = time.monotonic()
    restarted = Server(data_dir)
    restart_seconds = time.monotonic() - restart_started
    try:
        lost = lost_writes(restarted.url, headers, acks)
    finally:
        restarted.stop()
    with sqlite3.connect(data_dir / DB_FILE_NAME) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    FIGURES.put(
        "crash",
        writers=drill_size.crash_writers,
        acknowledged_writes=acks.total,
        per_kind=dict(acks.kinds),
        writes_per_second=round(acks.total / load_seconds),
        requests_cut_by_kill=acks.interrupted,
        restart_seconds=round(restart_seconds, 2),
        lost_acknowledged_writes=len(lost),
        integrity_check=integrity,
    )
    assert not lost, "\n".join(lost[:20])
    assert integrity == "ok"
