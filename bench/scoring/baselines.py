"""Reference scorers the model is compared against (per maker, per dimension).

Each returns an (n_makers, 3) array of per-dimension scores in SignalArrays'
maker order; the overall score is the usual 0.5/0.25/0.25 combination.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.special import ndtri

from craftreview.scoring.arrays import SignalArrays
from craftreview.scoring.bias import group_sum

IMDB_MIN_VOTES = 3.0
TRUST_PRIOR_N, TRUST_PRIOR_MEAN, TRUST_HALF_LIFE = 7.0, 3.5, 365.0
ALS_LAMBDA, ALS_ITERATIONS = 5.0, 10
WILSON_Z = float(ndtri(0.975))


def _counts(arr: SignalArrays) -> np.ndarray:
    return np.bincount(arr.maker, minlength=arr.n_makers).astype(float)[:, None]


def raw_mean(arr: SignalArrays, now_days: float) -> np.ndarray:
    """Plain average of all stars."""
    return group_sum(arr.maker, arr.ratings, arr.n_makers) / _counts(arr)


def imdb(arr: SignalArrays, now_days: float) -> np.ndarray:
    """IMDb weighted rating: (v R + m C) / (v + m) with m = IMDB_MIN_VOTES, C = global mean."""
    v = _counts(arr)
    return (v * raw_mean(arr, now_days) + IMDB_MIN_VOTES * arr.ratings.mean(axis=0)) / (v + IMDB_MIN_VOTES)


def wilson(arr: SignalArrays, now_days: float) -> np.ndarray:
    """Wilson score lower bound (95%) of the share of reviews with >= 4 stars."""
    n = _counts(arr)
    p = group_sum(arr.maker, (arr.ratings >= 4).astype(float), arr.n_makers) / n
    z2 = WILSON_Z ** 2
    centre = p + z2 / (2 * n)
    margin = WILSON_Z * np.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return (centre - margin) / (1 + z2 / n)


def trustscore(arr: SignalArrays, now_days: float) -> np.ndarray:
    """Prior of 7 reviews at 3.5 plus reviews decayed with a one-year half-life."""
    d = 0.5 ** (np.maximum(now_days - arr.t, 0) / TRUST_HALF_LIFE)
    s = group_sum(arr.maker, arr.ratings * d[:, None], arr.n_makers)
    w = np.bincount(arr.maker, d, arr.n_makers)[:, None]
    return (TRUST_PRIOR_N * TRUST_PRIOR_MEAN + s) / (TRUST_PRIOR_N + w)


def baseline_predictor(arr: SignalArrays, now_days: float) -> np.ndarray:
    """mu + b_reviewer + b_maker by alternating least squares with L2; score = mu + b_maker."""
    mu = arr.ratings.mean(axis=0)
    n_r = len(arr.reviewer_ids)
    bu = np.zeros((n_r, 3))
    nm = _counts(arr)
    nr = np.bincount(arr.reviewer, minlength=n_r).astype(float)[:, None]
    bi = np.zeros((arr.n_makers, 3))
    for _ in range(ALS_ITERATIONS):
        bi = group_sum(arr.maker, arr.ratings - mu - bu[arr.reviewer], arr.n_makers) / (nm + ALS_LAMBDA)
        bu = group_sum(arr.reviewer, arr.ratings - mu - bi[arr.maker], n_r) / (nr + ALS_LAMBDA)
    return mu + bi


BASELINES: dict[str, Callable[[SignalArrays, float], np.ndarray]] = {
    "raw mean": raw_mean,
    "IMDb average (m=3)": imdb,
    "Wilson LB (>=4 stars)": wilson,
    "TrustScore-like (7@3.5, decay)": trustscore,
    "baseline predictor (ALS, L2)": baseline_predictor,
}
