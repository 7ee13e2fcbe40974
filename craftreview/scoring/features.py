"""Per-maker sufficient statistics and objective covariates.

Two covariates inform a maker's prior beyond its craft:
* the spread of its (bias-corrected) craftsmanship ratings across orders,
  which speaks to consistency;
* its delivery record (late share, typical slip) from promised/delivered dates,
  which speaks to delivery.
Each is multiplied by a reliability factor that grows with the amount of
evidence, so one order cannot produce a large covariate.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .bias import group_sum

SPREAD_RELIABILITY_K = 4.0  # spread from n reviews has reliability (n-1)/(n-1+K)
DELIVERY_RELIABILITY_K = 2.0  # dated evidence W has reliability W/(W+K)
N_FEATURES = 3  # craftsmanship spread, late share, log(1+slip days)


@dataclass
class MakerStats:
    """Weighted sufficient statistics for every maker."""

    count: np.ndarray  # reviews per maker
    weight: np.ndarray  # sum of weights (effective verified reviews)
    wsum: np.ndarray  # (n_m, 3) sum of w * bias-corrected rating
    raw: np.ndarray  # (n_m, N_FEATURES) uncentred covariates, NaN where undefined
    reliability: np.ndarray  # (n_m, N_FEATURES)

    @property
    def mean(self) -> np.ndarray:
        """Weighted mean bias-corrected rating per maker and dimension (NaN without weight)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return self.wsum / self.weight[:, None]


def _spread(y0: np.ndarray, maker: np.ndarray, n_m: int, count: np.ndarray) -> np.ndarray:
    """Sample SD of craftsmanship ratings per maker (NaN with fewer than 2 reviews)."""
    s1 = np.bincount(maker, y0, n_m)
    s2 = np.bincount(maker, y0 * y0, n_m)
    out = np.full(n_m, np.nan)
    ok = count >= 2
    var = (s2[ok] - s1[ok] ** 2 / count[ok]) / (count[ok] - 1)
    out[ok] = np.sqrt(np.maximum(var, 0.0))
    return out


def delivery_columns(promised: np.ndarray, delivered: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(has both dates, late flag, days late clipped at 0) per signal."""
    dated = ~(np.isnan(promised) | np.isnan(delivered))
    slip = np.where(dated, np.nan_to_num(delivered - promised), 0.0)
    return dated, slip > 0, np.maximum(slip, 0.0)


def maker_stats(y: np.ndarray, w: np.ndarray, maker: np.ndarray, n_m: int,
                promised: np.ndarray, delivered: np.ndarray) -> MakerStats:
    """Aggregate bias-corrected ratings y (n, 3) with weights w into MakerStats."""
    count = np.bincount(maker, minlength=n_m).astype(float)
    weight = np.bincount(maker, w, n_m)
    wsum = group_sum(maker, y * w[:, None], n_m)
    dated, late, slip = delivery_columns(promised, delivered)
    wd = np.where(dated, w, 0.0)
    w_dated = np.bincount(maker, wd, n_m)
    with np.errstate(invalid="ignore", divide="ignore"):
        late_share = np.bincount(maker, wd * late, n_m) / w_dated
        log_slip = np.bincount(maker, wd * np.log1p(slip), n_m) / w_dated
    raw = np.column_stack([_spread(y[:, 0], maker, n_m, count), late_share, log_slip])
    rel_spread = np.maximum(count - 1, 0) / (np.maximum(count - 1, 0) + SPREAD_RELIABILITY_K)
    rel_dated = w_dated / (w_dated + DELIVERY_RELIABILITY_K)
    reliability = np.column_stack([rel_spread, rel_dated, rel_dated])
    return MakerStats(count, weight, wsum, raw, reliability)


def centred_features(stats: MakerStats, reference: np.ndarray) -> np.ndarray:
    """Covariates centred on the platform reference and scaled by reliability (0 where undefined)."""
    return np.nan_to_num((stats.raw - reference) * stats.reliability, nan=0.0)
