"""The single-writer lock for a file-based index: an flock with timeout and retry."""
from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .base import LockTimeout

RETRY_SECONDS = 0.02


@contextmanager
def file_lock(path: str, timeout: float) -> Iterator[None]:
    """Hold an exclusive flock on `path`; the OS releases it if the holder dies."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, timeout)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise LockTimeout(f"search index writer lock {path} busy for {timeout}s") from None
            time.sleep(RETRY_SECONDS)
