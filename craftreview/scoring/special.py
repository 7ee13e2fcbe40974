"""The few distribution functions the site needs, on numpy and the standard library alone.

scipy.special would add about 25 MB to every web worker for four functions; these are exact to double
precision (they use math.erfc and exact log-factorial sums, not approximations). One exception, named for it:
tabulated_ndtr, the normal CDF read from a table to within 3e-8, for the bisections that evaluate it millions of
times (steps.mixture_quantiles), where math.erfc's call per value would take seconds.
"""
from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

_erfc = np.frompyfunc(math.erfc, 1, 1)
try:  # the C routine behind NormalDist.inv_cdf, called without its Python wrapper (a third of the cost per value)
    from _statistics import _normal_dist_inv_cdf as _c_inv_cdf
except ImportError:  # another Python implementation: the wrapper's own (same values)
    def _c_inv_cdf(p: float, mu: float, sigma: float) -> float:
        return NormalDist(mu, sigma).inv_cdf(p)
_inv_cdf = np.frompyfunc(_c_inv_cdf, 3, 1)
_SQRT2 = math.sqrt(2.0)


def ndtr(x):
    """Standard normal CDF, elementwise (a float for a scalar)."""
    out = np.asarray(_erfc(-np.asarray(x, dtype=float) / _SQRT2), dtype=float) * 0.5
    return float(out) if out.ndim == 0 else out


# The tabulated normal CDF: exact values every 1/1024 between -8 and 8 (beyond, Phi is 0 or 1 to 1e-15).
_TABLE_LIMIT = 8.0
_TABLE_CELLS = 16_384
_TABLE_SCALE = _TABLE_CELLS / (2 * _TABLE_LIMIT)
_TABLE_OFFSET = _TABLE_LIMIT * _TABLE_SCALE
_TABLE_VALUES = np.array([0.5 * math.erfc(-x / _SQRT2) for x in np.linspace(-_TABLE_LIMIT, _TABLE_LIMIT,
                                                                          _TABLE_CELLS + 1)])
_TABLE_SLOPES = np.diff(_TABLE_VALUES)


def tabulated_ndtr(x: np.ndarray) -> np.ndarray:
    """The standard normal CDF, elementwise, by linear interpolation in a table of exact values: within 3e-8
    everywhere (step^2 / 8 times the largest |Phi''|, 0.242) and about three times as fast as a rational
    approximation's polynomial and exponential."""
    return tabulated_ndtr_at(np.asarray(x, dtype=float) * _TABLE_SCALE + _TABLE_OFFSET)


def table_coordinates(mu: np.ndarray, sd: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) with x * a + b the table coordinate of (x - mu) / sd: a search that evaluates the CDF of the same
    normals at many points pays one multiply and one add per value for the standardising."""
    a = _TABLE_SCALE / np.asarray(sd, dtype=float)
    return a, _TABLE_OFFSET - mu * a


def tabulated_ndtr_at(t: np.ndarray) -> np.ndarray:
    """tabulated_ndtr at table coordinates t (a float array, overwritten with the result)."""
    np.clip(t, 0.0, _TABLE_CELLS - 1e-9, out=t)
    i = t.astype(np.intp)
    t -= i
    t *= _TABLE_SLOPES[i]
    t += _TABLE_VALUES[i]
    return t


def ndtri(p):
    """Inverse of the standard normal CDF for 0 < p < 1, elementwise (a float for a scalar); ValueError (as
    NormalDist's StatisticsError) for p at or beyond 0 or 1."""
    p = np.asarray(p, dtype=float)
    if np.any((p <= 0.0) | (p >= 1.0)):
        raise ValueError("ndtri needs 0 < p < 1")
    out = np.asarray(_inv_cdf(p, 0.0, 1.0), dtype=float)
    return float(out) if out.ndim == 0 else out


def _log_factorials(n: int) -> np.ndarray:
    """log(i!) for i = 0..n."""
    return np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, n + 1, dtype=float)))])


def poisson_at_least(k, mean):
    """P(Poisson(mean) >= k), elementwise over k (integers) and mean (>= 0)."""
    k, mean = np.broadcast_arrays(np.asarray(k, dtype=np.int64), np.asarray(mean, dtype=float))
    out = np.ones(k.shape)
    live = (k > 0) & np.isfinite(mean)
    out[live & (mean <= 0)] = 0.0
    live &= mean > 0
    if not live.any():
        return out
    kk, m = k[live], mean[live]
    # Sum whichever tail is the small one: the terms below k when the mean lies above k, else from k up.
    span = int(kk.max() + 40 + 12 * math.sqrt(float(m.max())) + m.max())
    i = np.arange(span + 1)
    logf = _log_factorials(span)
    terms = np.exp(-m[:, None] + i[None, :] * np.log(m)[:, None] - logf[None, :])
    below = terms * (i[None, :] < kk[:, None])
    upper = terms * (i[None, :] >= kk[:, None])
    out[live] = np.where(m > kk, 1.0 - below.sum(axis=1), upper.sum(axis=1))
    return np.clip(out, 0.0, 1.0)


def binomial_at_least(k: int, n: int, p: float) -> float:
    """P(Binomial(n, p) >= k) for one k, n and 0 < p < 1."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    logf = _log_factorials(n)
    i = np.arange(n + 1)
    log_terms = logf[n] - logf[i] - logf[n - i] + i * math.log(p) + (n - i) * math.log1p(-p)
    terms = np.exp(log_terms)
    mode = (n + 1) * p
    return float(np.clip(1.0 - terms[:k].sum() if mode > k else terms[k:].sum(), 0.0, 1.0))
