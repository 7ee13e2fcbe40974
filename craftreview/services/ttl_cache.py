"""A small per-process cache whose entries expire after a few seconds (thread-safe, bounded)."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class TtlCache:
    """Values by key for `seconds` (0 = never cached), at most `size` of them (oldest dropped)."""

    def __init__(self, seconds: float, size: int = 256) -> None:
        self.seconds, self.size = seconds, size
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, load: Callable[[], Any]) -> Any:
        """The cached value for `key`, or `load()` (stored for next time)."""
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit and now - hit[0] < self.seconds:
                return hit[1]
        value = load()  # outside the lock: a slow query must not block other keys
        if self.seconds > 0:
            with self._lock:
                self._items[key] = (now, value)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every entry (the next get loads afresh)."""
        with self._lock:
            self._items.clear()
