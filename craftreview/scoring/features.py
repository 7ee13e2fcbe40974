"""Per-maker sufficient statistics.

The model has four latent dimensions per maker: the three star dimensions and
a fourth, *lateness* (log(1 + days late), 0 when on time), observed only on
orders with promised/delivered dates. Lateness is correlated with delivery
stars both between makers and within an order, and both correlations are
modelled, so the objective record informs the delivery estimate without being
double counted.

Consistency additionally gets a covariate: the spread of the maker's
(bias-corrected) craftsmanship ratings across orders, scaled by a reliability
factor that grows with the number of orders.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from .bias import group_sum
from .rows import weighted_lstsq

SPREAD_RELIABILITY_K = 4.0  # spread from n reviews has reliability (n-1)/(n-1+K)
SPREAD_MAX_DOF = 8.0  # a maker's say in the typical-spread curve stops growing after this many reviews
N_DIMS = 4  # craftsmanship, consistency, delivery, lateness


@dataclass
class TrendStats:
    """Age-weighted sums for the random-slope (trend) update; ages in years."""

    age_undated: np.ndarray  # sum of w * a over undated reviews
    age_dated: np.ndarray
    age2_undated: np.ndarray  # sum of w * a^2
    age2_dated: np.ndarray
    ay_undated: np.ndarray  # (n, 3) sum of w * a * y
    ay_dated: np.ndarray  # (n, 4)


@dataclass
class MakerStats:
    """Weighted sufficient statistics for every maker."""

    count: np.ndarray  # reviews per maker
    weight: np.ndarray  # sum of weights over all reviews
    weight_dated: np.ndarray  # sum of weights over reviews with both dates
    weight_sq: np.ndarray  # sum of squared weights (for the sampling variance of weighted means)
    weight_dated_sq: np.ndarray
    age_sum: np.ndarray  # sum of w * age in years (weighted mean age = age_sum / weight)
    relevance_sq: np.ndarray  # sum of w * age_factor: with age_factor a relevance weight, Var(mean) ~ this / W^2
    sum_undated: np.ndarray  # (n_m, 3) sum of w * bias-corrected stars, undated reviews
    sum_dated: np.ndarray  # (n_m, 4) sum of w * [stars, lateness], dated reviews
    spread: np.ndarray  # SD of craftsmanship ratings, NaN with < 2 reviews
    reliability: np.ndarray  # reliability of the spread covariate
    trend: TrendStats | None = None

    def take(self, rows: np.ndarray) -> MakerStats:
        """The statistics of the makers at rows (indices), in that order."""
        return MakerStats(**{f.name: _rows(getattr(self, f.name), rows) for f in fields(self)})

    @property
    def mean_age(self) -> np.ndarray:
        """Weighted mean age of the evidence in years (0 without evidence)."""
        return self.age_sum / np.maximum(self.weight, 1e-12)

    @property
    def mean(self) -> np.ndarray:
        """(n_m, 4) weighted means; stars over all reviews, lateness over dated ones (NaN if none)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            stars = (self.sum_undated + self.sum_dated[:, :3]) / self.weight[:, None]
            late = self.sum_dated[:, 3] / self.weight_dated
        return np.column_stack([stars, late])


def _rows(value, rows: np.ndarray):
    """A per-maker array (or the trend sums, array by array, or None) at rows."""
    if value is None:
        return None
    if isinstance(value, TrendStats):
        return TrendStats(**{f.name: getattr(value, f.name)[rows] for f in fields(value)})
    return value[rows]


def _spread(y0: np.ndarray, maker: np.ndarray, n_m: int, count: np.ndarray) -> np.ndarray:
    """Sample SD of craftsmanship ratings per maker (NaN with fewer than 2 reviews)."""
    s1 = np.bincount(maker, y0, n_m)
    s2 = np.bincount(maker, y0 * y0, n_m)
    out = np.full(n_m, np.nan)
    ok = count >= 2
    var = (s2[ok] - s1[ok] ** 2 / count[ok]) / (count[ok] - 1)
    out[ok] = np.sqrt(np.maximum(var, 0.0))
    return out


def delivery_columns(promised: np.ndarray, delivered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(has both dates, days late clipped at 0) per signal."""
    dated = ~(np.isnan(promised) | np.isnan(delivered))
    slip = np.where(dated, np.nan_to_num(delivered - promised), 0.0)
    return dated, np.maximum(slip, 0.0)


def lateness(slip_days: np.ndarray) -> np.ndarray:
    """The fourth dimension: log(1 + days late); log because a week late is not 7x a day late."""
    return np.log1p(slip_days)


def maker_stats(y: np.ndarray, w: np.ndarray, maker: np.ndarray, n_m: int, promised: np.ndarray,
                delivered: np.ndarray, age_years: np.ndarray, age_factor: np.ndarray) -> MakerStats:
    """Aggregate bias-corrected stars y (n, 3), delivery dates and ages with weights w."""
    count = np.bincount(maker, minlength=n_m).astype(float)
    dated, slip = delivery_columns(promised, delivered)
    y4 = np.column_stack([y, lateness(slip)])
    wd, wu = np.where(dated, w, 0.0), np.where(dated, 0.0, w)
    stats = MakerStats(
        count=count, weight=np.bincount(maker, w, n_m), weight_dated=np.bincount(maker, wd, n_m),
        weight_sq=np.bincount(maker, w * w, n_m), weight_dated_sq=np.bincount(maker, wd * wd, n_m),
        age_sum=np.bincount(maker, w * age_years, n_m), relevance_sq=np.bincount(maker, w * age_factor, n_m),
        sum_undated=group_sum(maker, y * wu[:, None], n_m), sum_dated=group_sum(maker, y4 * wd[:, None], n_m),
        spread=_spread(y[:, 0], maker, n_m, count), reliability=np.zeros(n_m),
    )
    dof = np.maximum(count - 1, 0)
    stats.reliability = dof / (dof + SPREAD_RELIABILITY_K)
    stats.trend = _trend(y4, wu, wd, age_years, maker, n_m)
    return stats


def _trend(y4: np.ndarray, wu: np.ndarray, wd: np.ndarray, a: np.ndarray, maker: np.ndarray, n_m: int) -> TrendStats:
    """Sums that let the posterior fit a per-maker linear trend in time."""
    return TrendStats(
        age_undated=np.bincount(maker, wu * a, n_m), age_dated=np.bincount(maker, wd * a, n_m),
        age2_undated=np.bincount(maker, wu * a * a, n_m), age2_dated=np.bincount(maker, wd * a * a, n_m),
        ay_undated=group_sum(maker, y4[:, :3] * (wu * a)[:, None], n_m),
        ay_dated=group_sum(maker, y4 * (wd * a)[:, None], n_m),
    )


def expected_spread(level: np.ndarray, coefs: np.ndarray) -> np.ndarray:
    """Platform-typical craftsmanship spread at a given craftsmanship level (quadratic fit).

    Ratings are clipped at 1 and 5, so makers near the ends show less spread whatever
    their consistency; comparing with the typical spread *at the same level* keeps the
    covariate from re-counting the level, which the model already uses.
    """
    return coefs[0] + coefs[1] * level + coefs[2] * level**2


def fit_expected_spread(stats: MakerStats) -> np.ndarray:
    """Least-squares quadratic of spread on level, weighted by degrees of freedom."""
    ok = np.isfinite(stats.spread) & (stats.weight > 0)
    if ok.sum() < 10:
        return np.array([float(np.nanmean(stats.spread[ok])) if ok.any() else 0.0, 0.0, 0.0])
    level = stats.mean[ok, 0]
    x = np.column_stack([np.ones_like(level), level, level**2])
    h = np.minimum(stats.count[ok] - 1, SPREAD_MAX_DOF)  # one maker with many (possibly fake) reviews cannot steer it
    return weighted_lstsq(x, stats.spread[ok], h)


def spread_feature(stats: MakerStats, coefs: np.ndarray) -> np.ndarray:
    """Craftsmanship spread minus the typical spread at the maker's level, times reliability (0 if undefined)."""
    with np.errstate(invalid="ignore"):
        level = stats.mean[:, 0]
    return np.nan_to_num((stats.spread - expected_spread(level, coefs)) * stats.reliability, nan=0.0)


def empty_stats(n_m: int = 1) -> MakerStats:
    """Statistics of makers without any review."""
    z = np.zeros(n_m)
    return MakerStats(z, z, z, z, z, z, z, np.zeros((n_m, 3)), np.zeros((n_m, 4)), np.full(n_m, np.nan), z,
                      TrendStats(z, z, z, z, np.zeros((n_m, 3)), np.zeros((n_m, 4))))
