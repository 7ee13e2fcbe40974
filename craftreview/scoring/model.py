"""Fit the global model and score makers (public entry points)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Hashable, Iterable, Mapping

import numpy as np

from . import explain
from .arrays import SignalArrays, gc_paused, to_arrays, to_days
from .bias import BiasFit, estimate_reviewer_bias
from .drift import drift_factor, estimate_drift_var
from .features import MakerStats, delivery_columns, empty_stats, lateness, maker_stats, spread_feature
from .posterior import Posterior, interval, prior_cov, summarise, update
from .priors import SPREAD_DIM, PriorParams, fit_priors, noise_covariance
from .types import DIMENSIONS, OVERALL_WEIGHTS, Estimate, MakerScore, ReviewSignal
from .weights import WeightParams, Weights, compute_weights

MODEL_VERSION = "eb-mvn-1.0"
ALS_PRIOR_STRENGTH = 2.0  # pseudo-reviews pulling maker means to the global mean while learning biases
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class ModelOptions:
    """Switches used by the benchmark's ablations; the defaults are the production model."""

    weights: WeightParams = field(default_factory=WeightParams)
    reviewer_bias: bool = True  # learn harsh/lenient reviewer offsets
    spread_covariate: bool = True  # consistency prior informed by craftsmanship spread
    lateness: bool = True  # promised/delivered dates as a 4th, correlated dimension
    age_as_precision: bool = True  # old reviews also widen the interval (False: they only re-weight the mean)


@dataclass
class _Batch:
    """Signals with their weights, bias corrections and per-maker statistics."""

    arr: SignalArrays
    weights: Weights
    bias: np.ndarray  # per signal, stars
    y: np.ndarray  # bias-corrected ratings (n, 3)
    stats: MakerStats


@dataclass
class FittedModel:
    """Global parameters learned from all signals; rescoring one maker reuses them."""

    params: PriorParams
    options: ModelOptions
    reviewer_bias: dict[Hashable, float]  # offset from all evidence; used as-is when no sums are stored
    reviewer_counts: dict[Hashable, int]
    bias_tau2: float
    n_signals: int
    model_version: str = MODEL_VERSION
    bias_sums: dict[Hashable, tuple[float, float]] = field(default_factory=dict, repr=False)
    bias_pairs: dict[tuple[Hashable, Hashable], tuple[float, float]] = field(default_factory=dict, repr=False)
    bias_shrinkage: float = 1.0
    _batch: _Batch | None = field(default=None, repr=False)

    def _row_bias(self, arr: SignalArrays) -> np.ndarray:
        """Per-signal reviewer offset, leaving out what the reviewer said about this same maker."""
        out = []
        for r, m in zip([arr.reviewer_ids[j] for j in arr.reviewer], [arr.maker_ids[j] for j in arr.maker]):
            if r not in self.bias_sums:
                out.append(self.reviewer_bias.get(r, 0.0))
                continue
            s, w = self.bias_sums[r]
            own_s, own_w = self.bias_pairs.get((r, m), (0.0, 0.0))
            rest = w - own_w  # same formula as bias.loo_bias, in plain floats for speed
            out.append((s - own_s) / (rest + self.bias_shrinkage) if rest > 1e-9 else 0.0)
        return np.array(out, dtype=float)

    def score_maker(self, maker_signals: Iterable[ReviewSignal], *, now: datetime,
                    craft: str | None = None) -> MakerScore:
        """Score one maker's signals with the fitted global parameters (empty -> the prior, unproven)."""
        sigs = list(maker_signals)
        if not sigs:
            return self._score_empty(craft)
        arr = _apply_options(to_arrays(sigs), self.options)
        counts = np.array([max(self.reviewer_counts.get(r, 0), 1) for r in arr.reviewer_ids])
        batch_counts = np.bincount(arr.reviewer, minlength=len(arr.reviewer_ids))
        per_row = np.maximum(counts, batch_counts)[arr.reviewer]
        batch = _prepare(arr, to_days(now), per_row, self._row_bias(arr), self.options.weights)
        crafts = [craft] * arr.n_makers
        scores = _score_batch(batch, crafts, self.params, self.model_version, self.options)
        return next(iter(scores.values())) if len(scores) == 1 else _merge_error(scores)

    def _score_empty(self, craft: str | None) -> MakerScore:
        stats = empty_stats(1)
        arr = to_arrays([])
        arr.maker_ids = [None]
        batch = _Batch(arr, compute_weights(arr, 0.0, np.zeros(0), self.options.weights),
                       np.zeros(0), np.zeros((0, 3)), stats)
        return _score_batch(batch, [craft], self.params, self.model_version, self.options)[None]


def _merge_error(scores: dict) -> MakerScore:
    raise ValueError(f"score_maker expects signals of one maker, got {len(scores)} makers")


def _prepare(arr: SignalArrays, now_days: float, reviewer_counts: np.ndarray,
             bias: np.ndarray, wp: WeightParams) -> _Batch:
    """Weights, bias-corrected ratings and maker statistics for a batch."""
    weights = compute_weights(arr, now_days, reviewer_counts, wp)
    y = arr.ratings - bias[:, None]
    stats = maker_stats(y, weights.weight, arr.maker, arr.n_makers, arr.promised, arr.delivered,
                        weights.age_days / DAYS_PER_YEAR, weights.age)
    return _Batch(arr, weights, bias, y, stats)


def _apply_options(arr: SignalArrays, options: ModelOptions) -> SignalArrays:
    """Drop inputs an ablation switches off."""
    if not options.lateness:
        arr.promised = np.full(arr.n, np.nan)
        arr.delivered = np.full(arr.n, np.nan)
    return arr


def _fit_bias(arr: SignalArrays, w: np.ndarray, options: ModelOptions) -> BiasFit:
    """Reviewer offsets (all zero when the option is off)."""
    global_mean = (w @ arr.ratings) / w.sum() if arr.n else np.full(3, 3.0)
    fit = estimate_reviewer_bias(arr.ratings, arr.maker, arr.reviewer, w, arr.n_makers, len(arr.reviewer_ids),
                                 global_mean, np.full(3, ALS_PRIOR_STRENGTH))
    if not options.reviewer_bias:
        fit.full, fit.row, fit.sums, fit.weights = (np.zeros_like(fit.full), np.zeros_like(fit.row),
                                                    np.zeros_like(fit.sums), np.zeros_like(fit.weights))
    return fit


def _bias_lookups(arr: SignalArrays, fit: BiasFit) -> tuple[dict, dict]:
    """Per-reviewer and per-(reviewer, maker) sums for rescoring with leave-one-maker-out offsets."""
    ids, makers = arr.reviewer_ids, arr.maker_ids
    sums = {ids[r]: (float(fit.sums[r]), float(fit.weights[r])) for r in np.flatnonzero(fit.weights > 0)}
    pairs = {(ids[k // arr.n_makers], makers[k % arr.n_makers]): (s, w)
             for k, s, w in zip(fit.pair_keys.tolist(), fit.pair_sums.tolist(), fit.pair_weights.tolist())}
    return sums, pairs


def _craft_index(arr: SignalArrays, crafts: Mapping[Hashable, str]) -> tuple[np.ndarray, list[str]]:
    """Craft index per maker (-1 = unknown) and the sorted craft names."""
    names = sorted({str(c) for c in crafts.values()})
    lookup = {c: i for i, c in enumerate(names)}
    idx = [lookup.get(str(crafts[m]), -1) if m in crafts else -1 for m in arr.maker_ids]
    return np.array(idx, dtype=np.int64), names


def fit_model(signals: Iterable[ReviewSignal], *, now: datetime,
              crafts: Mapping[Hashable, str] | None = None, options: ModelOptions | None = None) -> FittedModel:
    """Learn priors per craft x dimension, reviewer biases, covariate effects and noise from all signals."""
    options = options or ModelOptions()
    arr = _apply_options(to_arrays(signals), options)
    counts = np.bincount(arr.reviewer, minlength=len(arr.reviewer_ids))
    weights = compute_weights(arr, to_days(now), counts[arr.reviewer], options.weights)
    bias = _fit_bias(arr, weights.weight, options)
    batch = _prepare(arr, to_days(now), counts[arr.reviewer], bias.row, options.weights)
    dated, slip = delivery_columns(arr.promised, arr.delivered)
    noise = noise_covariance(np.column_stack([batch.y, lateness(slip)]), arr.maker, arr.n_makers, arr.verified, dated)
    drift_var = estimate_drift_var(batch.y.mean(axis=1), arr.t / DAYS_PER_YEAR, arr.maker, arr.n_makers,
                                   float(noise[:3, :3].mean()))
    params = fit_priors(batch.stats, noise, *_craft_index(arr, crafts or {}), drift_var)
    if not options.spread_covariate:
        params.spread_beta = params.spread_kappa = 0.0
    sums, pairs = _bias_lookups(arr, bias)
    return FittedModel(
        params=params, options=options,
        reviewer_bias={r: float(b) for r, b in zip(arr.reviewer_ids, bias.full) if b != 0.0},
        reviewer_counts=dict(zip(arr.reviewer_ids, counts.tolist())), bias_tau2=bias.tau2, n_signals=arr.n,
        bias_sums=sums, bias_pairs=pairs, bias_shrinkage=bias.shrinkage, _batch=batch,
    )


def score_makers(signals: Iterable[ReviewSignal], *, now: datetime,
                 crafts: Mapping[Hashable, str] | None = None,
                 options: ModelOptions | None = None) -> dict[Hashable, MakerScore]:
    """Fit the model on all signals and score every maker that has signals."""
    model = fit_model(signals, now=now, crafts=crafts, options=options)
    crafts = crafts or {}
    keys = [crafts.get(m) for m in model._batch.arr.maker_ids]
    return _score_batch(model._batch, keys, model.params, model.model_version, model.options)


def _prior_for(stats: MakerStats, crafts: list, params: PriorParams) -> tuple:
    """Per-maker prior mean (n, 4), variance (n, 4), source labels and covariate shift (n, 4)."""
    n = len(crafts)
    base, tau2, source = np.zeros((n, 4)), np.zeros((n, 4)), [""] * n
    for key in set(crafts):
        rows = [i for i, c in enumerate(crafts) if c == key]
        mu, t2, src = params.lookup(None if key is None else str(key))
        base[rows], tau2[rows] = mu, t2
        for i in rows:
            source[i] = src
    shift = np.zeros((n, 4))
    shift[:, SPREAD_DIM] = params.spread_beta * spread_feature(stats, params.spread_ref)
    tau2[:, SPREAD_DIM] *= 1.0 + params.spread_kappa * stats.reliability
    return base + shift, tau2, source, shift


def _delivery_record(arr: SignalArrays) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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


def _score_batch(batch: _Batch, crafts: list, params: PriorParams, version: str,
                 options: ModelOptions) -> dict[Hashable, MakerScore]:
    """Posterior for every maker in the batch, packed into MakerScores with explanations."""
    stats = batch.stats
    prior_mean, tau2, source, shift = _prior_for(stats, crafts, params)
    # Drift caps how much old evidence can say about now: scale all of a maker's weights down.
    f = drift_factor(stats.weight, stats.mean_age, params.drift_var, float(np.mean(np.diag(params.noise)[:3])))
    if not options.age_as_precision:  # age only re-weights the mean; drift_var alone carries its uncertainty
        f = f * stats.weight / np.maximum(stats.relevance_sq, 1e-12)
    mean, cov = update(prior_mean, prior_cov(tau2, params.corr), f * (stats.weight - stats.weight_dated),
                       f[:, None] * stats.sum_undated, f * stats.weight_dated, f[:, None] * stats.sum_dated,
                       params.noise)
    post = summarise(mean, cov, stats.count > 0)
    with gc_paused():
        ctx = _Context(batch, params, version, prior_mean, tau2, source, shift, post, crafts, f)
        return {mid: ctx.maker_score(m) for m, mid in enumerate(batch.arr.maker_ids)}


def _lists(*arrays: np.ndarray) -> list[list]:
    """Arrays as nested Python lists (indexing lists is far faster than numpy scalars)."""
    return [a.tolist() for a in arrays]


class _Context:
    """Batch-wide results converted to plain lists once, then packed per maker."""

    def __init__(self, batch: _Batch, params: PriorParams, version: str, prior_mean: np.ndarray,
                 tau2: np.ndarray, source: list, shift: np.ndarray, post: Posterior, crafts: list,
                 drift: np.ndarray):
        arr, wt, stats = batch.arr, batch.weights, batch.stats
        self.arr, self.version, self.source, self.crafts = arr, version, source, crafts
        order = np.argsort(arr.maker, kind="stable")
        ends = np.cumsum(np.bincount(arr.maker, minlength=arr.n_makers)).tolist()
        order_list = order.tolist()
        self.rows = [order_list[a:b] for a, b in zip([0] + ends[:-1], ends)]
        cols = {"weight": wt.weight, "provenance": wt.provenance, "new_account": wt.new_account,
                "burst": wt.burst, "age_days": wt.age_days, "age": wt.age, "bias": batch.bias}
        cols = {k: np.round(v, 4).tolist() for k, v in cols.items()}
        cols["verified"], cols["adjusted"] = arr.verified.tolist(), np.round(batch.y, 3).tolist()
        self.entries = explain.review_entries(cols)
        self.keys = [str(r) for r in arr.review_ids]
        n_dated, on_time, slip = _delivery_record(arr)
        noise_var = np.diag(params.noise)[:3]
        prior_share = (1 / tau2[:, :3]) / (1 / tau2[:, :3] + (drift * stats.weight)[:, None] / noise_var)
        est = interval(post.mean[:, :3], post.sd[:, :3])
        ov = interval(post.overall_mean, np.sqrt(post.overall_var))
        late_days = np.expm1(np.maximum(post.mean[:, 3], 0.0))
        self.target, self.needed_sd = explain.tier_targets(post.overall_mean)
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
        a = np.array(OVERALL_WEIGHTS)
        self.review_var = float(a @ params.noise[:3, :3] @ a)

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
        )

    def _explanation(self, m: int, dated: bool) -> dict[str, Any]:
        rows = self.rows[m] if self.arr.n else []
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
                         "drift_factor": self.drift[m], "prior_share": _dims(self.share[m])},
            "reviews": {self.keys[i]: self.entries[i] for i in rows},
            "delivery_record": {"dated_orders": self.n_dated[m],
                                "on_time_rate": self.on_time[m] if dated else None,
                                "typical_slip_days": self.slip[m] if dated else None,
                                "modelled_typical_days_late": self.late_days[m]},
            "craftsmanship_spread_sd": None if self.count[m] < 2 else self.spread[m],
            "probabilities": {"master": self.pm[m], "skilled": self.ps[m],
                              "developing": self.pd[m], "novice": self.pn[m]},
            "what_would_move_tier": explain.tier_outlook(self.om[m], self.ovar[m], self.review_var, self.tier[m],
                                                         self.target[m], self.needed_sd[m]),
        }


def _dims(values: list[float]) -> dict[str, float]:
    return dict(zip(DIMENSIONS, values))
