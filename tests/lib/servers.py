"""Loopback servers for tests: free ports, waiting for a listener, a served sandbox.

Every port is picked by the kernel (bind to port 0), never fixed, so tests can run side by side
(pytest-xdist workers, two checkouts on one machine) without colliding.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.lib.env import clean_environ

HOST = "127.0.0.1"
STARTUP_SECONDS = 60.0


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def listening(port: int, host: str = HOST) -> bool:
    """Whether something accepts TCP connections on `host:port`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def wait_until_listening(
    port: int,
    process: subprocess.Popen[bytes] | subprocess.Popen[str] | None = None,
    *,
    timeout: float = STARTUP_SECONDS,
    describe: Callable[[], str] = lambda: "",
) -> None:
    """Return once `port` accepts connections; fail if `process` exits first or on timeout.
    `describe` gives what to show on failure (the process's log)."""
    deadline = time.monotonic() + timeout
    while not listening(port):
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{describe()}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing listens on {HOST}:{port} after {timeout} s:\n{describe()}")
        time.sleep(0.05)


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str], timeout: float = 10) -> None:
    """Terminate `process`, then kill it if it does not exit in time."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def served_sandbox(log: Path, *args: str) -> Iterator[str]:
    """`signly-sandbox serve` (extra `args`) on a free loopback port, in a subprocess with a
    clean environment (the seeded tenants have their default values); yields its base URL.
    Its output goes to `log`."""
    port = free_port()
    command = [sys.executable, "-m", "signly_sandbox.cli", "serve", "--host", HOST]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "--port", str(port), *args],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=clean_environ(),
        )
        try:
            wait_until_listening(port, process, describe=lambda: log.read_text(errors="replace"))
            yield f"http://{HOST}:{port}"
        finally:
            stop(process)
