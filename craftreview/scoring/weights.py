"""Per-review evidence weights: provenance x new-account x burst x age.

A weight w scales a review's precision (its noise variance is taken as
sigma^2 / w), so down-weighted reviews widen intervals rather than narrow them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import SignalArrays


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


@dataclass
class Weights:
    """Final weights and their factors, kept for the explanation."""

    weight: np.ndarray
    provenance: np.ndarray
    new_account: np.ndarray
    burst: np.ndarray
    age: np.ndarray
    age_days: np.ndarray


def _burst_sizes(arr: SignalArrays, is_new: np.ndarray, window: float) -> np.ndarray:
    """For each new-account review, how many new-account reviews hit the same maker within +-window."""
    sizes = np.zeros(arr.n, dtype=float)
    idx = np.flatnonzero(is_new)
    if idx.size == 0:
        return sizes
    # Encode (maker, time) in one sortable key; the maker stride exceeds any time span.
    t0 = np.nanmin(arr.t[idx])
    key = arr.maker[idx] * 1e7 + (arr.t[idx] - t0)
    order = np.sort(key)
    lo = np.searchsorted(order, key - window, side="left")
    hi = np.searchsorted(order, key + window, side="right")
    sizes[idx] = hi - lo
    return sizes


def compute_weights(arr: SignalArrays, now_days: float, reviewer_counts: np.ndarray,
                    params: WeightParams) -> Weights:
    """Weights for every signal; reviewer_counts[i] is the total reviews by signal i's reviewer."""
    provenance = np.where(arr.verified, 1.0, params.unverified)
    account_age = arr.t - arr.joined
    # Unknown join dates (legacy imports) are not treated as new accounts.
    is_new = np.nan_to_num(account_age, nan=np.inf) < params.new_account_days
    single = is_new & (reviewer_counts <= 1) & ~arr.verified
    new_account = np.where(single, params.new_single, 1.0)
    sizes = _burst_sizes(arr, is_new, params.burst_window_days)
    # A burst of n fresh accounts speaks with roughly one voice.
    burst = np.where(sizes >= params.burst_min, 1.0 / np.maximum(sizes, 1.0), 1.0)
    age_days = np.maximum(now_days - arr.t, 0.0)
    age = np.maximum(params.age_floor, 0.5 ** (age_days / params.half_life_days))
    weight = provenance * new_account * burst * age
    return Weights(weight, provenance, new_account, burst, age, age_days)
