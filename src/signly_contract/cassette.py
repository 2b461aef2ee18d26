"""Every failing case stored as a HAR 1.2 cassette, credentials masked, replayable.

Why HAR: it is the standard format of recorded HTTP exchanges, every browser's devtools and
many viewers open it, and it allows custom fields (`_signly`) for what a replay needs. One
file per distinct failure, under `--cassettes` (default reports/cassettes):

- `log.entries`: the exchanges that led to the failure, in order (for a property, those of
  the failing example; for a stateful failure, the scenario's steps; else the one request),
  with every secret replaced by the variable that holds it (`$SIGNLY_API_KEY`,
  `$SIGNLY_TENANT_ID`, ...; settings.MASK), so the file can be attached to a ticket;
- `log._signly`: the check, the message, the run's seed and how to judge a replay —
  `{"kind": "exchanges", "judge": ...}` to resend the entries and judge the last answer, or
  `{"kind": "property", ...}` to run the property again on the failing example.

`signly-contract replay PATH` (replay.py) replays one against a server.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from signly_contract.settings import MASK

if TYPE_CHECKING:
    from signly_contract.client import Exchange

TRAIL_LIMIT = 60


class Trail:
    """The exchanges of the current example, per thread (the cassette's entries)."""

    def __init__(self) -> None:
        self._local = threading.local()

    def start(self) -> None:
        self._local.exchanges = []

    def add(self, exchange: Exchange) -> None:
        exchanges = getattr(self._local, "exchanges", None)
        if exchanges is None:
            exchanges = self._local.exchanges = []
        exchanges.append(exchange)
        del exchanges[:-TRAIL_LIMIT]

    def until(self, last: Exchange | None) -> list[Exchange]:
        """The trail up to and including `last` (all of it when `last` is not in it)."""
        exchanges = list(getattr(self._local, "exchanges", None) or [])
        if last is None:
            return exchanges
        for index, exchange in enumerate(exchanges):
            if exchange is last:
                return exchanges[: index + 1]
        return [*exchanges, last]


TRAIL = Trail()


class CassetteStore:
    """Where cassettes go (None: not stored) and a counter for unique names."""

    def __init__(self) -> None:
        self.directory: Path | None = None
        self.seed: int | None = None
        self.prefix = ""
        self._lock = threading.Lock()
        self._count = 0

    def configure(self, directory: str | None, seed: int | None, prefix: str = "") -> None:
        self.directory = Path(directory) if directory else None
        self.seed = seed
        self.prefix = prefix

    def save(
        self,
        check: str,
        operation: str,
        message: str,
        exchanges: list[Exchange],
        replay: dict[str, Any],
    ) -> str:
        """Write one cassette; returns its path ('' when cassettes are off)."""
        if self.directory is None or not exchanges:
            return ""
        with self._lock:
            self._count += 1
            number = self._count
        slug = re.sub(r"[^A-Za-z0-9]+", "-", f"{check}-{operation}").strip("-")[:80]
        path = self.directory / f"{self.prefix}{number:03d}-{slug}.har"
        path.parent.mkdir(parents=True, exist_ok=True)
        document = har(exchanges)
        document["log"]["_signly"] = {
            "check": check,
            "operation": operation,
            "message": MASK(message),
            "seed": self.seed,
            "replay": replay,
        }
        path.write_text(json.dumps(document, indent=2), encoding="utf-8")
        return str(path)


CASSETTES = CassetteStore()


def _text(body: bytes | None) -> tuple[str, str | None]:
    """A body as HAR text: UTF-8 when it is, else base64 (HAR's `encoding`)."""
    if not body:
        return "", None
    try:
        return MASK(body.decode("utf-8")), None
    except UnicodeDecodeError:
        return base64.b64encode(body).decode(), "base64"


def _headers(headers: Any) -> list[dict[str, str]]:
    pairs = headers.multi_items() if hasattr(headers, "multi_items") else list(headers.items())
    return [{"name": str(k), "value": MASK(str(v))} for k, v in pairs]


def entry(exchange: Exchange) -> dict[str, Any]:
    url = MASK(exchange.url)
    request_text, request_encoding = _text(exchange.request_body)
    response_text, response_encoding = _text(exchange.content)
    request_type = next(
        (v for k, v in exchange.request_headers.items() if k.lower() == "content-type"), ""
    )
    request: dict[str, Any] = {
        "method": exchange.method,
        "url": url,
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": _headers(exchange.request_headers),
        "queryString": [{"name": k, "value": v} for k, v in parse_qsl(urlsplit(url).query, True)],
        "headersSize": -1,
        "bodySize": len(exchange.request_body or b""),
    }
    if exchange.request_body:
        request["postData"] = {"mimeType": request_type, "text": request_text}
        if request_encoding:
            request["postData"]["_encoding"] = request_encoding
    content: dict[str, Any] = {
        "size": len(exchange.content),
        "mimeType": exchange.headers.get("content-type", ""),
        "text": response_text,
    }
    if response_encoding:
        content["encoding"] = response_encoding
    return {
        "startedDateTime": datetime.now(UTC).isoformat(),
        "time": 0,
        "request": request,
        "response": {
            "status": exchange.status,
            "statusText": "",
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": _headers(exchange.headers),
            "content": content,
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(exchange.content),
        },
        "cache": {},
        "timings": {"send": 0, "wait": 0, "receive": 0},
        "_operation": exchange.operation,
    }


def har(exchanges: list[Exchange]) -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("signly-partner-api")
    except PackageNotFoundError:  # pragma: no cover - a checkout without install
        ours = "0"
    return {
        "log": {
            "version": "1.2",
            "creator": {"name": "signly-contract", "version": ours},
            "entries": [entry(exchange) for exchange in exchanges],
        }
    }


def to_json_value(value: Any) -> Any:
    """A hypothesis example as JSON (bytes tagged, tuples as lists)."""
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode()}
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    return value


def from_json_value(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$bytes"}:
            return base64.b64decode(value["$bytes"])
        return {k: from_json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_json_value(v) for v in value]
    return value
