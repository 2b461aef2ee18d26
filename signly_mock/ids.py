"""Identifiers: UUIDs for resources, ULIDs for events and request ids (time-ordered)."""

from __future__ import annotations

import base64
import os
import threading
import time
import uuid

# RFC 4648 base32 letters mapped onto Crockford's alphabet, which ULIDs use.
_TO_CROCKFORD = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
)
_PAD = bytes(4)


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
        # 4 zero bytes + 16 value bytes = 160 bits = 32 base32 letters; the first 6 letters
        # carry only padding, the other 26 are the 128-bit ULID (130 bits, 2 leading zeros).
        text = base64.b32encode(_PAD + value.to_bytes(16, "big")).decode()
        return text[6:].translate(_TO_CROCKFORD)


ulids = UlidFactory()


def new_ulid() -> str:
    return ulids.new()


def new_request_id() -> str:
    return "req_" + ulids.new()


def new_uuid() -> str:
    return str(uuid.uuid4())


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return len(text) == 36
