"""Time-driven behaviour on the sandbox clock: deadlines and scripted participants (D39).

A document whose deadline passes becomes `EXPIRED`, with `PROCESS_EXPIRED` on each process
(and so its webhook), without any other call: a background task sleeps until the next
deadline by the sandbox clock (at most a second at a time, so a moved clock or real time
both reach it), and every request first expires whatever came due, so reads always agree
(list, get, summary and events never show a document past its deadline as active).
Keeping the next deadline in memory makes that check one comparison per request; it is
learnt from the commits that publish or extend a document.

Scripted participants (`POST /_sandbox/.../schedule`) sign or reject when their moment on
the sandbox clock comes, so a demo flow completes on its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from signly_sandbox.clock import Clock, format_timestamp, parse_timestamp
from signly_sandbox.errors import ApiError
from signly_sandbox.state import Record, Store, StoredEvent

log = logging.getLogger("signly_sandbox.deadlines")
MAX_SLEEP_SECONDS = 1.0
MIN_SLEEP_SECONDS = 0.01
# The events after whose commit a document may have a new, earlier deadline.
_DEADLINE_EVENTS = ("PROCESS_CREATED", "DEADLINE_EXTENDED")


@dataclass(order=True)
class Script:
    """A participant who will sign (or reject) at `due` on the sandbox clock."""

    due: datetime
    seq: int
    tenant_id: str = field(compare=False)
    document_id: str = field(compare=False)
    participant_id: str = field(compare=False)
    sign: bool = field(compare=False)


class TimeKeeper:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._next: datetime | None = _moment(store.next_deadline())
        self._scripts: list[Script] = []
        self._seq = itertools.count()
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        store.add_commit_listener(self._on_commit)

    # -- what is due --------------------------------------------------------------------

    def check(self) -> None:
        """Run whatever came due (called before every request, and by the background task)."""
        self._ensure_task()
        now = self._clock.now()
        if (self._next is not None and now >= self._next) or (
            self._scripts and now >= self._scripts[0].due
        ):
            self.run_due()

    def run_due(self) -> list[tuple[str, Record]]:
        """Expire every document past its deadline and play every script that came due;
        the expired (tenant, document) pairs."""
        now = self._clock.now()
        expired = self._store.expire_due(format_timestamp(now))
        self._next = _moment(self._store.next_deadline())
        while self._scripts and self._scripts[0].due <= now:
            script = heapq.heappop(self._scripts)
            try:
                self._store.complete_participant(
                    script.tenant_id,
                    script.document_id,
                    script.participant_id,
                    signed=script.sign,
                )
            except ApiError as error:  # the document ended, or the participant acted, before
                log.info("scripted participant %s skipped: %s", script.participant_id, error)
        if expired or self._scripts:
            self.wake()
        return expired

    def schedule(
        self, tenant_id: str, document_id: str, participant_id: str, *, sign: bool, due: datetime
    ) -> Script:
        script = Script(due, next(self._seq), tenant_id, document_id, participant_id, sign)
        heapq.heappush(self._scripts, script)
        self.wake()
        return script

    def forget(self, tenant_id: str) -> None:
        """Drop the tenant's scripted participants (the sandbox reset)."""
        self._scripts = [s for s in self._scripts if s.tenant_id != tenant_id]
        heapq.heapify(self._scripts)

    def _on_commit(self, events: Sequence[StoredEvent]) -> None:
        documents = {e.document_id for e in events if e.record["eventType"] in _DEADLINE_EVENTS}
        for document_id in documents:
            deadline = _moment(self._store.deadline_of(document_id))
            if deadline is not None and (self._next is None or deadline < self._next):
                self._next = deadline

    # -- the background task ------------------------------------------------------------

    def wake(self) -> None:
        """The clock moved or something was scheduled: look again now."""
        if self._wake is not None and self._loop is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._wake.set)

    def _ensure_task(self) -> None:
        if self._task is not None and not self._task.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._loop = loop
        self._wake = asyncio.Event()
        self._task = loop.create_task(self._run())

    def _delay(self) -> float:
        moments = [m for m in (self._next, self._scripts[0].due if self._scripts else None) if m]
        if not moments:
            return MAX_SLEEP_SECONDS
        wait = (min(moments) - self._clock.now()).total_seconds()
        return min(MAX_SLEEP_SECONDS, max(MIN_SLEEP_SECONDS, wait))

    async def _run(self) -> None:
        assert self._wake is not None
        while True:
            self._wake.clear()
            # Not `asyncio.wait_for`: on Python 3.11 it can swallow a cancellation that
            # arrives as the event is set, and the task would then never end.
            waiter = asyncio.ensure_future(self._wake.wait())
            try:
                await asyncio.wait([waiter], timeout=self._delay())
            finally:
                waiter.cancel()
            try:
                self.check()
            except Exception:
                log.exception("expiring documents past their deadline failed")

    async def start(self) -> None:
        self._ensure_task()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, RuntimeError):
                await self._task
            self._task = None


def _moment(text: str | None) -> datetime | None:
    return None if text is None else parse_timestamp(text)
