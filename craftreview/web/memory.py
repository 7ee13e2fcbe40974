"""Bounded worker memory: collect reference cycles after a request once the worker has grown.

Whoosh's readers, searchers and writers form large reference cycles; each review write (its
index drain) and each search on a refreshed index leaves some behind. CPython's oldest
generation is collected rarely when a worker holds many long-lived objects, so a worker grew
to several hundred MB of garbage over a few hundred writes. A full collection after the
response has been sent costs the reader nothing; doing it only after growth keeps it rare.
"""
from __future__ import annotations

import gc
import os

from ..background import trim_heap

_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_last_mb: list[float] = []  # resident MB right after the last collection (one per process)


def release() -> None:
    """A full collection, then hand freed heap pages back to the OS.

    Freed memory otherwise stays in glibc's arenas (one per thread that allocated: the request
    thread, the search drain, the page renderer), counted in the worker's RSS.
    """
    gc.collect()
    trim_heap()


def resident_mb() -> float | None:
    """This process's resident set size in MB (None where /proc is unavailable)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE_BYTES / 2**20
    except (OSError, ValueError, IndexError):
        return None


def settle() -> None:
    """After warm-up: collect start-up garbage and record the worker's baseline memory.

    gunicorn.conf.py then calls gc.freeze(). A frozen object is never collected by the cycle
    collector, so one replaced later (a newer stored fit, a refreshed searcher) would leak if it sat
    in a cycle; it is a one-time cost bounded by what warm-up loaded, and the searchers warm-up opens
    are freed by reference counting when a drain replaces them (checked with weak references after
    three writes on a 1,500-maker world).
    """
    release()
    now = resident_mb()
    _last_mb[:] = [now] if now is not None else []


def collect_if_grown(growth_mb: float) -> bool:
    """Run a full collection when resident memory grew `growth_mb` since the last one; True if it ran."""
    now = resident_mb()
    if now is None or growth_mb <= 0:
        return False
    if not _last_mb:
        _last_mb.append(now)  # the first call sets the baseline (the warmed worker)
        return False
    if now - _last_mb[0] < growth_mb:
        return False
    release()
    _last_mb[0] = resident_mb() or now
    return True
