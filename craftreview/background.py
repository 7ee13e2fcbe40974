"""One background thread per process for work that follows commits: the search outbox drain, mail delivery.

A request that committed work for it only wakes the thread: its worker is free for the next request
at once, and commits that arrive while a run is going are covered together by the next run (one index
commit, or one relay connection, for many writes). The database keeps the work whatever happens here
(outbox rows are deleted only once the index holds them; a mail stays queued until it is claimed), so a
thread killed with its process loses nothing.
"""
from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import logging
import os
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


def _malloc_trim():
    """glibc's malloc_trim, or None elsewhere (musl, macOS)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


def trim_heap() -> None:
    """Hand the heap pages freed so far back to the OS (about a millisecond in a web worker).

    glibc keeps freed memory in the arena of the thread that allocated it (a drain, a render)
    and returns it only when the top of that arena is free: without this, what a drain freed
    stays in the worker's RSS (issue #12: 20-30 MB after a few hundred writes).
    """
    if _TRIM is not None:
        _TRIM(0)


class Drainer:
    """Runs `drain` in a daemon thread each time it is woken (wakes during a drain coalesce into one more)."""

    def __init__(self, drain: Callable[[], object], name: str = "background-work"):
        self._drain, self._name = drain, name
        self._changed = threading.Condition()
        self._woken = self._finished = 0  # wake calls so far; wake calls covered by finished drains
        self._thread: threading.Thread | None = None
        self.pid = os.getpid()

    @property
    def started(self) -> bool:
        """Whether the thread is running (idle or draining)."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the (idle) thread now rather than on the first wake (a worker's warm-up)."""
        with self._changed:
            self._start_thread()

    def wake(self) -> None:
        """Ask for a drain of everything committed so far; returns at once."""
        with self._changed:
            self._woken += 1
            self._start_thread()
            self._changed.notify_all()

    def _start_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every drain asked for so far has finished (tests, process exit); False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self._finished >= self._woken, timeout)

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._finished < self._woken)
                covered = self._woken  # rows committed before these wakes are all visible to the drain below
            try:
                self._drain()
            except Exception:  # noqa: BLE001 - the thread must outlive a failure; the outbox keeps the work
                log.exception("%s failed; the work stays queued", self._name)
            trim_heap()
            with self._changed:
                self._finished = covered
                self._changed.notify_all()


def per_process(extensions: dict, key: str, make: Callable[[], Drainer], exit_wait: float):
    """This process's background worker stored under `key`, made by `make()` (a forked worker makes its own).

    A process that exits normally first waits up to `exit_wait` seconds for the run it started.
    """
    found = extensions.get(key)
    if found is None or found.pid != os.getpid():
        found = extensions[key] = make()
        atexit.register(found.wait_idle, exit_wait)
    return found


def process_drainer(extensions: dict, key: str, drain: Callable[[], object], name: str,
                    exit_wait: float) -> Drainer:
    """This process's Drainer running `drain`, stored under `key`."""
    return per_process(extensions, key, lambda: Drainer(drain, name), exit_wait)
