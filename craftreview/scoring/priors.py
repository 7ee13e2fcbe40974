"""Empirical-Bayes priors per craft x dimension, with objective covariates.

Model for maker m, dimension d (bias-corrected weighted mean ybar):
    ybar[m,d] = mu[craft(m),d] + x[m] . beta[d] + u[m,d] + e[m,d]
    u ~ N(0, tau2[craft,d]),  e ~ N(0, S[d,d] / W[m])
mu, beta and tau2 are fitted by weighted method of moments; per-craft values
are blended toward the global ones with CRAFT_PSEUDO_MAKERS, and everything
toward a vague hyperprior worth HYPER_MAKERS makers, so tiny platforms and
rare crafts stay sensible.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable

import numpy as np

from .features import N_FEATURES, MakerStats

FEATURES_FOR_DIM: tuple[tuple[int, ...], ...] = ((), (0,), (1, 2))
CRAFT_PSEUDO_MAKERS = 30.0
HYPER_MAKERS = 5.0
HYPER_MEAN = 3.0  # scale midpoint; only matters when there is almost no data
HYPER_TAU2 = 0.5
TAU2_FLOOR = 0.01
_ITERATIONS = 5


@dataclass
class PriorParams:
    """Fitted global parameters of the prior and noise model."""

    mu: np.ndarray  # (3,) global prior mean
    tau2: np.ndarray  # (3,) global between-maker variance
    beta: np.ndarray  # (N_FEATURES, 3) covariate coefficients
    feature_ref: np.ndarray  # (N_FEATURES,) platform reference values of covariates
    corr: np.ndarray  # (3, 3) between-maker correlation of dimensions
    noise: np.ndarray  # (3, 3) within-maker noise covariance of one verified review
    craft_mu: dict[Hashable, np.ndarray] = field(default_factory=dict)
    craft_tau2: dict[Hashable, np.ndarray] = field(default_factory=dict)
    craft_makers: dict[Hashable, int] = field(default_factory=dict)

    def lookup(self, craft: Hashable | None) -> tuple[np.ndarray, np.ndarray, str]:
        """(mean, tau2, source) for one craft, falling back to global."""
        if craft is not None and craft in self.craft_mu:
            return self.craft_mu[craft], self.craft_tau2[craft], "craft"
        return self.mu, self.tau2, "global"


def noise_covariance(y: np.ndarray, maker: np.ndarray, n_m: int, rows: np.ndarray) -> np.ndarray:
    """Pooled within-maker covariance of bias-corrected ratings over the given rows."""
    if rows.sum() < 10:
        rows = np.ones_like(rows)
    mk, yy = maker[rows], y[rows]
    count = np.bincount(mk, minlength=n_m).astype(float)
    means = np.stack([np.bincount(mk, yy[:, d], n_m) for d in range(3)], axis=1)
    means = means / np.maximum(count, 1.0)[:, None]
    resid = yy - means[mk]
    dof = float(np.sum(np.maximum(count - 1, 0)))
    if dof < 5:
        return np.eye(3)
    cov = resid.T @ resid / dof
    return _nearest_pd(cov, floor=0.05)


def _nearest_pd(cov: np.ndarray, floor: float) -> np.ndarray:
    """Symmetric matrix with eigenvalues at least floor."""
    vals, vecs = np.linalg.eigh((cov + cov.T) / 2)
    return (vecs * np.maximum(vals, floor)) @ vecs.T


def _wls(y: np.ndarray, x: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Weighted least squares coefficients (small ridge for stability)."""
    xtw = x.T * h
    return np.linalg.solve(xtw @ x + 1e-6 * np.eye(x.shape[1]), xtw @ y)


def _blend(value: np.ndarray, n: float, toward: np.ndarray, k: float) -> np.ndarray:
    return (n * value + k * toward) / (n + k)


def _fit_dimension(ybar: np.ndarray, noise_var: np.ndarray, x: np.ndarray,
                   craft: np.ndarray, n_crafts: int) -> tuple:
    """Fit mu (global, per craft), beta and tau2 (global, per craft) for one dimension."""
    n = len(ybar)
    tau2_c = np.full(n_crafts, HYPER_TAU2)
    mu_c, beta, tau2_g, mu_g = np.full(n_crafts, HYPER_MEAN), np.zeros(x.shape[1]), HYPER_TAU2, HYPER_MEAN
    n_c = np.bincount(craft, minlength=n_crafts).astype(float)
    for _ in range(_ITERATIONS):
        h = 1.0 / (tau2_c[craft] + noise_var)
        if x.shape[1]:
            beta = _wls(ybar - mu_c[craft], x, h)
        r = ybar - x @ beta
        mu_g = _blend(np.sum(h * r) / np.sum(h), n, np.array(HYPER_MEAN), HYPER_MAKERS)
        craft_mean = np.bincount(craft, h * r, n_crafts) / np.maximum(np.bincount(craft, h, n_crafts), 1e-12)
        mu_c = _blend(craft_mean, n_c, mu_g, CRAFT_PSEUDO_MAKERS)
        dev = (r - mu_c[craft]) ** 2 - noise_var
        tau2_g = max(_blend(np.sum(h * dev) / np.sum(h), n, np.array(HYPER_TAU2), HYPER_MAKERS), TAU2_FLOOR)
        craft_dev = np.bincount(craft, h * dev, n_crafts) / np.maximum(np.bincount(craft, h, n_crafts), 1e-12)
        tau2_c = np.maximum(_blend(craft_dev, n_c, tau2_g, CRAFT_PSEUDO_MAKERS), TAU2_FLOOR)
    return float(mu_g), mu_c, beta, float(tau2_g), tau2_c


def _correlation(resid: np.ndarray, noise_var: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Between-maker correlation of dimensions by method of moments."""
    # Noise covariance of maker means is S / W; passed in pre-divided per maker as (n, 3, 3).
    cov = np.einsum("m,mi,mj->ij", h, resid, resid) - np.einsum("m,mij->ij", h, noise_var)
    cov /= max(np.sum(h), 1e-12)
    sd = np.sqrt(np.maximum(np.diag(cov), 1e-6))
    corr = np.clip(cov / np.outer(sd, sd), -0.9, 0.9)
    np.fill_diagonal(corr, 1.0)
    return _nearest_pd(corr, floor=0.05)


def fit_priors(stats: MakerStats, noise: np.ndarray, craft: np.ndarray,
               craft_names: list[Hashable]) -> PriorParams:
    """Fit PriorParams from maker statistics; craft[m] indexes craft_names (-1 = unknown)."""
    has = stats.weight > 0
    ybar, w = stats.mean[has], stats.weight[has]
    ref = np.array([np.nanmean(stats.raw[has, k]) if np.isfinite(stats.raw[has, k]).any() else 0.0
                    for k in range(N_FEATURES)])
    x_all = np.nan_to_num((stats.raw[has] - ref) * stats.reliability[has], nan=0.0)
    n_crafts = len(craft_names)
    cidx = np.where(craft[has] >= 0, craft[has], n_crafts)  # extra bucket for "no craft"
    mu, tau2, beta = np.zeros(3), np.zeros(3), np.zeros((N_FEATURES, 3))
    craft_mu, craft_tau2 = np.zeros((n_crafts + 1, 3)), np.zeros((n_crafts + 1, 3))
    resid = np.zeros((int(has.sum()), 3))
    for d in range(3):
        cols = list(FEATURES_FOR_DIM[d])
        nv = noise[d, d] / w
        mu[d], craft_mu[:, d], b, tau2[d], craft_tau2[:, d] = _fit_dimension(ybar[:, d], nv, x_all[:, cols], cidx, n_crafts + 1)
        beta[cols, d] = b
        resid[:, d] = ybar[:, d] - x_all[:, cols] @ b - craft_mu[cidx, d]
    h = 1.0 / (np.mean(tau2) + np.trace(noise) / 3 / w)
    corr = _correlation(resid, noise[None, :, :] / w[:, None, None], h) if len(w) > 2 else np.eye(3)
    counts = np.bincount(cidx, minlength=n_crafts + 1)
    return PriorParams(
        mu=mu, tau2=tau2, beta=beta, feature_ref=ref, corr=corr, noise=noise,
        craft_mu={c: craft_mu[i] for i, c in enumerate(craft_names) if counts[i] > 0},
        craft_tau2={c: craft_tau2[i] for i, c in enumerate(craft_names) if counts[i] > 0},
        craft_makers={c: int(counts[i]) for i, c in enumerate(craft_names) if counts[i] > 0},
    )
