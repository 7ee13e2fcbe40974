"""Pack batch posteriors into MakerScore objects with explanations (plain Python, no numpy scalars)."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from functools import partial
from typing import Any, NamedTuple

import numpy as np

from .arrays import SignalArrays
from .claims import WITHHELD_FEW
from .features import delivery_columns
from .posterior import Posterior, Ranges
from .priors import PriorParams
from .types import DIMENSIONS, MakerScore, new_estimate, new_maker_score, unproven_reason


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


class _Deferred:
    """A value made on first get(); what it is made from is let go once it is. Explanations are built only
    when read, so the lists they are cut from are made on the first read, not while scoring."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], Any]):
        self._make, self._value = make, None

    def get(self) -> Any:
        if self._make is not None:
            self._value, self._make = self._make(), None
        return self._value


def _factor_columns(batch: Any) -> dict[str, np.ndarray]:
    """Every per-review factor the explanation lists, by its key there."""
    wt, ones = batch.weights, np.ones(batch.arr.n)
    return {"weight": wt.weight, "provenance_factor": wt.provenance, "new_account_factor": wt.new_account,
            "burst_factor": wt.burst, "voice_factor": wt.voice, "surge_factor": wt.surge,
            "outlier_factor": wt.outlier if wt.outlier is not None else ones,
            "change_factor": wt.change if wt.change is not None else ones,
            "age_days": wt.age_days, "age_factor": wt.age, "reviewer_bias_stars": batch.bias}


def _review_columns(maker: np.ndarray, n_makers: int, factors: dict[str, np.ndarray], verified: np.ndarray,
                    ring: np.ndarray, review_ids: np.ndarray | list) -> tuple[list[int], dict[str, list]]:
    """Per-maker slice bounds and every explanation column, sorted by maker (sliced, never looped)."""
    order = np.argsort(maker, kind="stable")
    cols = {k: _interned(np.round(v[order], 1 if k == "age_days" else 4)) for k, v in factors.items()}
    cols["verified"], cols["ring_flagged"] = verified[order].tolist(), ring[order].tolist()
    ids = review_ids[order].tolist() if isinstance(review_ids, np.ndarray) else [review_ids[i] for i in order.tolist()]
    cols["id"] = list(map(str, ids))
    ends = np.cumsum(np.bincount(maker, minlength=n_makers)).tolist()
    return [0] + ends, cols


class LazyExplanation(MutableMapping):
    """A maker's explanation, built from the packer's lists on first read or write: a dict per maker held up
    front (about 5 KB each, 15 nested dicts) was half of scoring's time and memory at a million reviews, and
    most callers (listings, rescoring for the outlook, benchmarks) never read it. Once built it is a plain dict
    and the packer is let go; it pickles and compares as that dict. Not for sharing between threads before
    its first read (two threads could each build it)."""

    __slots__ = ("_packer", "_m", "_dict")

    def __init__(self, packer: ScorePacker, m: int):
        self._packer, self._m, self._dict = packer, m, None

    def _data(self) -> dict[str, Any]:
        if self._dict is None:
            self._dict, self._packer = self._packer.explanation(self._m), None
        return self._dict

    def __getitem__(self, key: str) -> Any:
        return self._data()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._data()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def __repr__(self) -> str:
        return repr(self._data())

    def __reduce__(self) -> tuple:
        return dict, (self._data(),)

    def plain(self) -> dict[str, Any]:
        """The explanation as a plain dict, without keeping it here when it was not built yet: storing every
        maker's score (MakerScore.to_dict, then JSON) need not hold every maker's dict at once."""
        return self._dict if self._dict is not None else self._packer.explanation(self._m)


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
    """Batch-wide results converted to plain lists once, then packed per maker. What only the explanation
    shows is converted when the first explanation is read (LazyExplanation)."""

    def __init__(self, batch: Any, params: PriorParams, version: str, prior_mean: np.ndarray,
                 tau2: np.ndarray, source: list, shift: np.ndarray, post: Posterior, crafts: list,
                 drift: np.ndarray, ranges: Ranges):
        """Convert everything a MakerScore needs; batch is model._Batch; ranges: each maker's 90% interval
        (model._interval_bounds)."""
        arr, stats = batch.arr, batch.stats
        # No reference to the batch itself: every LazyExplanation keeps the packer alive until it is read.
        self.maker_ids, self.n_reviews = arr.maker_ids, arr.n
        self.version, self.source, self.crafts = version, source, crafts
        n_dated, on_time, slip = delivery_record(arr)
        mean, low, high = intervals(post, ranges)
        self.steps_allowed = ranges.steps.tolist()
        self.buyer_gap = float(ranges.buyer_gap)
        est, ov = (mean[:, :3], low[:, :3], high[:, :3]), (mean[:, 3], low[:, 3], high[:, 3])
        verified = np.bincount(arr.maker, arr.verified.astype(float), arr.n_makers)
        (self.mean, self.low, self.high, self.om, self.olow, self.ohigh, self.pm, self.ps, self.pn,
         self.count, self.verified, self.weight, self.n_dated, self.on_time, self.slip) = _lists(
            *est, *ov, post.p_master, post.p_skilled, post.p_novice,
            stats.count.astype(int), verified.astype(int), stats.weight, n_dated, on_time, slip)
        self.tier = post.tier.tolist()
        self.withheld = [None] * arr.n_makers if post.withheld is None else post.withheld.tolist()
        change, rise = (np.full(arr.n_makers, np.nan) if a is None else a for a in (batch.change_age, batch.rise_age))
        self.changed = (np.isfinite(change) | np.isfinite(rise)).tolist()
        self.columns = _Deferred(partial(_review_columns, arr.maker, arr.n_makers, _factor_columns(batch),
                                         arr.verified, arr.ring, arr.review_ids))
        noise_var = np.diag(params.noise)[:3]
        prior_share = (1 / tau2[:, :3]) / (1 / tau2[:, :3] + (drift * stats.weight)[:, None] / noise_var)
        self.detail = _Deferred(partial(
            _detail_lists, post.p_developing, prior_mean[:, :3], np.sqrt(tau2[:, :3]), noise_var / tau2[:, :3],
            shift[:, :3], prior_share, stats.spread, np.expm1(np.maximum(post.mean[:, 3], 0.0)), drift,
            stats.mean_age, change, rise))

    def maker_score(self, m: int) -> MakerScore:
        """MakerScore for maker index m."""
        dated = self.n_dated[m] > 0
        return new_maker_score(
            craftsmanship=new_estimate(mean=self.mean[m][0], low=self.low[m][0], high=self.high[m][0]),
            consistency=new_estimate(mean=self.mean[m][1], low=self.low[m][1], high=self.high[m][1]),
            delivery=new_estimate(mean=self.mean[m][2], low=self.low[m][2], high=self.high[m][2]),
            overall=new_estimate(mean=self.om[m], low=self.olow[m], high=self.ohigh[m]),
            p_skilled=self.ps[m], p_master=self.pm[m], p_novice=self.pn[m], tier=self.tier[m],
            review_count=self.count[m], verified_count=self.verified[m],
            on_time_rate=self.on_time[m] if dated else None,
            typical_slip_days=self.slip[m] if dated else None,
            maker_id=self.maker_ids[m], model_version=self.version,
            explanation=LazyExplanation(self, m),
            # a claim withheld for resting on a handful of favourable reviews is "mixed" only with enough evidence
            unproven_reason=unproven_reason(self.tier[m], self.weight[m],
                                            self.changed[m] or self.withheld[m] not in (None, WITHHELD_FEW)),
            trusted_reviews=self.weight[m],
        )

    def explanation(self, m: int) -> dict[str, Any]:
        """The explanation dict of maker index m (LazyExplanation calls this on first use)."""
        dated = self.n_dated[m] > 0
        bounds, columns = self.columns.get()
        a, b = (bounds[m], bounds[m + 1]) if self.n_reviews else (0, 0)
        d = self.detail.get()
        craft = self.crafts[m]
        return {
            "model_version": self.version,
            "prior": {"source": self.source[m], "craft": None if craft is None else str(craft),
                      "mean": _dims(d.prior_mean[m]), "sd": _dims(d.prior_sd[m]),
                      "effective_prior_reviews": _dims(d.eff_prior[m]),
                      "covariate_shift": _dims(d.shift[m])},
            "evidence": {"review_count": self.count[m], "verified_count": self.verified[m],
                         "effective_reviews": self.weight[m] * d.drift[m],
                         "weight_sum_before_drift": self.weight[m], "mean_age_years": d.mean_age[m],
                         "drift_factor": d.drift[m], "prior_share": _dims(d.share[m]),
                         "quality_dropped_days_ago": d.change_age[m], "quality_rose_days_ago": d.rise_age[m]},
            "review_factors": ReviewColumns(columns, a, b),
            "delivery_record": {"dated_orders": self.n_dated[m],
                                "on_time_rate": self.on_time[m] if dated else None,
                                "typical_slip_days": self.slip[m] if dated else None,
                                "modelled_typical_days_late": d.late_days[m]},
            "craftsmanship_spread_sd": None if self.count[m] < 2 else d.spread[m],
            "probabilities": {"master": self.pm[m], "skilled": self.ps[m],
                              "developing": d.p_developing[m], "novice": self.pn[m]},
            "claim_withheld": self.withheld[m],
            # whether a possible step or slide in this maker's level moved an end of its 90% ranges (steps.py,
            # slope.py; off, none fitted, or no end moved: False)
            "range_allows_for_change": self.steps_allowed[m],
            # which way the 90% ranges reach for the typical reviewer (posterior.allow_for_buyer_gap): "harsher"
            # when this platform's reviewers rate lower on average than the typical one, "kinder", or None
            "range_allows_for_reviewers": _gap_word(self.buyer_gap),
        }


def _gap_word(gap: float) -> str | None:
    """How the platform's average reviewer rates against the typical one, in the explanation's words."""
    return "harsher" if gap < 0.0 else "kinder" if gap > 0.0 else None


def intervals(post: Posterior, ranges: Ranges) -> tuple[np.ndarray, ...]:
    """(mean, low, high), each (n_m, 4) for the three stars and the overall, clipped to the 1-5 scale."""
    mean = np.column_stack([post.mean[:, :3], post.overall_mean])
    return tuple(np.clip(x, 1.0, 5.0) for x in (mean, ranges.low, ranges.high))


class _Detail(NamedTuple):
    """Per-maker lists only the explanation shows."""

    p_developing: list
    prior_mean: list
    prior_sd: list
    eff_prior: list
    shift: list
    share: list
    spread: list
    late_days: list
    drift: list
    mean_age: list
    change_age: list
    rise_age: list


def _detail_lists(*arrays: np.ndarray) -> _Detail:
    """The explanation-only arrays as lists; the last two (ages of a detected drop and of a rise that has stood, NaN
    if none) with None for NaN."""
    *lists, change, rise = _lists(*arrays)
    return _Detail(*lists, *([None if a != a else a for a in ages] for ages in (change, rise)))  # a != a: NaN


_CRAFT, _CONSISTENCY, _DELIVERY = DIMENSIONS


def _dims(values: list[float]) -> dict[str, float]:
    craft, consistency, delivery = values  # a literal, not zip: called five times per maker (1M signals: 500k)
    return {_CRAFT: craft, _CONSISTENCY: consistency, _DELIVERY: delivery}
