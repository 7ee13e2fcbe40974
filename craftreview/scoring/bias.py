"""Reviewer harshness/leniency: alternating least squares with shrinkage to 0."""
from __future__ import annotations

import numpy as np

_MIN_TAU2 = 1e-3  # keeps the shrinkage finite when biases look like pure noise


def group_sum(index: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Sum values per group; 2-D values are summed column by column."""
    if values.ndim == 1:
        return np.bincount(index, weights=values, minlength=size)
    return np.stack([np.bincount(index, weights=values[:, d], minlength=size)
                     for d in range(values.shape[1])], axis=1)


def distinct_makers_per_reviewer(maker: np.ndarray, reviewer: np.ndarray,
                                 n_makers: int, n_reviewers: int) -> np.ndarray:
    """How many different makers each reviewer rated."""
    pairs = np.unique(reviewer.astype(np.int64) * n_makers + maker)
    return np.bincount(pairs // n_makers, minlength=n_reviewers)


def _bias_variance(resid: np.ndarray, reviewer: np.ndarray, w: np.ndarray,
                   eligible: np.ndarray, n_rev: int) -> tuple[float, float]:
    """Method of moments: (between-reviewer bias variance, within-reviewer noise)."""
    wr = np.bincount(reviewer, w, n_rev)
    w2 = np.bincount(reviewer, w * w, n_rev)
    raw = np.bincount(reviewer, w * resid, n_rev) / np.maximum(wr, 1e-12)
    rows = eligible[reviewer]
    counts = np.bincount(reviewer[rows], minlength=n_rev)
    dof = np.sum(np.maximum(counts[eligible] - 1, 0))
    if dof <= 0:
        return _MIN_TAU2, 1.0
    within = np.sum(w[rows] * (resid[rows] - raw[reviewer[rows]]) ** 2) / np.sum(w[rows]) * len(w[rows]) / dof
    neff = wr[eligible] ** 2 / np.maximum(w2[eligible], 1e-12)
    tau2 = float(np.mean(raw[eligible] ** 2 - within / neff))
    return max(tau2, _MIN_TAU2), float(within)


def estimate_reviewer_bias(ratings: np.ndarray, maker: np.ndarray, reviewer: np.ndarray,
                           w: np.ndarray, n_makers: int, n_reviewers: int,
                           prior_mean: np.ndarray, prior_strength: np.ndarray,
                           iterations: int = 8) -> tuple[np.ndarray, float]:
    """Per-reviewer additive bias in stars (rating = quality + bias + noise), shrunk toward 0.

    Only reviewers who rated at least two different makers get a bias: with one
    maker, harshness cannot be told apart from the maker's own quality.
    """
    eligible = distinct_makers_per_reviewer(maker, reviewer, n_makers, n_reviewers) >= 2
    bias = np.zeros(n_reviewers)
    if not eligible.any():
        return bias, _MIN_TAU2
    w_maker = np.bincount(maker, w, n_makers)[:, None]
    tau2 = _MIN_TAU2
    for _ in range(iterations):
        adjusted = ratings - bias[reviewer][:, None]
        sums = group_sum(maker, adjusted * w[:, None], n_makers)
        maker_mean = (sums + prior_strength * prior_mean) / (w_maker + prior_strength)
        resid = (ratings - maker_mean[maker]).mean(axis=1)
        tau2, within = _bias_variance(resid, reviewer, w, eligible, n_reviewers)
        wr = np.bincount(reviewer, w, n_reviewers)
        sr = np.bincount(reviewer, w * resid, n_reviewers)
        bias = np.where(eligible, sr / (wr + within / tau2), 0.0)
    return bias, tau2
