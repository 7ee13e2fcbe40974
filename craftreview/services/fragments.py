"""A per-process cache of rendered page fragments, bounded by entries and by bytes (thread-safe LRU).

Read services key each fragment by the data it shows (a digest of the rows the page already read),
never by time: a write changes the rows, so the next request on any host reads a new key and renders
afresh. No invalidation messages, no per-user data: only parts that are the same for every visitor
(or for every anonymous visitor, when the key says so) go in here.
"""
from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass


def digest(values) -> int:
    """A 64-bit digest of rows or values (per process, like the cache): equal data, equal digest.

    Python's own hash (SipHash for text, seeded per process): a different state of the same maker
    colliding with a stored one is as unlikely as any 64-bit collision, and would show that maker's
    own public data of another moment, never another visitor's.
    """
    return hash(tuple(tuple(v) if not isinstance(v, str | bytes) and hasattr(v, "__iter__") else v
                      for v in values))


@dataclass
class FragmentStats:
    """What the cache did since it was made (for tests and benches)."""

    hits: int = 0
    misses: int = 0
    evictions: int = 0


class FragmentCache:
    """Rendered strings by key: at most `max_entries` of them and `max_bytes` of text (oldest used dropped)."""

    def __init__(self, max_entries: int = 2000, max_bytes: int = 16 * 2**20) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.stats = FragmentStats()
        self._items: OrderedDict[Hashable, str] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        """Memory held by the stored strings (a str with any non-Latin-1 character takes 2 bytes a character)."""
        return self._bytes

    def get(self, key: Hashable, render: Callable[[], str], keep: bool = True) -> str:
        """The fragment stored under `key`, or `render()` (stored for next time when it fits, unless `keep` is
        False)."""
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                self.stats.hits += 1
                return hit
            self.stats.misses += 1
        value = render()  # outside the lock: rendering one maker must not block the others
        if keep and self.max_entries and sys.getsizeof(value) <= self.max_bytes // 4:  # one page never fills the cache
            self._store(key, value)
        return value

    def _store(self, key: Hashable, value: str) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            self._bytes += sys.getsizeof(value) - (sys.getsizeof(old) if old is not None else 0)
            self._items[key] = value
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= sys.getsizeof(dropped)
                self.stats.evictions += 1
