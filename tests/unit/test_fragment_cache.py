"""FragmentCache: least recently used first out, bounded by entries and by the memory of its strings."""
from __future__ import annotations

import sys

from craftreview.services.fragments import FragmentCache, digest


def test_a_stored_fragment_is_served_without_rendering_again():
    cache, calls = FragmentCache(max_entries=4), []
    for _ in range(3):
        assert cache.get("k", lambda: calls.append(1) or "<p>x</p>") == "<p>x</p>"
    assert calls == [1] and (cache.stats.hits, cache.stats.misses) == (2, 1)


def test_the_least_recently_used_entry_leaves_first():
    cache = FragmentCache(max_entries=2)
    cache.get("a", lambda: "A")
    cache.get("b", lambda: "B")
    cache.get("a", lambda: "A again")  # a is now the most recent
    cache.get("c", lambda: "C")
    assert cache.get("a", lambda: "re-rendered") == "A" and cache.get("b", lambda: "re-rendered") == "re-rendered"


def test_memory_is_bounded_and_counts_two_byte_characters():
    wide = "★" * 1000  # not Latin-1: two bytes a character
    limit = 5 * sys.getsizeof(wide) + 100
    cache = FragmentCache(max_entries=100, max_bytes=limit)
    for n in range(20):
        cache.get(n, lambda n=n: wide[:-1] + str(n))
    assert cache.bytes <= limit and len(cache) == 5 and cache.stats.evictions == 15
    assert cache.bytes > 5 * 2000  # counted as memory, not as characters


def test_a_fragment_larger_than_a_quarter_of_the_cache_is_not_kept():
    cache = FragmentCache(max_entries=10, max_bytes=4000)
    assert cache.get("big", lambda: "x" * 2000) == "x" * 2000
    assert len(cache) == 0 and cache.bytes == 0


def test_digest_follows_every_value():
    rows = [(1, "a", None), (2, "b", 3)]
    assert digest(rows) == digest([tuple(r) for r in rows])
    assert digest(rows) != digest([(1, "a", None), (2, "b", 4)]) != digest(rows[:1])
