"""Identifiers: UUIDs for resources, ULIDs for events and request ids (time-ordered)."""

from __future__ import annotations

import os
import re
import threading
import time
import uuid

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Two Crockford letters per 10 bits: a 130-bit ULID is 13 table lookups, not 26 shifts.
_PAIRS = [a + b for a in _CROCKFORD for b in _CROCKFORD]
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class UlidFactory:
    """Monotonic ULIDs: within one millisecond the random part is incremented, so ids made
    one after the other always sort in creation order (events are listed by id order)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last_ms = -1
        self._last_random = 0

    def new(self) -> str:
        with self._lock:
            now_ms = time.time_ns() // 1_000_000
            if now_ms <= self._last_ms:
                now_ms = self._last_ms
                self._last_random = (self._last_random + 1) & ((1 << 80) - 1)
            else:
                self._last_ms = now_ms
                self._last_random = int.from_bytes(os.urandom(10), "big") >> 1
            value = (now_ms << 80) | self._last_random
        return "".join([_PAIRS[(value >> shift) & 1023] for shift in range(120, -1, -10)])


ulids = UlidFactory()


def new_ulid() -> str:
    return ulids.new()


def new_request_id() -> str:
    return "req_" + ulids.new()


def new_uuid() -> str:
    return str(uuid.uuid4())


def is_uuid(text: str) -> bool:
    """The canonical 8-4-4-4-12 hex form (what `format: uuid` means here)."""
    return _UUID.match(text) is not None
