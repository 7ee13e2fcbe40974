"""How likely a maker's reviews trend over its history, and what that does to the 90% interval.

Some makers change slowly: a hand that steadies over years, a studio that grows past what it can finish well. The
estimate is one level for all of a maker's reviews, weighted toward the recent ones, so under a steady slide it
sits where the maker stood at about the weighted age of its evidence, behind where the maker stands now. The
drift variance (drift.py) prices that lag for a typical maker; it is one normal law for the whole platform,
capped against the few makers with the steepest slopes, so it prices little of the lag of a maker that does slide.

The overall star's weighted least-squares slope b over a maker's history (stars a year; review weights without the
age decay, so old reviews inform the slope) is modelled across makers as a mixture, as change.py models its gap:
    steady:   b ~ N(0, s2)               (s2 = the slope's sampling variance)
    sliding:  b ~ N(0, s2 + slope_var)   with probability slope_share,
fitted to the platform by EM (change.fit_change_mixture). A sliding maker's estimate is off by about its slope
times the weighted age of the evidence the estimate rests on (the lever, years; times the reviews' share of the
estimate against the prior's, which the model applies), so the 90% interval becomes that of a mixture: the model's
posterior with probability 1 - P(sliding | b), and with P(sliding | b) the posterior moved by the lever times the
slope's expected value given b, widened by the lever times its uncertainty. The ends move out only where the mixture
reaches further than the posterior alone (slope_bounds). Only the interval changes; the estimate, the tier chances
and the claims are the model's own. A slope is read only over at least MIN_REVIEWS reviews whose dates spread at least
drift.MIN_SPAN_YEARS (weighted SD), the drift estimate's own rule: over a shorter history a slope is one step.
"""
from __future__ import annotations

import numpy as np

from .change import change_probability
from .drift import MIN_SPAN_YEARS, weighted_slopes
from .posterior import z_at
from .rows import times
from .steps import mixture_quantiles
from .types import OVERALL_WEIGHTS

MIN_REVIEWS = 6  # reviews a slope is read over: fewer, and the interval already spans what they leave open
_PRUNE = 1e-3  # makers less likely than this to slide keep the posterior's own interval


def maker_slopes(y3: np.ndarray, w_slope: np.ndarray, w_level: np.ndarray, age_years: np.ndarray, maker: np.ndarray,
                 n_m: int, noise_overall: float, min_reviews: int = MIN_REVIEWS
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per maker: the overall star's slope b (stars a year, positive: improving; drift.weighted_slopes), its sampling
    variance s2 (inf where the history is too short or too few reviews), and the lever: the weighted age in years of
    the evidence the estimate rests on (w_level, the model's weights)."""
    slope, factor, span, n = weighted_slopes(times(y3, OVERALL_WEIGHTS), -age_years, maker, n_m, w_slope)
    counted = np.bincount(maker, w_slope > 0.0, n_m)
    ok = (counted >= min_reviews) & (n > 1e-9) & (span / np.maximum(n, 1e-12) > MIN_SPAN_YEARS**2)
    lever = np.bincount(maker, w_level * age_years, n_m) / np.maximum(np.bincount(maker, w_level, n_m), 1e-12)
    return np.where(ok, slope, 0.0), np.where(ok, noise_overall * factor, np.inf), lever


def slope_bounds(b: np.ndarray, s2: np.ndarray, lever: np.ndarray, share: float, var: float, mean: np.ndarray,
                 sd: np.ndarray, low: np.ndarray, high: np.ndarray, levels: tuple[np.ndarray, np.ndarray]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """(low, high), each (n_m, 4): the interval ends given (low, high; the posterior's mean and sd, (n_m, 4), with its
    ends at the probabilities `levels`) moved out to the same probabilities of the mixture of the posterior and a
    slide (module docstring) wherever that reaches further. A slide moves the three stars and the overall alike."""
    p = change_probability(b, s2, share, var)
    moved = np.flatnonzero(p >= _PRUNE)
    low, high = low.copy(), high.copy()
    if not len(moved):
        return low, high
    s2m = s2[moved]
    shift = (lever[moved] * b[moved] * var / (var + s2m))[:, None]
    extra = (lever[moved] ** 2 * var * s2m / (var + s2m))[:, None]
    mu = np.stack([mean[moved], mean[moved] + shift], axis=-1)  # (k, 4, 2): posterior, slide
    sdev = np.stack([sd[moved], np.sqrt(sd[moved] ** 2 + extra)], axis=-1)
    weight = np.stack([np.broadcast_to(1.0 - p[moved, None], mu.shape[:2]),
                       np.broadcast_to(p[moved, None], mu.shape[:2])], axis=-1)
    owner = np.repeat(np.arange(mu.shape[0] * mu.shape[1]), 2)
    for ends, level, pick in ((low, levels[0], np.minimum), (high, levels[1], np.maximum)):
        q = level[moved].ravel()
        ends[moved] = pick(ends[moved], mixture_quantiles(owner, weight.ravel(), mu.ravel(), sdev.ravel(), q,
                                                          z_at(q)).reshape(mu.shape[:2]))
    return low, high
