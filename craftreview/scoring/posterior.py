"""Conjugate multivariate-normal posterior per maker, overall score, tiers."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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
    rhs = np.einsum("nij,nj->ni", t_inv, prior_mean) + sum_undated @ s3_inv[:, :3].T
    rhs = rhs + sum_dated @ s_inv.T
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
    rhs[:, :4] = np.einsum("nij,nj->ni", t_inv, prior_mean) + stats.sum_undated @ s3[:, :3].T + stats.sum_dated @ s4.T
    rhs[:, 4] = -(tr.ay_undated @ (u @ s3)[:3] + tr.ay_dated @ (u @ s4))
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
    om = mean @ A
    ov = np.einsum("i,nij,j->n", A, cov, A)
    sd = np.sqrt(ov)
    p_master = 1.0 - ndtr((MASTER_LINE - om) / sd)
    p_skilled = 1.0 - ndtr((SKILLED_LINE - om) / sd)
    p_novice = ndtr((NOVICE_LINE - om) / sd)
    p_developing = np.clip(1.0 - p_skilled - p_novice, 0.0, 1.0)
    tier = assign_tiers(p_master, p_skilled, p_novice, p_developing, has_data, confidence)
    return Posterior(mean, cov, om, ov, p_master, p_skilled, p_novice, p_developing, tier)


def interval(mean: np.ndarray, sd: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean, low, high) of the 90% interval, clipped to the 1-5 scale."""
    lo = np.clip(mean - Z_INTERVAL * sd, 1.0, 5.0)
    hi = np.clip(mean + Z_INTERVAL * sd, 1.0, 5.0)
    return np.clip(mean, 1.0, 5.0), lo, hi
