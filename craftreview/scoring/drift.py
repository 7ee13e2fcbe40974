"""How fast makers' quality drifts, and what that does to old evidence.

A maker's weighted mean rating describes the maker at the evidence's weighted
mean age, not now. If true quality moves at rate rho (stars/year) with
rho ~ N(0, drift_var) across makers, the mean is off by rho * age, which adds
drift_var * age^2 to its variance however many reviews there are. drift_var is
estimated by method of moments from within-maker slopes of rating on time.
"""
from __future__ import annotations

import numpy as np

MIN_REVIEWS_FOR_SLOPE = 4

MIN_SPAN_YEARS = 0.25  # weighted SD of a maker's review dates before its slope says anything about drift
_ITERATIONS = 5


def estimate_drift_var(y: np.ndarray, t_years: np.ndarray, maker: np.ndarray, n_m: int,
                       noise_var: float, w: np.ndarray | None = None, exclude: np.ndarray | None = None) -> float:
    """Between-maker variance of quality slopes (stars^2 / year^2), >= 0; weighted by review weights.

    Each maker's excess squared slope is capped (winsorised at the 90th percentile), so a few
    makers under attack cannot inflate the drift every other maker's interval pays for. Makers
    with a detected drop (exclude) are modelled by the change point instead, and histories shorter
    than MIN_SPAN_YEARS say more about one step than about a steady drift.
    """
    count = np.bincount(maker, minlength=n_m).astype(float)
    if len(y) == 0:
        return 0.0
    w = np.ones(len(y)) if w is None else w
    slopes, factor, span, n = weighted_slopes(y, t_years, maker, n_m, w)
    ok = (count >= MIN_REVIEWS_FOR_SLOPE) & (n > 1e-9)
    ok &= (span / np.where(ok, n, 1.0) > MIN_SPAN_YEARS**2) & (span > 1e-9)
    if exclude is not None:
        ok &= ~exclude
    if ok.sum() < 5:
        return 0.0
    slope, sampling = slopes[ok], noise_var * factor[ok]
    excess = slope**2 - sampling
    excess = np.minimum(excess, np.quantile(excess, 0.90))
    var = 0.0
    for _ in range(_ITERATIONS):
        h = 1.0 / (var + sampling) ** 2  # precision-squared weights suit a variance-of-variance estimate
        var = max(0.0, float(np.sum(h * excess) / np.sum(h)))
    return var


def weighted_slopes(y: np.ndarray, t: np.ndarray, maker: np.ndarray, n_m: int, w: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per maker: the weighted least-squares slope of y on t, its sampling variance per unit of one review's noise
    (weights are relevance, not precision: sum w^2 (t - tbar)^2 / span^2), the span sum w (t - tbar)^2 and the total
    weight. Makers with no weight or no span get finite nonsense: callers choose which makers to read."""
    n = np.bincount(maker, w, n_m)
    sx, sy = np.bincount(maker, w * t, n_m), np.bincount(maker, w * y, n_m)
    sxx, sxy = np.bincount(maker, w * t * t, n_m), np.bincount(maker, w * t * y, n_m)
    nn = np.where(n > 1e-9, n, 1.0)
    tbar = sx / nn
    span = sxx - sx * tbar
    w2 = w * w
    spread2 = (np.bincount(maker, w2 * t * t, n_m) - 2 * tbar * np.bincount(maker, w2 * t, n_m)
               + tbar * tbar * np.bincount(maker, w2, n_m))
    safe_span = np.maximum(span, 1e-12)
    return (sxy - sx * sy / nn) / safe_span, np.maximum(spread2, 1e-12) / safe_span**2, span, n


def drift_factor(weight: np.ndarray, mean_age_years: np.ndarray, drift_var: float,
                 noise_var: float) -> np.ndarray:
    """Multiplier on a maker's evidence weight so that noise/W' = noise/W + drift_var * age^2."""
    return 1.0 / (1.0 + weight * drift_var * mean_age_years**2 / noise_var)
