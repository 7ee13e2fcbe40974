"""Near-duplicate text: word shingles, MinHash signatures and banded LSH (own implementation)."""
from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from itertools import combinations

import numpy as np

SHINGLE_WORDS = 3
MIN_WORDS = 8          # short texts ("Lovely, thank you!") repeat honestly; they prove nothing
PERMUTATIONS = 64
BANDS = 16             # 16 bands x 4 rows: pairs above ~0.5 Jaccard almost always share a band
PRIME = (1 << 31) - 1  # hashes stay below 2**31, so a*x+b fits in uint64 without overflow
_WORD = re.compile(r"[^\W_]+")
_rng = np.random.default_rng(20261201)
_A = _rng.integers(1, PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, PRIME, PERMUTATIONS, dtype=np.uint64)


def shingles(text: str) -> frozenset[int]:
    """Hashed 3-word shingles of the case-folded words; empty for texts too short to judge."""
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return frozenset()
    h = [zlib.crc32(w.encode()) for w in words]
    # Order matters in a shingle: mix the three word hashes with different multipliers.
    return frozenset((a * 1_000_003 + b * 8_191 + c) % PRIME for a, b, c in zip(h, h[1:], h[2:], strict=False))


def signature(shingle_set: frozenset[int]) -> np.ndarray:
    """The MinHash signature: per permutation, the smallest permuted shingle hash."""
    values = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
    return ((np.outer(values, _A) + _B) % PRIME).min(axis=0)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def candidate_pairs(signatures: np.ndarray) -> set[tuple[int, int]]:
    """Row pairs of the signature matrix that agree on at least one whole band."""
    rows = PERMUTATIONS // BANDS
    pairs: set[tuple[int, int]] = set()
    for band in range(BANDS):
        keys = np.zeros(len(signatures), dtype=np.uint64)
        for column in range(band * rows, (band + 1) * rows):
            keys = keys * np.uint64(0x9E3779B1) + signatures[:, column]  # wraps: a hash of the band
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        for first, end in zip(starts, np.r_[starts[1:], len(order)], strict=True):
            if end - first > 1:
                pairs.update(combinations(sorted(order[first:end].tolist()), 2))
    return pairs


def without_stock_phrases(sets: list[frozenset[int]], groups: Sequence[int], spread: int,
                          authors: Sequence[int] | None = None) -> list[frozenset[int]]:
    """Drop stock phrases: shingles everybody writes ("arrived well packed and"), which prove nothing. A stock phrase
    is used on more than `spread` distinct groups (makers), in more than `spread` different texts and, given
    `authors`, by more than `spread` accounts. A ring copies its text onto a few makers; a farm that pastes one text
    onto dozens still writes one text, from a few accounts: counted by makers alone, its whole text was "stock"."""
    texts: dict[frozenset[int], int] = {}
    seen: dict[int, tuple[set[int], set[int], set[int]]] = {}
    for n, (shingle_set, group) in enumerate(zip(sets, groups, strict=True)):
        text = texts.setdefault(shingle_set, len(texts))
        author = authors[n] if authors is not None else n
        for shingle in shingle_set:
            where, by, within = seen.setdefault(shingle, (set(), set(), set()))
            where.add(group)
            by.add(author)
            within.add(text)
    stock = {shingle for shingle, counts in seen.items() if min(len(c) for c in counts) > spread}
    return [s - stock for s in sets]


def similar_pairs(texts: Sequence[str], threshold: float, groups: Sequence[int] | None = None,
                  spread: int = 10, authors: Sequence[int] | None = None) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for texts sharing at least `threshold` of all their shingles.

    With `groups` (and `authors`), only distinctive shingles (not stock phrases: `without_stock_phrases`) count as
    shared, while the whole texts make the denominator: two reviews built from stock phrases plus the same maker's
    name share little that is their own.
    """
    full = [shingles(t) for t in texts]
    own = without_stock_phrases(full, groups, spread, authors) if groups is not None else full
    judged = [i for i, s in enumerate(own) if len(s) >= MIN_WORDS - SHINGLE_WORDS + 1]
    if len(judged) < 2:
        return []
    sigs = np.vstack([signature(own[i]) for i in judged])
    found = []
    for a, b in candidate_pairs(sigs):
        i, j = judged[a], judged[b]
        # The LSH only proposes; the exact value decides.
        score = len(own[i] & own[j]) / len(full[i] | full[j])
        if score >= threshold:
            found.append((i, j, score))
    return sorted(found)
