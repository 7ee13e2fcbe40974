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
MIN_SPAN_YEARS2 = 0.05  # slope needs some spread of review dates
_ITERATIONS = 5


def estimate_drift_var(y: np.ndarray, t_years: np.ndarray, maker: np.ndarray, n_m: int,
                       noise_var: float) -> float:
    """Between-maker variance of quality slopes (stars^2 / year^2), >= 0."""
    n = np.bincount(maker, minlength=n_m).astype(float)
    if len(y) == 0:
        return 0.0
    sx, sy = np.bincount(maker, t_years, n_m), np.bincount(maker, y, n_m)
    sxx, sxy = np.bincount(maker, t_years * t_years, n_m), np.bincount(maker, t_years * y, n_m)
    ok = n >= MIN_REVIEWS_FOR_SLOPE
    nn = np.where(ok, n, 1.0)
    span = sxx - sx * sx / nn
    ok &= span > MIN_SPAN_YEARS2
    if ok.sum() < 5:
        return 0.0
    slope = (sxy[ok] - sx[ok] * sy[ok] / n[ok]) / span[ok]
    sampling = noise_var / span[ok]
    var = 0.0
    for _ in range(_ITERATIONS):
        h = 1.0 / (var + sampling) ** 2  # precision-squared weights suit a variance-of-variance estimate
        var = max(0.0, float(np.sum(h * (slope**2 - sampling)) / np.sum(h)))
    return var


def drift_factor(weight: np.ndarray, mean_age_years: np.ndarray, drift_var: float,
                 noise_var: float) -> np.ndarray:
    """Multiplier on a maker's evidence weight so that noise/W' = noise/W + drift_var * age^2."""
    return 1.0 / (1.0 + weight * drift_var * mean_age_years**2 / noise_var)
