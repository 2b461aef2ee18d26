"""`signly-sandbox serve` as a separate process on a free loopback port.

One implementation for everything that needs the sandbox as a real server process: the
bench (wrk load, RSS), the sandbox's durability tests and the drills (kill -9, load).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from signly_sandbox.config import PAGE_API_KEY, PAGE_TENANT_ID

BANNER_LINES = 10
READY_HEADERS = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve_command() -> list[str]:
    """The `signly-sandbox` entry point of this interpreter's environment."""
    script = Path(sys.executable).with_name("signly-sandbox")
    return [str(script)] if script.exists() else [sys.executable, "-m", "signly_sandbox.cli"]


class Server:
    """`signly-sandbox serve` on a free port with the default tenants (SIGNLY_* unset)."""

    def __init__(
        self, data_dir: Path | None = None, *extra: str, startup_timeout: float = 60
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [*serve_command(), "serve", "--port", str(self.port), *extra]
        if data_dir is not None:
            command += ["--data-dir", str(data_dir)]
        env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNLY_")}
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        )
        assert self.process.stdout is not None
        self.banner = "".join(self.process.stdout.readline() for _ in range(BANNER_LINES))
        deadline = time.monotonic() + startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if httpx.get(f"{self.url}/v1/templates", headers=READY_HEADERS).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        self.stop(signal.SIGKILL)
        raise RuntimeError(f"signly-sandbox serve did not start:\n{self.banner}")

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_bytes(self) -> tuple[int, int]:
        """(current, peak) resident set size of the server process, from /proc."""
        values: dict[str, int] = {}
        status = Path(f"/proc/{self.pid}/status").read_text(encoding="utf-8")
        for line in status.splitlines():
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) * 1024
        return values["VmRSS"], values["VmHWM"]

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
