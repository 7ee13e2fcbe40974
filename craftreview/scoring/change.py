"""How likely a maker's recent reviews describe a changed maker, and what that does to the 90% interval.

Makers change: a new glaze, a new supplier, a bad year. The estimate follows a change only slowly (older
reviews keep weight, an upward change is never a change point, recent praise is seasoned), so a maker whose
recent reviews disagree with the older ones is an estimate that may be off by the whole disagreement.

The overall-star gap d between a maker's reviews of the last RECENT_DAYS and its older reviews (weighted
means, with the model's weights) is modelled across makers as a mixture:
    unchanged:  d ~ N(0, s2)            (s2 = sampling variance of the two means)
    changed:    d ~ N(0, s2 + change_var)  with probability change_share.
change_share and change_var are fitted to the platform by EM; for one maker, p = P(changed | d). A changed
maker's estimate (one level for all its reviews) is off by about the change times the older reviews' share of
the evidence, so the interval's variance gains p x share^2 x E[change^2 | d] (change_variance). The estimate,
the tier probabilities and the claims are the model's own: only the interval is widened. A gap is read only where
each side holds at least MIN_SIDE reviews: one review against one is two buyers' opinions, whose spread the
posterior already prices (the one-to-two-review band was already covered a little over 90%).
"""
from __future__ import annotations

import numpy as np

from .claims import RECENT_DAYS
from .rows import times
from .types import OVERALL_WEIGHTS

_ITERATIONS = 60
MIN_MAKERS = 10  # makers with both recent and older reviews needed before a platform's change mixture is fitted
# Reviews each side of the recent/older boundary before a gap is read as a possible change (as steps.MIN_SIDE): one
# review against one is two buyers' opinions, whose spread the posterior already prices.
MIN_SIDE = 2


def recent_gap(y3: np.ndarray, w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
               noise_overall: float, min_side: int = MIN_SIDE) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per maker: gap d between the recent and the older weighted mean of the overall star, its sampling
    variance s2 (Kish: weights are relevance, as in drift.py; inf where either side has no evidence or fewer
    than min_side reviews), and the older reviews' share of the maker's evidence."""
    overall = times(y3, OVERALL_WEIGHTS)
    recent = age_days < RECENT_DAYS
    means, kish, totals = [], [], []
    for side in (recent, ~recent):
        ws = np.where(side, w, 0.0)
        total = np.bincount(maker, ws, n_m)
        totals.append(total)
        safe = np.maximum(total, 1e-12)
        means.append(np.bincount(maker, ws * overall, n_m) / safe)
        enough = (total > 1e-9) & (np.bincount(maker, side & (w > 0.0), n_m) >= min_side)
        kish.append(np.where(enough, np.bincount(maker, ws * ws, n_m) / safe**2, np.inf))
    s2 = noise_overall * (kish[0] + kish[1])
    older = totals[1] / np.maximum(totals[0] + totals[1], 1e-12)
    return np.where(np.isfinite(s2), means[0] - means[1], 0.0), s2, older


def _changed_share(d: np.ndarray, s2: np.ndarray, share: float, var: float) -> np.ndarray:
    """Posterior probability of the 'changed' component for each gap (0 where s2 is inf: nothing to compare)."""
    known = np.isfinite(s2)
    s2 = np.where(known, s2, 1.0)
    changed = share * np.exp(-0.5 * d * d / (var + s2)) / np.sqrt(var + s2)
    steady = (1.0 - share) * np.exp(-0.5 * d * d / s2) / np.sqrt(s2)
    return np.where(known, changed / np.maximum(changed + steady, 1e-300), 0.0)


def fit_change_mixture(d: np.ndarray, s2: np.ndarray) -> tuple[float, float]:
    """(change_share, change_var) by EM over makers with both recent and older reviews; (0, 0) with too few."""
    ok = np.isfinite(s2)
    d, s2 = d[ok], s2[ok]
    if len(d) < MIN_MAKERS:
        return 0.0, 0.0
    share, var = 0.2, float(max(np.mean(d * d - s2), 0.01))
    for _ in range(_ITERATIONS):
        r = _changed_share(d, s2, share, var)
        share = float(np.clip(r.mean(), 1e-3, 1.0 - 1e-3))
        h = r / (var + s2) ** 2  # precision-squared weights suit a variance estimate, as in drift.py
        var = max(1e-4, float(np.sum(h * (d * d - s2)) / max(float(np.sum(h)), 1e-12)))
    return share, var


def change_probability(d: np.ndarray, s2: np.ndarray, share: float, var: float) -> np.ndarray:
    """P(changed) per maker under the platform's mixture (0 without a fitted mixture)."""
    if share <= 0.0:
        return np.zeros(len(d))
    return _changed_share(d, s2, share, var)


def change_variance(d: np.ndarray, s2: np.ndarray, older: np.ndarray, share: float, var: float) -> np.ndarray:
    """Per maker: expected squared error the estimate owes to a change, in overall stars^2.

    If the maker changed by delta at the recent/older boundary, the estimate (one level for all reviews)
    is off by about delta times the older reviews' share of the evidence; given the gap d, delta has mean
    d var / (var + s2) and variance var s2 / (var + s2). Weighted by P(changed | d); 0 where nothing compares.
    """
    p = change_probability(d, s2, share, var)
    s2 = np.where(np.isfinite(s2), s2, 0.0)
    delta2 = (d * var / (var + s2)) ** 2 + var * s2 / (var + s2)
    return p * older**2 * delta2
