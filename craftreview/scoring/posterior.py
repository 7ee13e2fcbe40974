"""Conjugate multivariate-normal posterior per maker, overall score, tiers."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import ndtr, ndtri

from .types import (INTERVAL_LEVEL, MASTER_LINE, NOVICE_LINE, OVERALL_WEIGHTS,
                    SKILLED_LINE, TIER_CONFIDENCE)

Z_INTERVAL = float(ndtri(0.5 + INTERVAL_LEVEL / 2))  # 1.645 for 90%
Z_TIER = float(ndtri(TIER_CONFIDENCE))  # 0.8416
A = np.array(OVERALL_WEIGHTS)


@dataclass
class Posterior:
    """Posterior for n makers: means (n, 3), covariances (n, 3, 3), overall and tiers."""

    mean: np.ndarray
    cov: np.ndarray
    overall_mean: np.ndarray
    overall_var: np.ndarray
    p_master: np.ndarray
    p_skilled: np.ndarray
    p_novice: np.ndarray
    p_developing: np.ndarray
    tier: np.ndarray  # str

    @property
    def sd(self) -> np.ndarray:
        """Posterior SD per dimension (n, 3)."""
        return np.sqrt(np.diagonal(self.cov, axis1=1, axis2=2))


def prior_cov(tau2: np.ndarray, corr: np.ndarray) -> np.ndarray:
    """Prior covariance (n, 3, 3) from per-maker variances (n, 3) and a shared correlation."""
    sd = np.sqrt(tau2)
    return sd[:, :, None] * corr[None, :, :] * sd[:, None, :]


def update(prior_mean: np.ndarray, prior_cv: np.ndarray, weight: np.ndarray,
           wsum: np.ndarray, noise: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Posterior mean and covariance given weighted observations with noise covariance noise/w."""
    t_inv = np.linalg.inv(prior_cv)
    s_inv = np.linalg.inv(noise)
    precision = t_inv + weight[:, None, None] * s_inv[None, :, :]
    cov = np.linalg.inv(precision)
    rhs = np.einsum("nij,nj->ni", t_inv, prior_mean) + wsum @ s_inv.T
    mean = np.einsum("nij,nj->ni", cov, rhs)
    return mean, (cov + np.transpose(cov, (0, 2, 1))) / 2


def assign_tiers(p_master: np.ndarray, p_skilled: np.ndarray, p_novice: np.ndarray,
                 p_developing: np.ndarray, has_data: np.ndarray) -> np.ndarray:
    """Strongest claim that holds with TIER_CONFIDENCE; unproven otherwise or without data."""
    tier = np.full(len(p_master), "unproven", dtype=object)
    tier[p_developing >= TIER_CONFIDENCE] = "developing"
    tier[p_novice >= TIER_CONFIDENCE] = "novice"
    tier[p_skilled >= TIER_CONFIDENCE] = "skilled"
    tier[p_master >= TIER_CONFIDENCE] = "master"
    tier[~has_data] = "unproven"
    return tier


def summarise(mean: np.ndarray, cov: np.ndarray, has_data: np.ndarray) -> Posterior:
    """Overall score, tier probabilities and tiers from per-dimension posteriors."""
    om = mean @ A
    ov = np.einsum("i,nij,j->n", A, cov, A)
    sd = np.sqrt(ov)
    p_master = 1.0 - ndtr((MASTER_LINE - om) / sd)
    p_skilled = 1.0 - ndtr((SKILLED_LINE - om) / sd)
    p_novice = ndtr((NOVICE_LINE - om) / sd)
    p_developing = np.clip(1.0 - p_skilled - p_novice, 0.0, 1.0)
    tier = assign_tiers(p_master, p_skilled, p_novice, p_developing, has_data)
    return Posterior(mean, cov, om, ov, p_master, p_skilled, p_novice, p_developing, tier)


def interval(mean: np.ndarray, sd: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean, low, high) of the 90% interval, clipped to the 1-5 scale."""
    lo = np.clip(mean - Z_INTERVAL * sd, 1.0, 5.0)
    hi = np.clip(mean + Z_INTERVAL * sd, 1.0, 5.0)
    return np.clip(mean, 1.0, 5.0), lo, hi
