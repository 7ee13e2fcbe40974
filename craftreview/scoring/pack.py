"""Pack batch posteriors into MakerScore objects with explanations (plain Python, no numpy scalars)."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from .arrays import SignalArrays
from .features import delivery_columns
from .posterior import Posterior, interval
from .priors import PriorParams
from .types import DIMENSIONS, Estimate, MakerScore, unproven_reason


def delivery_record(arr: SignalArrays) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per maker: dated orders, on-time rate, median days late (0 if on time); NaN if no dates."""
    dated, slip = delivery_columns(arr.promised, arr.delivered)
    n_m = arr.n_makers
    n_dated = np.bincount(arr.maker[dated], minlength=n_m)
    on_time = np.bincount(arr.maker[dated], (slip[dated] <= 0).astype(float), n_m)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = on_time / n_dated
    median = np.full(n_m, np.nan)
    mk, sl = arr.maker[dated], slip[dated]
    order = np.lexsort((sl, mk))
    sl_sorted = sl[order]
    start = np.concatenate([[0], np.cumsum(n_dated)[:-1]])
    has = n_dated > 0
    lo = start[has] + (n_dated[has] - 1) // 2
    hi = start[has] + n_dated[has] // 2
    median[has] = (sl_sorted[lo] + sl_sorted[hi]) / 2
    return n_dated, rate, median


def _review_columns(batch: Any) -> tuple[list[int], dict[str, list]]:
    """Per-maker slice bounds and every explanation column, already sorted by maker (sliced, never looped)."""
    arr, wt = batch.arr, batch.weights
    order = np.argsort(arr.maker, kind="stable")
    ones = np.ones(arr.n)
    factors = {"weight": wt.weight, "provenance_factor": wt.provenance, "new_account_factor": wt.new_account,
               "burst_factor": wt.burst, "voice_factor": wt.voice, "surge_factor": wt.surge,
               "outlier_factor": wt.outlier if wt.outlier is not None else ones,
               "change_factor": wt.change if wt.change is not None else ones,
               "age_days": wt.age_days, "age_factor": wt.age, "reviewer_bias_stars": batch.bias}
    cols = {k: _interned(np.round(v[order], 1 if k == "age_days" else 4)) for k, v in factors.items()}
    cols["verified"], cols["ring_flagged"] = arr.verified[order].tolist(), arr.ring[order].tolist()
    cols["id"] = [str(arr.review_ids[i]) for i in order.tolist()]
    ends = np.cumsum(np.bincount(arr.maker, minlength=arr.n_makers)).tolist()
    return [0] + ends, cols


class ReviewColumns(Mapping):
    """One maker's slice of the batch's explanation columns, cut when read: at a million reviews, a list
    per column per maker held up front was a fifth of scoring's memory. `MakerScore.to_dict` makes it a dict."""

    __slots__ = ("_columns", "_start", "_end")

    def __init__(self, columns: dict[str, list], start: int, end: int):
        self._columns, self._start, self._end = columns, start, end

    def __getitem__(self, name: str) -> list:
        return self._columns[name][self._start:self._end]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


def _interned(values: np.ndarray) -> list[float]:
    """values as a list sharing one float object per distinct value (most factors are 1.0): at a million
    reviews, a fresh float per entry was most of the explanations' memory."""
    distinct, inverse = np.unique(values, return_inverse=True)
    pool = distinct.tolist()
    return [pool[i] for i in inverse.tolist()]


def _lists(*arrays: np.ndarray) -> list[list]:
    """Arrays as nested Python lists (indexing lists is far faster than numpy scalars)."""
    return [a.tolist() for a in arrays]


class ScorePacker:
    """Batch-wide results converted to plain lists once, then packed per maker."""

    def __init__(self, batch: Any, params: PriorParams, version: str, prior_mean: np.ndarray,
                 tau2: np.ndarray, source: list, shift: np.ndarray, post: Posterior, crafts: list,
                 drift: np.ndarray):
        """Convert everything the per-maker packing needs; batch is model._Batch."""
        arr, stats = batch.arr, batch.stats
        self.arr, self.version, self.source, self.crafts = arr, version, source, crafts
        self.bounds, self.columns = _review_columns(batch)
        n_dated, on_time, slip = delivery_record(arr)
        noise_var = np.diag(params.noise)[:3]
        prior_share = (1 / tau2[:, :3]) / (1 / tau2[:, :3] + (drift * stats.weight)[:, None] / noise_var)
        est = interval(post.mean[:, :3], post.sd[:, :3])
        ov = interval(post.overall_mean, np.sqrt(post.overall_var))
        late_days = np.expm1(np.maximum(post.mean[:, 3], 0.0))
        verified = np.bincount(arr.maker, arr.verified.astype(float), arr.n_makers)
        (self.mean, self.low, self.high, self.om, self.olow, self.ohigh, self.ovar, self.pm, self.ps,
         self.pn, self.pd, self.count, self.verified, self.weight, self.n_dated, self.on_time, self.slip,
         self.prior_mean, self.prior_sd, self.eff_prior, self.shift, self.share, self.spread,
         self.late_days, self.drift, self.mean_age) = _lists(
            *est, *ov, post.overall_var, post.p_master, post.p_skilled, post.p_novice, post.p_developing,
            stats.count.astype(int), verified.astype(int), stats.weight, n_dated, on_time, slip,
            prior_mean[:, :3], np.sqrt(tau2[:, :3]), noise_var / tau2[:, :3], shift[:, :3], prior_share,
            stats.spread, late_days, drift, stats.mean_age)
        self.tier = post.tier.tolist()
        self.withheld = [None] * arr.n_makers if post.withheld is None else post.withheld.tolist()
        change = batch.change_age if batch.change_age is not None else np.full(arr.n_makers, np.nan)
        self.changed = np.isfinite(change).tolist()
        self.change_age = [None if not c else float(a) for c, a in zip(self.changed, change.tolist(), strict=True)]

    def maker_score(self, m: int) -> MakerScore:
        """MakerScore for maker index m."""
        dated = self.n_dated[m] > 0
        return MakerScore(
            craftsmanship=Estimate(self.mean[m][0], self.low[m][0], self.high[m][0]),
            consistency=Estimate(self.mean[m][1], self.low[m][1], self.high[m][1]),
            delivery=Estimate(self.mean[m][2], self.low[m][2], self.high[m][2]),
            overall=Estimate(self.om[m], self.olow[m], self.ohigh[m]),
            p_skilled=self.ps[m], p_master=self.pm[m], p_novice=self.pn[m], tier=self.tier[m],
            review_count=self.count[m], verified_count=self.verified[m],
            on_time_rate=self.on_time[m] if dated else None,
            typical_slip_days=self.slip[m] if dated else None,
            maker_id=self.arr.maker_ids[m], model_version=self.version,
            explanation=self._explanation(m, dated),
            unproven_reason=unproven_reason(self.tier[m], self.weight[m],
                                            self.changed[m] or self.withheld[m] is not None),
            trusted_reviews=self.weight[m],
        )

    def _explanation(self, m: int, dated: bool) -> dict[str, Any]:
        a, b = (self.bounds[m], self.bounds[m + 1]) if self.arr.n else (0, 0)
        craft = self.crafts[m]
        return {
            "model_version": self.version,
            "prior": {"source": self.source[m], "craft": None if craft is None else str(craft),
                      "mean": _dims(self.prior_mean[m]), "sd": _dims(self.prior_sd[m]),
                      "effective_prior_reviews": _dims(self.eff_prior[m]),
                      "covariate_shift": _dims(self.shift[m])},
            "evidence": {"review_count": self.count[m], "verified_count": self.verified[m],
                         "effective_reviews": self.weight[m] * self.drift[m],
                         "weight_sum_before_drift": self.weight[m], "mean_age_years": self.mean_age[m],
                         "drift_factor": self.drift[m], "prior_share": _dims(self.share[m]),
                         "quality_dropped_days_ago": self.change_age[m]},
            "review_factors": ReviewColumns(self.columns, a, b),
            "delivery_record": {"dated_orders": self.n_dated[m],
                                "on_time_rate": self.on_time[m] if dated else None,
                                "typical_slip_days": self.slip[m] if dated else None,
                                "modelled_typical_days_late": self.late_days[m]},
            "craftsmanship_spread_sd": None if self.count[m] < 2 else self.spread[m],
            "probabilities": {"master": self.pm[m], "skilled": self.ps[m],
                              "developing": self.pd[m], "novice": self.pn[m]},
            "claim_withheld": self.withheld[m],
        }


_CRAFT, _CONSISTENCY, _DELIVERY = DIMENSIONS


def _dims(values: list[float]) -> dict[str, float]:
    craft, consistency, delivery = values  # a literal, not zip: called five times per maker (1M signals: 500k)
    return {_CRAFT: craft, _CONSISTENCY: consistency, _DELIVERY: delivery}
