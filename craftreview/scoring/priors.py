"""Empirical-Bayes priors per craft x dimension, and the noise model.

For maker m and dimension d (weighted mean ybar of bias-corrected ratings):
    ybar[m,d] = mu[craft(m),d] + beta_d * x[m] + u[m,d] + e[m,d]
    u ~ N(0, tau2[craft,d] * (1 + kappa_d * r[m])),   e ~ noise / W[m]
x is the craftsmanship-spread covariate (consistency only, reliability r);
kappa < 0 lets the prior narrow as the covariate becomes reliable. mu, beta,
tau2 and kappa come from weighted method of moments across makers. Per-craft
values are blended toward global ones with CRAFT_PSEUDO_MAKERS, and global
ones toward a vague hyperprior worth HYPER_MAKERS makers.
"""
from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

import numpy as np

from .features import N_DIMS, MakerStats, fit_expected_spread, spread_feature
from .rows import weighted_gram, weighted_lstsq

CRAFT_PSEUDO_MAKERS = 30.0
HYPER_MAKERS = 5.0
HYPER_MEAN = np.array([3.0, 3.0, 3.0, 0.5])  # scale midpoints; only matter with almost no data
HYPER_TAU2 = np.array([0.5, 0.5, 0.5, 0.3])
TAU2_FLOOR = 0.01
SPREAD_DIM = 1
_ITERATIONS = 6
HUBER_K = 2.5  # maker-level residuals are clipped here for the prior's moments...
HUBER_CONSISTENCY = 0.9776  # ...which leaves E[clipped z^2] = 0.9776 for normal z; divided back out


@dataclass
class PriorParams:
    """Fitted global parameters of the prior and noise model (4 dims: 3 stars + lateness)."""

    mu: np.ndarray  # (4,) global prior mean
    tau2: np.ndarray  # (4,) global between-maker variance
    corr: np.ndarray  # (4, 4) between-maker correlation
    noise: np.ndarray  # (4, 4) within-maker noise covariance of one weight-1 review
    drift_var: float = 0.0  # between-maker variance of quality slopes, stars^2 / year^2
    change_share: float = 0.0  # share of makers whose recent reviews describe a changed maker (change.py)...
    change_var: float = 0.0  # ...and the variance of such a change, overall stars^2 (0 share: never widened)
    slope_share: float = 0.0  # share of makers whose reviews slide steadily over their history (slope.py)...
    slope_var: float = 0.0  # ...and the variance of such a slope, (overall stars / year)^2 (0 share: never widened)
    step_share: float = 0.0  # prior chance that a maker's level stepped somewhere in its history (steps.py)...
    step_var: float = 0.0  # ...and the variance of such a step, overall stars^2 (0 share: intervals not widened)
    # the average reviewer minus the typical one, stars (bias.typical_offset; ModelOptions.buyer_gap_interval)
    buyer_gap: float = 0.0
    step_noise: float = 1.0  # the gaps' spread over the sampling variance review weights imply (steps.noise_scale)
    spread_ref: np.ndarray = field(default_factory=lambda: np.zeros(3))  # typical spread vs level
    spread_beta: float = 0.0  # consistency prior shift per unit of spread feature
    spread_kappa: float = 0.0  # relative prior-variance change at full reliability
    craft_mu: dict[Hashable, np.ndarray] = field(default_factory=dict)
    craft_tau2: dict[Hashable, np.ndarray] = field(default_factory=dict)
    craft_makers: dict[Hashable, int] = field(default_factory=dict)

    def lookup(self, craft: Hashable | None) -> tuple[np.ndarray, np.ndarray, str]:
        """(mean, tau2, source) for one craft, falling back to global."""
        if craft is not None and craft in self.craft_mu:
            return self.craft_mu[craft], self.craft_tau2[craft], "craft"
        return self.mu, self.tau2, "global"


def nearest_pd(cov: np.ndarray, floor: float) -> np.ndarray:
    """Symmetric matrix with eigenvalues at least floor."""
    vals, vecs = np.linalg.eigh((cov + cov.T) / 2)
    return (vecs * np.maximum(vals, floor)) @ vecs.T


def _pooled_cov(y: np.ndarray, maker: np.ndarray, n_m: int, w: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Within-maker covariance pooled over makers (weighted: a fake near weight 0 adds nearly nothing), and dof."""
    w = np.ones(len(y)) if w is None else w
    count = np.bincount(maker, minlength=n_m).astype(float)
    wm = np.bincount(maker, w, n_m)
    means = np.stack([np.bincount(maker, w * y[:, d], n_m) for d in range(y.shape[1])], axis=1)
    resid = y - (means / np.maximum(wm, 1e-12)[:, None])[maker]
    dof = float(np.sum(np.maximum(count - 1, 0)))
    # Weighted mean square per review, times reviews / dof for the means estimated along the way.
    scale = len(y) / max(dof, 1.0) / max(float(w.sum()), 1e-12)
    return weighted_gram(resid, w) * scale, dof


def noise_covariance(y4: np.ndarray, maker: np.ndarray, n_m: int, verified: np.ndarray,
                     dated: np.ndarray, w: np.ndarray | None = None) -> np.ndarray:
    """4x4 noise covariance: star block from verified reviews, lateness variance from dated ones.

    The within-order covariance of lateness and stars is left out on purpose: with it, a late
    order "explains" low delivery stars, and the same stars with late dates would score *higher*.
    """
    w = np.ones(len(y4)) if w is None else w
    rows = verified if verified.sum() >= 10 else np.ones_like(verified)
    star, dof = _pooled_cov(y4[rows, :3], maker[rows], n_m, w[rows])
    cov = np.diag([1.0, 1.0, 1.0, 0.3])
    if dof >= 5:
        cov[:3, :3] = star
    full, dof_d = _pooled_cov(y4[dated], maker[dated], n_m, w[dated])
    if dof_d >= 5:
        cov[3, 3] = full[3, 3]
    return nearest_pd(cov, floor=0.02)


def _blend(value, n, toward, k: float):
    return (n * value + k * toward) / (n + k)


def _group_mean(idx: np.ndarray, values: np.ndarray, h: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(idx, h * values, size) / np.maximum(np.bincount(idx, h, size), 1e-12)


def _fit_dimension(ybar, noise_var, x, rel, craft, n_crafts, d: int) -> dict:
    """mu (global, per craft), beta, kappa and tau2 (global, per craft) for one dimension."""
    n, n_c = len(ybar), np.bincount(craft, minlength=n_crafts).astype(float)
    mu_c, tau2_c, beta, kappa = np.full(n_crafts, HYPER_MEAN[d]), np.full(n_crafts, HYPER_TAU2[d]), 0.0, 0.0
    mu_g, tau2_g = HYPER_MEAN[d], HYPER_TAU2[d]
    for _ in range(_ITERATIONS if n else 0):  # no makers observe this dimension: keep the hyperprior
        scale = 1.0 + kappa * rel
        h = 1.0 / (tau2_c[craft] * scale + noise_var)
        sd = np.sqrt(tau2_c[craft] * scale + noise_var)
        if x is not None:
            beta = float(np.sum(h * x * _huber(ybar - mu_c[craft], sd)) / max(np.sum(h * x * x), 1e-12))
        r = ybar - beta * (x if x is not None else 0.0)
        r = mu_c[craft] + _huber(r - mu_c[craft], sd)
        mu_g = _blend(np.sum(h * r) / np.sum(h), n, HYPER_MEAN[d], HYPER_MAKERS)
        mu_c = _blend(_group_mean(craft, r, h, n_crafts), n_c, mu_g, CRAFT_PSEUDO_MAKERS)
        dev = _huber(r - mu_c[craft], sd) ** 2 / HUBER_CONSISTENCY - noise_var
        if x is not None:
            kappa = _variance_slope(dev, rel, h)
        dev0 = dev / (1.0 + kappa * rel)
        tau2_g = max(_blend(np.sum(h * dev0) / np.sum(h), n, HYPER_TAU2[d], HYPER_MAKERS), TAU2_FLOOR)
        tau2_c = np.maximum(_blend(_group_mean(craft, dev0, h, n_crafts), n_c, tau2_g, CRAFT_PSEUDO_MAKERS),
                            TAU2_FLOOR)
    return {"mu": mu_g, "mu_c": mu_c, "beta": beta, "kappa": kappa, "tau2": tau2_g, "tau2_c": tau2_c}


def _huber(resid: np.ndarray, sd: np.ndarray) -> np.ndarray:
    """Residuals clipped at HUBER_K standard deviations: one maker's extreme mean (a maker under attack)
    moves the platform's prior only as much as a plausible honest maker could."""
    return np.clip(resid, -HUBER_K * sd, HUBER_K * sd)


def _variance_slope(dev: np.ndarray, rel: np.ndarray, h: np.ndarray) -> float:
    """kappa in tau2 * (1 + kappa r), by weighted regression of excess squared residual on r."""
    x = np.column_stack([np.ones_like(rel), rel])
    a, b = weighted_lstsq(x, dev, h)
    return float(np.clip(b / a, -0.9, 0.0)) if a > 0 else 0.0


def _correlation(resid: np.ndarray, avail: np.ndarray, noise_cov: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Between-maker correlation by pairwise method of moments; noise_cov is (n, 4, 4)."""
    cov = np.eye(N_DIMS)
    for i in range(N_DIMS):
        for j in range(i, N_DIMS):
            m = avail[:, i] & avail[:, j]
            if m.sum() < 3:
                continue
            cov[i, j] = cov[j, i] = np.sum(h[m] * (resid[m, i] * resid[m, j] - noise_cov[m, i, j])) / np.sum(h[m])
    sd = np.sqrt(np.maximum(np.diag(cov), 1e-6))
    corr = np.clip(cov / np.outer(sd, sd), -0.9, 0.9)
    np.fill_diagonal(corr, 1.0)
    corr = nearest_pd(corr, floor=0.05)
    d = np.sqrt(np.diag(corr))
    return corr / np.outer(d, d)  # back to unit diagonal after the eigenvalue repair


def mean_noise_cov(stats: MakerStats, noise: np.ndarray, drift_var: float = 0.0) -> np.ndarray:
    """(n, 4, 4) sampling covariance of maker means around the maker's true level.

    Weights are relevance weights here (sum w^2 / W^2, Kish): an old or unverified review
    is not noisier than a fresh verified one, it is just trusted less. Using noise / W
    instead would overstate this variance and drive the between-maker tau2 toward zero.
    """
    w, wd = np.maximum(stats.weight, 1e-12), np.maximum(stats.weight_dated, 1e-12)
    out = noise[None, :, :] * (stats.weight_sq / w**2)[:, None, None]
    out[:, :3, 3] = out[:, 3, :3] = noise[None, 3, :3] * (stats.weight_dated_sq / (w * wd))[:, None]
    out[:, 3, 3] = noise[3, 3] * stats.weight_dated_sq / wd**2
    out[:, :3, :3] += (drift_var * stats.mean_age**2)[:, None, None]  # drift moves all stars together
    return out


def fit_priors(stats: MakerStats, noise: np.ndarray, craft: np.ndarray, craft_names: list,
               drift_var: float = 0.0) -> PriorParams:
    """Fit PriorParams from maker statistics; craft[m] indexes craft_names (-1 = unknown)."""
    ybar, n_crafts = stats.mean, len(craft_names)
    avail = np.column_stack([np.repeat(stats.weight[:, None] > 0, 3, axis=1), stats.weight_dated > 0])
    spread_ref = fit_expected_spread(stats)
    x = spread_feature(stats, spread_ref)
    cidx = np.where(craft >= 0, craft, n_crafts)  # extra bucket for "no craft"
    nvar = mean_noise_cov(stats, noise, drift_var)
    fits, resid = [], np.zeros_like(ybar)
    for d in range(N_DIMS):
        m = avail[:, d]
        xd = x[m] if d == SPREAD_DIM else None
        rel = stats.reliability[m] if d == SPREAD_DIM else np.zeros(int(m.sum()))
        fits.append(_fit_dimension(ybar[m, d], nvar[m, d, d], xd, rel, cidx[m], n_crafts + 1, d))
        resid[m, d] = ybar[m, d] - fits[d]["mu_c"][cidx[m]] - (fits[d]["beta"] * xd if xd is not None else 0.0)
    h = 1.0 / (np.mean([f["tau2"] for f in fits]) + nvar[:, 0, 0])
    corr = _correlation(np.nan_to_num(resid), avail, nvar, h)
    counts = np.bincount(cidx, minlength=n_crafts + 1)
    present = [(i, c) for i, c in enumerate(craft_names) if counts[i] > 0]
    return PriorParams(
        mu=np.array([f["mu"] for f in fits]), tau2=np.array([f["tau2"] for f in fits]), corr=corr, noise=noise,
        drift_var=drift_var,
        spread_ref=spread_ref, spread_beta=fits[SPREAD_DIM]["beta"], spread_kappa=fits[SPREAD_DIM]["kappa"],
        craft_mu={c: np.array([f["mu_c"][i] for f in fits]) for i, c in present},
        craft_tau2={c: np.array([f["tau2_c"][i] for f in fits]) for i, c in present},
        craft_makers={c: int(counts[i]) for i, c in present},
    )
