"""Run independent tasks in two processes at once: validating is CPU-bound Python.

Why fork: the child inherits the imported validators and the documents already in memory, so
nothing is imported twice or pickled on the way in; only each task's error comes back.
Where fork does not exist (Windows) every task runs here, one after the other.
"""

from __future__ import annotations

import multiprocessing
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler


@dataclass(frozen=True)
class Task:
    """One task: `run` raises when it fails; `forked` runs it in the second process."""

    name: str
    run: Callable[[], None]
    forked: bool = False


def _attempt(task: Task) -> Exception | None:
    try:
        task.run()
    except Exception as error:
        return error
    return None


def _portable(error: Exception | None) -> Exception | None:
    """The error itself when it pickles, else a RuntimeError carrying its traceback."""
    if error is None:
        return None
    try:
        ForkingPickler.dumps(error)
    except Exception:
        text = "".join(traceback.format_exception(error))
        return RuntimeError(f"{type(error).__name__} in a forked task:\n{text}")
    return error


def _child(tasks: Sequence[Task], connection: Connection) -> None:
    connection.send([_portable(_attempt(task)) for task in tasks])
    connection.close()


def run_tasks(
    tasks: Sequence[Task], after_fork: Callable[[], None] = lambda: None
) -> list[Exception | None]:
    """Run every task, the forked ones meanwhile in a child; each one's error, in order.

    `after_fork` runs here once the child exists (threads must start after a fork).
    """
    forked = [task for task in tasks if task.forked]
    if not forked or "fork" not in multiprocessing.get_all_start_methods():
        after_fork()
        return [_attempt(task) for task in tasks]
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    sys.stdout.flush()
    sys.stderr.flush()
    child = context.Process(target=_child, args=(forked, sender), name="forked tasks")
    child.start()
    sender.close()
    after_fork()
    try:
        here = {task.name: _attempt(task) for task in tasks if not task.forked}
        try:
            there = dict(zip([task.name for task in forked], receiver.recv(), strict=True))
        except EOFError:
            child.join()
            raise RuntimeError(f"the forked tasks died (exit {child.exitcode})") from None
    finally:
        receiver.close()
        child.join()
    return [(there if task.forked else here)[task.name] for task in tasks]
