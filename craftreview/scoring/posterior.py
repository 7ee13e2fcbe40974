"""Conjugate multivariate-normal posterior per maker, overall score, tiers."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .rows import times
from .special import ndtr, ndtri
from .types import (
    CLAIM_CONFIDENCE,
    INTERVAL_LEVEL,
    MASTER_LINE,
    NOVICE_LINE,
    OVERALL_WEIGHTS,
    SKILLED_LINE,
)

Z_INTERVAL = float(ndtri(0.5 + INTERVAL_LEVEL / 2))  # 1.645 for 90%
_TAIL = (1.0 - INTERVAL_LEVEL) / 2
# Posterior sds from an end of the scale beyond which an interval is not moved (tail_levels): the share past it
# is under 1/30,000 there, and the normal quantiles cost a Python call each.
EDGE_REACH = 4.0
_LEVEL_FLOOR = 1e-9  # a whole tail moved: the end 6 sd out, past the scale's end
A = np.array([*OVERALL_WEIGHTS, 0.0])  # the lateness dimension informs delivery, not the overall directly


@dataclass
class Posterior:
    """Posterior for n makers: means (n, 4), covariances (n, 4, 4), overall and tiers."""

    mean: np.ndarray
    cov: np.ndarray
    overall_mean: np.ndarray
    overall_var: np.ndarray
    p_master: np.ndarray
    p_skilled: np.ndarray
    p_novice: np.ndarray
    p_developing: np.ndarray
    tier: np.ndarray  # str
    withheld: np.ndarray | None = None  # per maker: why an upward claim was withheld (claims.py), else None

    @property
    def sd(self) -> np.ndarray:
        """Posterior SD per dimension (n, 4)."""
        return np.sqrt(np.diagonal(self.cov, axis1=1, axis2=2))


def prior_cov(tau2: np.ndarray, corr: np.ndarray) -> np.ndarray:
    """Prior covariance (n, k, k) from per-maker variances (n, k) and a shared correlation."""
    sd = np.sqrt(tau2)
    return sd[:, :, None] * corr[None, :, :] * sd[:, None, :]


def update(prior_mean: np.ndarray, prior_cv: np.ndarray, weight_undated: np.ndarray, sum_undated: np.ndarray,
           weight_dated: np.ndarray, sum_dated: np.ndarray, noise: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Conjugate update of the 4-D prior with undated (3 stars) and dated (stars + lateness) reviews.

    A review of weight w has noise covariance noise / w; undated reviews observe the first three
    dimensions only, so they contribute the inverse of the 3x3 noise block.
    """
    t_inv = np.linalg.inv(prior_cv)
    s_inv = np.linalg.inv(noise)
    s3_inv = np.zeros_like(noise)
    s3_inv[:3, :3] = np.linalg.inv(noise[:3, :3])
    precision = t_inv + weight_undated[:, None, None] * s3_inv + weight_dated[:, None, None] * s_inv
    cov = np.linalg.inv(precision)
    rhs = np.einsum("nij,nj->ni", t_inv, prior_mean) + times(sum_undated, s3_inv[:, :3].T)
    rhs = rhs + times(sum_dated, s_inv.T)
    mean = np.einsum("nij,nj->ni", cov, rhs)
    return mean, (cov + np.transpose(cov, (0, 2, 1))) / 2


def update_with_trend(prior_mean: np.ndarray, prior_cv: np.ndarray, drift_var: float, stats,
                      noise: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Conjugate update of (4 levels now, trend rho) where a review a years old sees level - rho * a on stars.

    rho (stars per year, shared by the three star dimensions; lateness has no trend) has prior
    N(0, drift_var), so a trend is believed only when a maker's own history shows one.
    """
    n, tr = len(prior_mean), stats.trend
    t_inv = np.linalg.inv(prior_cv)
    s4 = np.linalg.inv(noise)
    s3 = np.zeros_like(noise)
    s3[:3, :3] = np.linalg.inv(noise[:3, :3])
    u = np.array([1.0, 1.0, 1.0, 0.0])
    wu, wd = stats.weight - stats.weight_dated, stats.weight_dated
    prec = np.zeros((n, 5, 5))
    prec[:, :4, :4] = t_inv + wu[:, None, None] * s3 + wd[:, None, None] * s4
    cross = -(tr.age_undated[:, None] * (s3 @ u) + tr.age_dated[:, None] * (s4 @ u))
    prec[:, :4, 4], prec[:, 4, :4] = cross, cross
    prec[:, 4, 4] = 1.0 / max(drift_var, 1e-8) + tr.age2_undated * (u @ s3 @ u) + tr.age2_dated * (u @ s4 @ u)
    rhs = np.zeros((n, 5))
    rhs[:, :4] = np.einsum("nij,nj->ni", t_inv, prior_mean) + times(stats.sum_undated, s3[:, :3].T) + times(stats.sum_dated, s4.T)
    rhs[:, 4] = -(times(tr.ay_undated, (u @ s3)[:3]) + times(tr.ay_dated, u @ s4))
    cov = np.linalg.inv(prec)
    mean = np.einsum("nij,nj->ni", cov, rhs)
    return mean, (cov + np.transpose(cov, (0, 2, 1))) / 2


def assign_tiers(p_master: np.ndarray, p_skilled: np.ndarray, p_novice: np.ndarray,
                 p_developing: np.ndarray, has_data: np.ndarray,
                 confidence: tuple[float, float, float, float] = CLAIM_CONFIDENCE) -> np.ndarray:
    """Strongest claim that holds with its confidence (master, skilled, developing, novice); unproven
    otherwise or without data."""
    c_master, c_skilled, c_developing, c_novice = confidence
    tier = np.full(len(p_master), "unproven", dtype=object)
    tier[p_developing >= c_developing] = "developing"
    tier[p_novice >= c_novice] = "novice"
    tier[p_skilled >= c_skilled] = "skilled"
    tier[p_master >= c_master] = "master"
    tier[~has_data] = "unproven"
    return tier


def summarise(mean: np.ndarray, cov: np.ndarray, has_data: np.ndarray,
              confidence: tuple[float, float, float, float] = CLAIM_CONFIDENCE) -> Posterior:
    """Overall score, tier probabilities and tiers from per-dimension posteriors."""
    om = times(mean, A)
    ov = np.einsum("i,nij,j->n", A, cov, A)
    sd = np.sqrt(ov)
    p_master = 1.0 - ndtr((MASTER_LINE - om) / sd)
    p_skilled = 1.0 - ndtr((SKILLED_LINE - om) / sd)
    p_novice = ndtr((NOVICE_LINE - om) / sd)
    p_developing = np.clip(1.0 - p_skilled - p_novice, 0.0, 1.0)
    tier = assign_tiers(p_master, p_skilled, p_novice, p_developing, has_data, confidence)
    return Posterior(mean, cov, om, ov, p_master, p_skilled, p_novice, p_developing, tier)


def tail_levels(mean: np.ndarray, sd: np.ndarray, at_edges: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """The posterior probabilities (low, high) at which each 90% interval's ends sit, elementwise.

    Central, (0.05, 0.95), unless at_edges. The truth is an expected star, inside the 1-5 scale, but a normal
    posterior near an end of the scale puts part of its outer 5% beyond that end, where the truth cannot lie; an
    interval clipped there counted those values as its tail and reached too far the other way (makers estimated at
    four stars or more from one or two reviews were covered 96-98% of the time, never missed above). So both ends
    move toward that end of the scale by the posterior's share beyond it, up to the whole 5%: the interval still
    holds 90% of the posterior, and a posterior with 5% or more past five stars gets (0.10, 1.00), from its 10%
    point up to five. Continuous in the estimate. bench/scoring/RESULTS.md, "Model 2.21"."""
    low, high = np.full(np.shape(mean), _TAIL), np.full(np.shape(mean), 1.0 - _TAIL)
    if not at_edges:
        return low, high
    near = (mean + EDGE_REACH * sd > 5.0) | (mean - EDGE_REACH * sd < 1.0)
    if near.any():
        m, s = mean[near], sd[near]
        shift = np.minimum(1.0 - ndtr((5.0 - m) / s), _TAIL) - np.minimum(ndtr((1.0 - m) / s), _TAIL)
        low[near] += shift
        high[near] += shift
    return low, high


def z_at(level: np.ndarray) -> np.ndarray:
    """Standard normal quantiles of tail levels, ±Z_INTERVAL where central (computed only where moved); a level at
    0 or 1 (a whole tail moved) gives an end far past the scale's, clipped there."""
    z = np.where(level < 0.5, -Z_INTERVAL, Z_INTERVAL)
    slid = np.abs(level - np.where(level < 0.5, _TAIL, 1.0 - _TAIL)) > 1e-15
    if slid.any():
        z[slid] = ndtri(np.clip(level[slid], _LEVEL_FLOOR, 1.0 - _LEVEL_FLOOR))
    return z


class Ranges(NamedTuple):
    """Each maker's 90% interval ends, (n_m, 4) for the three stars and the overall, before clipping to the
    scale; steps: (n_m,) bool, whether a possible change in the maker's level (a step, steps.py, or a slide,
    slope.py) moved an end of that maker's interval beyond the normal posterior's;
    buyer_gap: the average reviewer minus the typical one they allow for (allow_for_buyer_gap; 0: none)."""

    low: np.ndarray
    high: np.ndarray
    steps: np.ndarray
    buyer_gap: float = 0.0


def normal_ranges(mean: np.ndarray, sd: np.ndarray, levels: tuple[np.ndarray, np.ndarray]) -> Ranges:
    """The normal posterior's ends at the tail levels (tail_levels)."""
    return Ranges(mean + z_at(levels[0]) * sd, mean + z_at(levels[1]) * sd, np.zeros(len(mean), dtype=bool))


def allow_for_buyer_gap(ranges: Ranges, gap: float) -> Ranges:
    """The ranges with the end the typical reviewer lies toward moved out by the gap (stars): where the average
    reviewer sits below the typical one (gap < 0, a harsh minority), every estimate, read from the average
    reviewer, sits low by about that much, prior included, so the high end rises by |gap|; a kind minority
    lowers the low end. Every maker and dimension alike: one offset per reviewer covers all three stars."""
    if gap < 0.0:
        return Ranges(ranges.low, ranges.high - gap, ranges.steps, gap)
    if gap > 0.0:
        return Ranges(ranges.low - gap, ranges.high, ranges.steps, gap)
    return ranges
