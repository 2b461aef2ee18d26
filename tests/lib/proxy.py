"""A recording reverse proxy on a free loopback port: what a client really sent, and to where.

Why: the suite's promises about what it sends (`--read-only`: GET only, `--no-billable`: never
`POST /v1/documents`) are only worth something when checked outside the suite, on the wire,
whatever phase or check produced the request. Every request is forwarded to the upstream
server unchanged (hop-by-hop headers aside) and recorded as (method, path).
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host"}


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str]] = []

    def add(self, method: str, path: str) -> None:
        with self.lock:
            self.requests.append((method, path))

    def methods(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        with self.lock:
            for method, _ in self.requests:
                counts[method] = counts.get(method, 0) + 1
        return counts


def _handler(upstream: str, recorder: Recorder) -> type[BaseHTTPRequestHandler]:
    target = urlsplit(upstream)

    class Proxy(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms stalls

        def log_message(self, format: str, *args: Any) -> None:
            return

        def __getattr__(self, name: str) -> Any:
            if name.startswith("do_"):  # every method, whatever its name (QUERY, TRACE, ...)
                return self._forward
            raise AttributeError(name)

        def _forward(self) -> None:
            recorder.add(self.command, self.path.split("?", 1)[0])
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            connection = http.client.HTTPConnection(
                target.hostname or "127.0.0.1", target.port, timeout=60
            )
            try:
                connection.request(self.command, self.path, body=body, headers=headers)
                answer = connection.getresponse()
                content = answer.read()
                self.send_response(answer.status, answer.reason)
                for name, value in answer.getheaders():
                    if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)
            finally:
                connection.close()

    return Proxy


@contextmanager
def recording_proxy(upstream: str) -> Iterator[tuple[str, Recorder]]:
    """Forward to `upstream` (`http://host:port`); yields the proxy's URL and its recorder."""
    recorder = Recorder()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(upstream, recorder))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", recorder
    finally:
        server.shutdown()
        server.server_close()
