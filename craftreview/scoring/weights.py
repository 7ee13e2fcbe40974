"""Per-review evidence weights: provenance x new-account x burst x age.

A weight w scales a review's precision (its noise variance is taken as
sigma^2 / w), so down-weighted reviews widen intervals rather than narrow them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import SignalArrays
from .rows import times
from .types import OVERALL_WEIGHTS


@dataclass(frozen=True)
class WeightParams:
    """Tunable constants of the weighting scheme (documented in RESULTS.md)."""

    unverified: float = 0.75  # an unverified review from an established account: 3/4 of a verified order
    new_account_days: float = 30.0  # account younger than this at review time is "new"
    new_single: float = 0.15  # further factor for an unverified review from a new one-review account
    burst_window_days: float = 3.0  # +- window for counting new-account reviews on one maker
    burst_min: int = 3  # this many new-account reviews in the window form a burst
    half_life_days: float = 540.0  # old evidence loses half its weight every 18 months...
    age_floor: float = 0.35  # ...but never below this, so history still counts
    new_verified: float = 0.5  # a verified order redeemed by an account younger than new_account_days
    ring_flagged: float = 0.3  # a review a moderator's ring signal implicates
    history_window_days: float = 45.0  # +- window compared with the maker's own earlier review rate
    history_slack: float = 1.5  # reviews beyond (expected from history + slack) in a window share their weight
    # The same check over +- this many days too (0: off, model 2.11): five reviews on one day weighed almost fully
    # against a maker reviewed every few weeks, as the wide window expects several (bench/scoring/RESULTS.md, "Model 2.12").
    history_short_days: float = 3.0


@dataclass
class Weights:
    """Final weights and their factors, kept for the explanation."""

    weight: np.ndarray
    provenance: np.ndarray
    new_account: np.ndarray
    burst: np.ndarray
    age: np.ndarray
    age_days: np.ndarray
    voice: np.ndarray  # 1 / reviews by the same account of the same maker
    surge: np.ndarray  # burst relative to the maker's own review history (any account age, any spacing)
    outlier: np.ndarray | None = None  # far from the maker's other reviews (set by model._prepare)
    change: np.ndarray | None = None  # from before a detected drop in quality (set by model._prepare)
    group: np.ndarray | None = None  # the shared-voice part of outlier (set by model._prepare)


def _burst_sizes(arr: SignalArrays, is_new: np.ndarray, window: float) -> np.ndarray:
    """For each new-account review, how many new-account reviews hit the same maker within +-window."""
    sizes = np.zeros(arr.n, dtype=float)
    idx = np.flatnonzero(is_new)
    if idx.size == 0:
        return sizes
    # Encode (maker, time) in one sortable key; the maker stride exceeds any time span.
    t0 = np.nanmin(arr.t[idx])
    keys = _SortedKeys(arr.maker[idx] * 1e7 + (arr.t[idx] - t0))
    sizes[idx] = keys.search(window, "right") - keys.search(-window, "left")
    return sizes


class _SortedKeys:
    """Keys with their sort order, to search shifted copies of the keys in a sorted array.

    numpy's binary search starts from the previous answer when the queries increase, so searching the queries in
    sorted order and scattering the answers back is several times faster on a million keys than searching them as
    they come (random memory access); the answers are identical.
    """

    def __init__(self, key: np.ndarray):
        """key: one float per review."""
        self.perm = np.argsort(key, kind="stable")
        self.sorted = key[self.perm]

    def search(self, shift: float, side: str) -> np.ndarray:
        """np.searchsorted(sorted keys, key + shift, side) per key."""
        out = np.empty(len(self.perm), dtype=np.int64)
        out[self.perm] = np.searchsorted(self.sorted, self.sorted + shift, side)
        return out


def _maker_median(v: np.ndarray, maker: np.ndarray, n_m: int) -> np.ndarray:
    """Per maker, the (upper) median of v."""
    order = np.lexsort((v, maker))
    count = np.bincount(maker, minlength=n_m)
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    return v[order][np.minimum(start + count // 2, max(len(v) - 1, 0))]


def _history_surge(arr: SignalArrays, windows: tuple[float, ...], slack: float) -> np.ndarray:
    """Factor for reviews arriving much faster than the maker's own earlier rate (1 when no earlier history): the
    smallest over +- each of the windows (days).

    The window counts reviews on the same side of the maker's median only: a ring of one-star reviews
    does not make the honest five-stars of the same weeks look like a surge (nor shills the honest lows);
    the pace they are compared with counts every earlier review.
    """
    out = np.ones(arr.n)
    if arr.n == 0:
        return out
    t = np.nan_to_num(arr.t, nan=np.nanmin(arr.t) if np.isfinite(arr.t).any() else 0.0)
    v = times(arr.ratings, OVERALL_WEIGHTS)
    upper = v >= _maker_median(v, arr.maker, arr.n_makers)[arr.maker]
    side = _SortedKeys((arr.maker * 2 + upper) * 1e7 + (t - t.min()))
    key = arr.maker * 1e7 + (t - t.min())  # the maker's pace counts every review, on either side
    keys = _SortedKeys(key)
    first = np.empty(arr.n, dtype=np.int64)  # each review's maker's first row in keys.sorted
    first[keys.perm] = np.searchsorted(keys.sorted, arr.maker[keys.perm] * 1e7, "left")
    for window in windows:
        in_window = side.search(window, "right") - side.search(-window, "left")
        older = keys.search(-window, "left") - first  # reviews before the window opens
        span = (key - window) - keys.sorted[first]
        rate = np.where((older >= 2) & (span > 0), older / np.maximum(span, window), np.inf)
        expected = rate * 2 * window + slack
        surging = np.isfinite(expected) & (in_window >= 3) & (in_window > expected)
        out[surging] = np.minimum(out[surging], expected[surging] / in_window[surging])
    return out


def _pair_counts(arr: SignalArrays) -> np.ndarray:
    """Per signal: how many reviews its reviewer wrote of its maker (among arr's signals)."""
    key = arr.reviewer.astype(np.int64) * max(arr.n_makers, 1) + arr.maker
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    return counts[inverse]


def compute_weights(arr: SignalArrays, now_days: float, reviewer_counts: np.ndarray,
                    params: WeightParams) -> Weights:
    """Weights for every signal; reviewer_counts[i] is the total reviews by signal i's reviewer."""
    pairs = _pair_counts(arr)
    provenance = np.where(arr.verified, 1.0, params.unverified) * np.where(arr.ring, params.ring_flagged, 1.0)
    account_age = arr.t - arr.joined
    # Unknown join dates (legacy imports) are not treated as new accounts.
    is_new = np.nan_to_num(account_age, nan=np.inf) < params.new_account_days
    # A new account whose every review is of this one maker, however many it wrote (several reviews by one account
    # of one maker share one voice: counted by review, a second review of the same maker lifted the discount).
    single = is_new & (reviewer_counts <= pairs) & ~arr.verified
    # A verified order proves a purchase, not an independent buyer: the maker records orders and sends
    # the invitations, so a fresh account redeeming one is discounted too (less than an unverified one).
    new_account = np.where(single, params.new_single, np.where(is_new & arr.verified, params.new_verified, 1.0))
    sizes = _burst_sizes(arr, is_new, params.burst_window_days)
    # A burst of n fresh accounts speaks with roughly one voice.
    burst = np.where(sizes >= params.burst_min, 1.0 / np.maximum(sizes, 1.0), 1.0)
    age_days = np.maximum(now_days - arr.t, 0.0)
    age = np.maximum(params.age_floor, 0.5 ** (age_days / params.half_life_days))
    voice = 1.0 / pairs  # several reviews by one account of one maker share one voice
    windows = tuple(d for d in (params.history_window_days, params.history_short_days) if d)
    surge = _history_surge(arr, windows, params.history_slack)
    weight = provenance * new_account * burst * age * voice * surge
    return Weights(weight, provenance, new_account, burst, age, age_days, voice, surge)
