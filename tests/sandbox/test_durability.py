"""Concurrent version creation never loses or duplicates a version, and a `kill -9` loses
no write that was acknowledged with 2xx."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signly_mock.clock import SystemClock
from signly_mock.config import (
    PAGE_ADMIN_TOKEN,
    PAGE_API_KEY,
    PAGE_TENANT_ID,
    SECOND_ADMIN_TOKEN,
    SECOND_API_KEY,
    SECOND_TENANT_ID,
    SandboxConfig,
)
from signly_mock.store import DB_FILE_NAME, Store
from tests.sandbox.conftest import PARTNER_A

TENANT = SandboxConfig().tenants[0]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(threads=st.integers(2, 6), per_thread=st.integers(1, 6))
def test_concurrent_versions_are_each_created_once(threads: int, per_thread: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        clock = SystemClock()
        first = Store(clock, Path(data_dir))
        first.seed_tenant(TENANT, 10)
        template_id = first.create_template(TENANT.tenant_id, "T", None)["templateId"]
        stores = [Store(clock, Path(data_dir)) for _ in range(threads)]
        returned: list[int] = []
        start = threading.Barrier(threads)

        def work(store: Store) -> None:
            start.wait()
            for _ in range(per_thread):
                version = store.new_template_version(TENANT.tenant_id, template_id, "T", None)
                returned.append(version["version"])

        workers = [threading.Thread(target=work, args=(store,)) for store in stores]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        expected = list(range(1, threads * per_thread + 2))
        history = [v["version"] for v in first.template_history(TENANT.tenant_id, template_id)]
        assert history == expected
        assert sorted([1, *returned]) == expected
        for store in [first, *stores]:
            store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve_command() -> list[str]:
    script = Path(sys.executable).with_name("signly-mock")
    return [str(script)] if script.exists() else [sys.executable, "-m", "signly_mock.cli"]


class Server:
    """`signly-mock serve` as a subprocess on a free loopback port."""

    def __init__(self, data_dir: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNLY_")}
        self.process = subprocess.Popen(
            [*_serve_command(), "serve", "--port", str(self.port), "--data-dir", str(data_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.banner = "".join(self.process.stdout.readline() for _ in range(9))  # type: ignore[union-attr]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/v1/templates", headers=PARTNER_A).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise AssertionError(f"server did not start: {self.banner}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        self.process.wait(timeout=15)
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "state"


def test_serve_banner(data_dir: Path) -> None:
    server = Server(data_dir)
    try:
        for text in (
            server.url,
            PAGE_TENANT_ID,
            PAGE_API_KEY,
            f"Bearer {PAGE_ADMIN_TOKEN}",
            SECOND_TENANT_ID,
            SECOND_API_KEY,
            f"Bearer {SECOND_ADMIN_TOKEN}",
            str(data_dir),
        ):
            assert text in server.banner
    finally:
        server.stop()


def test_kill_9_loses_no_acknowledged_write(data_dir: Path) -> None:
    server = Server(data_dir)
    acknowledged: dict[str, int] = {}
    lock = threading.Lock()
    stop = threading.Event()

    def load() -> None:
        with httpx.Client(base_url=server.url, headers=PARTNER_A, timeout=5) as client:
            while not stop.is_set():
                try:
                    created = client.post("/v1/templates", json={"templateName": "crash"})
                    if created.status_code != 201:
                        continue
                    template_id = created.json()["data"]["templateId"]
                    with lock:
                        acknowledged[template_id] = 1
                    updated = client.put(
                        f"/v1/templates/{template_id}", json={"templateName": "v2"}
                    )
                    if updated.status_code == 200:
                        with lock:
                            acknowledged[template_id] = updated.json()["data"]["version"]
                except httpx.TransportError:
                    return

    workers = [threading.Thread(target=load) for _ in range(4)]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 10
    while len(acknowledged) < 60 and time.monotonic() < deadline:
        time.sleep(0.02)
    server.stop(signal.SIGKILL)
    stop.set()
    for worker in workers:
        worker.join()
    assert len(acknowledged) >= 60

    restarted = Server(data_dir)
    try:
        with httpx.Client(base_url=restarted.url, headers=PARTNER_A) as client:
            for template_id, version in acknowledged.items():
                latest = client.get(f"/v1/templates/{template_id}")
                assert latest.status_code == 200, template_id
                assert latest.json()["data"]["version"] >= version
    finally:
        restarted.stop()
    with sqlite3.connect(data_dir / DB_FILE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
