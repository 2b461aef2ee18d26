"""Time comes from an injectable clock so tests can move it instead of sleeping.

The sandbox runs on a `SandboxClock`: real time plus an offset that partners move forward
with `/_sandbox/clock` (never back), so deadlines, presigned URL expiry, timestamps, the
rate limit and the request journal all follow one time.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable


class Clock(Protocol):
    def now(self) -> datetime: ...


class ClockBackwards(ValueError):
    """A clock may only move forward: what was stored stays in its past."""

    def __init__(self, now: datetime, wanted: datetime) -> None:
        self.now = now
        self.wanted = wanted
        super().__init__(f"the clock cannot go back from {now.isoformat()} to {wanted.isoformat()}")


@runtime_checkable
class MovableClock(Clock, Protocol):
    """A clock the sandbox's clock controls can set and advance."""

    def set(self, moment: datetime) -> None: ...

    def advance(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to (for deadline and expiry tests)."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime.now(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += timedelta(seconds=seconds)

    def set(self, moment: datetime) -> None:
        with self._lock:
            if moment < self._now:
                raise ClockBackwards(self._now, moment)
            self._now = moment


class SandboxClock:
    """Real time plus an offset: it flows like a wall clock, from `start` (default: now),
    and jumps forward when set or advanced. Reads take no lock (the offset is replaced,
    never mutated); moves are serialized so two of them cannot lose one."""

    def __init__(self, start: datetime | None = None) -> None:
        self._offset = timedelta(0) if start is None else start - datetime.now(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    @property
    def offset_seconds(self) -> float:
        return self._offset.total_seconds()

    def set(self, moment: datetime) -> None:
        with self._lock:
            real = datetime.now(UTC)
            if moment < real + self._offset:
                raise ClockBackwards(real + self._offset, moment)
            self._offset = moment - real

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ClockBackwards(self.now(), self.now() + timedelta(seconds=seconds))
        with self._lock:
            self._offset += timedelta(seconds=seconds)


def format_timestamp(moment: datetime) -> str:
    """Fixed-width UTC with `Z` (D13), so stored timestamps sort as text."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_timestamp(text: str) -> datetime:
    """Parse an RFC 3339 date-time (already checked by the spec's format)."""
    parsed = datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
