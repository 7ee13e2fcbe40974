"""Fit the global model and score makers (public entry points)."""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import NamedTuple

import numpy as np

from .arrays import SignalArrays, gc_paused, to_arrays, to_days
from .bias import BiasFit, distinct_makers_per_reviewer, estimate_reviewer_bias, typical_offset
from .change import MIN_SIDE as CHANGE_MIN_SIDE
from .change import change_variance, fit_change_mixture, recent_gap
from .claims import (
    CLAIM_HORIZONS,
    FAVOURITES_PLAUSIBLE,
    FAVOURITES_PRIOR_CHANCE,
    FAVOURITES_SET_ASIDE,
    JUMP_SLACK,
    NOVICE_PRIOR_CHANCE,
    PULL_GATE,
    RECENT_DAYS,
    RECENT_PRIOR_CHANCE,
    RUN_SKIP,
    SETTLED_RUN,
    SLACK_HISTORY,
    SPAN_FLOOR_DAYS,
    UP,
    UP_RAMP,
    WITHHELD_BASE_RATE,
    WITHHELD_FEW,
    WITHHELD_SURGE,
    YOUNG_SPLIT,
    generous_prior,
    longer_seasons,
    recent_window,
    restrict_novice,
    restrict_to,
    sceptical_prior,
    season_upward,
    seasoned_factor,
    settled_low_run,
    withhold_contradicted,
    without_favourites,
)
from .drift import drift_factor, estimate_drift_var
from .features import MakerStats, delivery_columns, empty_stats, lateness, maker_stats, spread_feature
from .outlook import Buyers, platform_buyers
from .pack import ScorePacker
from .posterior import (
    A,
    Ranges,
    allow_for_buyer_gap,
    normal_ranges,
    prior_cov,
    summarise,
    tail_levels,
    update,
    update_with_trend,
)
from .priors import SPREAD_DIM, PriorParams, fit_priors, noise_covariance
from .robust import (
    CHANGE_OLD_FACTOR,
    DROP_PRIOR_EVIDENCE,
    RISE_STOOD_DAYS,
    RISE_Z,
    evidence_since,
    fit_scale,
    huberize,
    outlier_factor,
    review_overall,
    robustness,
)
from .rows import times
from .slope import MIN_REVIEWS as SLOPE_MIN_REVIEWS
from .slope import maker_slopes, slope_bounds
from .steps import StepScan, fit_step_mixture, mixture_mean, scan_steps, step_bounds
from .types import CLAIM_CONFIDENCE, MIN_CLAIM_EVIDENCE, MakerScore, ReviewSignal
from .weights import WeightParams, Weights, compute_weights

MODEL_VERSION = "eb-mvn-2.30"
ALS_PRIOR_STRENGTH = 2.0  # pseudo-reviews pulling maker means to the global mean while learning biases
DAYS_PER_YEAR = 365.25
STEP_ESTIMATES = ("off", "down", "both")  # ModelOptions.step_estimate
# stars: a possible change that moved an end of a maker's interval this far 'allows for change' there (the explanation
# says so on the score page only where it shows: the page gives ranges to a tenth of a star)
_MOVED = 0.05


@dataclass(frozen=True)
class ModelOptions:
    """Switches used by the benchmark's ablations; the defaults are the production model."""

    weights: WeightParams = field(default_factory=WeightParams)
    reviewer_bias: bool = True  # learn harsh/lenient reviewer offsets
    spread_covariate: bool = True  # consistency prior informed by craftsmanship spread
    lateness: bool = True  # promised/delivered dates as a 4th, correlated dimension
    # Dates may only lower a delivery estimate (model._dates_never_help): the promised date starts as the maker's record
    # (a verified review's buyer may correct it, but need not). False lets
    # on-time dates raise it too, a bench switch (bench/scoring/RESULTS.md, "The raw mean's delivery τ-b").
    dates_only_lower: bool = True
    # ...and only late ones do (model 2.30): a maker none of whose dated orders was late is scored from its stars.
    # False: model 2.29, where orders all on time could lower a top maker's estimate (a bench switch).
    never_late_from_stars: bool = True
    age_as_precision: bool = True  # old reviews also widen the interval (False: they only re-weight the mean)
    trend: bool = False  # fit a per-maker linear trend (random slope) instead of inflating variance for drift
    # The review spread from verified reviews around each maker's outlier-weighted consensus, so a ring's
    # camouflage cannot shrink it (bench/scoring/RESULTS.md, "Experiments (branch model)" and "(branch model3)").
    trusted_scale: bool = True
    # Recent praise seasoned in the estimate, not only in the claim (claims.season_upward).
    seasoned_estimate: bool = True
    # The drop test groups same-direction outliers gradually (robust.drop_test_voice), not at a cliff.
    soft_drop: bool = True
    # Widen the 90% interval by what a possible change owes, as likely as the platform's recent-versus-older
    # gaps say such a change is (change.py); estimates and tiers unchanged. Off from model 2.1 to 2.22 (a mixed
    # result before the step interval); on since 2.23, beside it, where each side of the boundary holds at least
    # change_min_side reviews (bench/scoring/RESULTS.md, "Model 2.23").
    change_interval: bool = True
    change_min_side: int = CHANGE_MIN_SIDE
    # The 90% interval is also that of a mixture of the posterior and a steady slide over the maker's history, as likely
    # as the platform's within-maker slopes say such a slide is (slope.py); estimates and tiers unchanged. Since model
    # 2.24 (bench/scoring/RESULTS.md, "Model 2.24"); slope_min_reviews: the reviews a slope is read over.
    slope_interval: bool = True
    slope_min_reviews: int = SLOPE_MIN_REVIEWS
    # Estimates for the typical (median) buyer rather than the average one (bias.typical_offset). Off: on the second
    # simulator's worlds with harsh critics it narrowed the estimates' low bias, but the fakes' accounts move the
    # offset too, and spillover grew in 8 of 48 family worlds (bench/scoring/RESULTS.md, "Measured and not taken:
    # the harsh critics' pull"). A bench option only: FittedModel.score_maker does not apply the offset.
    typical_buyer: bool = False
    # The 90% interval reaches as far again toward where the typical (median) reviewer would put the maker, by the gap
    # bias.typical_offset measures between the average and the typical reviewer (0 unless clearly apart); estimates,
    # tiers and claims unchanged, so the accounts of a ring, which move the gap too, can only widen ranges. Since
    # model 2.25 (bench/scoring/RESULTS.md, "Model 2.25").
    buyer_gap_interval: bool = True
    # The shortest older span a maker's pace is measured over, for one review's worth of older evidence
    # (claims.seasoned_factor; 120 before: one review 130 days old made five fresh verified five-stars the
    # maker's usual pace). bench/scoring/RESULTS.md, "A short history's pace, and promises at 95%".
    pace_floor_days: float = 365.0
    # Weight left to the evidence from before a detected drop (robust.CHANGE_OLD_FACTOR; 0.1 in model 2.1).
    change_old_factor: float = CHANGE_OLD_FACTOR
    # How likely each claim must be before it is made: master, skilled, developing, novice.
    claim_confidence: tuple[float, float, float, float] = CLAIM_CONFIDENCE
    # The older pace counts over the span the recent reviews cover, at least this many days (SEASON_DAYS: the
    # whole recent window, model 2.4), and the cap's slack shrinks with the jump of recent praise above the
    # older reviews (claims.JUMP_SLACK; None: model 2.4). bench/scoring/RESULTS.md, "Model 2.5".
    recent_span_floor_days: float = SPAN_FLOOR_DAYS
    jump_slack: tuple[float, float, float] | None = JUMP_SLACK
    up_ramp: float = UP_RAMP  # spreads above the older level at which the seasoned cap bites in full (3.0: models 2.5-2.6)
    # A young maker's recent window is the newest share of its reviewed life (claims.recent_window; 0: the whole
    # SEASON_DAYS window for every maker, model 2.5). bench/scoring/RESULTS.md, "Model 2.6".
    young_split: float = YOUNG_SPLIT
    # Recent reviews are seasoned only as far as they pull the estimate up (claims.PULL_GATE; 0: model 2.5).
    pull_gate: float = PULL_GATE
    # The slack shrinks with a thin older history (claims.SLACK_HISTORY, in fully trusted reviews; 0: model 2.5).
    slack_history: float = SLACK_HISTORY
    # An older review is judged out of line against the maker's other older reviews and the recent ones only as far
    # as the maker's older pace predicts them (robust.outlier_factor, HISTORY_MIN; False: model 2.6, every review
    # against all the others). bench/scoring/RESULTS.md, "Model 2.7".
    history_consensus: bool = True
    # Recent praise is seasoned review by review in the estimate, as far as each sits above the older level (False:
    # model 2.15, every recent review of the maker alike). The claim horizons (claims.longer_seasons) keep the maker-wide
    # cap: review by review there changed no attack figure on 16 paired worlds and kept fewer promises (RESULTS, 2.16).
    season_own_pull: bool = True
    # The 90% interval is that of a mixture of the posterior and a step in the maker's level at any point of its
    # history (steps.py); estimates and tiers unchanged. bench/scoring/RESULTS.md, "Model 2.8".
    step_interval: bool = True
    # An interval whose outer 5% reaches past an end of the 1-5 scale moves toward that end by the posterior's share
    # beyond it (posterior.tail_levels; False: model 2.20, clipped where it stood). bench/scoring/RESULTS.md, "Model 2.21".
    edge_levels: bool = True
    # A maker with a detected drop and DROP_PRIOR_EVIDENCE trusted reviews since is measured against a prior widened
    # by the platform's step variance (prior_after_drop; False: model 2.21). bench/scoring/RESULTS.md, "Model 2.22".
    drop_prior: bool = True
    # The least evidence a tier rests on (MIN_CLAIM_EVIDENCE; 1.0: model 2.8).
    claim_evidence: float = MIN_CLAIM_EVIDENCE
    # A settled low run (claims.settled_low_run) counts in every voice in the recent-reviews check: (reviews its
    # absence at the old level stands for, pace multiple, slack) as claims.SETTLED_RUN ((2, 2, 1) in models
    # 2.10-2.25, (2, 1.5, 0.5) in 2.26); None: model 2.9.
    settled_drop: tuple[float, float, float] | None = SETTLED_RUN
    # ...and the reviews at the old level such a run may hold (claims.RUN_SKIP; 0: model 2.25, one ended the run).
    settled_skip: int = RUN_SKIP
    # An upward claim must also hold with the praise of each of these longer horizons (days) seasoned against the
    # maker's record before it (claims.longer_seasons, CLAIM_HORIZONS); (): model 2.10, the SEASON_DAYS window alone.
    claim_horizons: tuple[float, ...] = CLAIM_HORIZONS
    # Follow a rise in quality once the new level shows in reviews at least this many days old (robust.rise_points;
    # None: only drops are followed, model 2.12).
    rise_days: float | None = RISE_STOOD_DAYS
    rise_z: float = RISE_Z  # ...and at least this many standard errors above the level before
    # An upward claim must leave "skilled" at least favourites_plausible likely without the maker's this many most
    # favourable reviews (claims.FAVOURITES_SET_ASIDE, FAVOURITES_PLAUSIBLE; 0: model 2.13).
    favourites_set_aside: int = FAVOURITES_SET_ASIDE
    favourites_plausible: float = FAVOURITES_PLAUSIBLE
    # ...with the rest of the record weighed afresh, as if the favourites were not there (False: model 2.14, the rest
    # keeps the weights it had beside them: shills that set the maker's consensus and pace cut its honest reviews).
    favourites_reweigh: bool = True
    # ...keeping the drops the whole record shows, not testing the rest for one again (False: model 2.27, where a bomb's
    # one-stars, with the best reviews set aside, passed for a drop the whole record does not show); rises are tested
    # again, as the favourites may be what made one. bench/scoring/RESULTS.md, "Model 2.28".
    favourites_known_drops: bool = True
    # ...and against a prior that alone makes "skilled" at most this likely (claims.sceptical_prior,
    # FAVOURITES_PRIOR_CHANCE; None: model 2.17, the platform's prior as it is, which on a platform of mostly skilled
    # makers let five invited raves claim a tier). bench/scoring/RESULTS.md, "Model 2.18".
    favourites_prior_chance: float | None = FAVOURITES_PRIOR_CHANCE
    # "What would change the tier" rescores with simulated reviews spread as real ones are around the level they
    # average (outlook.scattered_reviews; False: model 2.17, all at that level, which the favourites check read as
    # more agreement than real reviews give).
    outlook_scatter: bool = True
    # ...and as the platform's own buyers are: the caution and the scatter are its reviews' spread around their maker's
    # level, tails included, and its share of new accounts is among them (outlook.Buyers; False: model 2.28, the
    # model's tamed noise and established accounts only). The outlook alone reads it: estimates and claims are unchanged.
    outlook_buyers: bool = True
    # The recent-reviews check (claims.withhold_contradicted) weighs the recent reviews against a prior that alone makes
    # "skilled" at most this likely (claims.sceptical_prior, RECENT_PRIOR_CHANCE; None: model 2.18, the platform's prior,
    # which on a platform of mostly skilled makers held a claim against six reviews at a fallen maker's new level).
    # bench/scoring/RESULTS.md, "Model 2.19".
    recent_prior_chance: float | None = RECENT_PRIOR_CHANCE
    # Evidence from before a detected drop keeps change_old_factor x (CHANGE_Z / the drop's size in standard errors)^2
    # of its weight (robust.robustness): the hedge against a false detection shrinks as the drop grows (False: model
    # 2.16, change_old_factor whatever the size). bench/scoring/RESULTS.md, "Model 2.17".
    change_old_by_size: bool = True
    # The drop test's least evidence on each side is counted before the same-direction shared voice, which still
    # shapes the test itself (robust.robustness; False: model 2.16, after it, so twelve reviews far below the
    # consensus counted as one voice and the deepest falls went undetected).
    change_evidence_unvoiced: bool = True
    # A novice claim must also hold against a prior that alone makes "novice" at most this likely (claims.generous_prior,
    # NOVICE_PRIOR_CHANCE; None: model 2.19, the platform's prior, which on a platform of mostly novices labelled a
    # newcomer with three verified five-stars and two hostile one-stars a novice). bench/scoring/RESULTS.md, "Model 2.20".
    novice_prior_chance: float | None = NOVICE_PRIOR_CHANCE
    # The estimate is the mean of the step mixture the 90% interval reads (steps.mixture_mean: the model's posterior
    # and a step at any point of the history) where that lies below the model's ("down") or on either side ("both");
    # "off": the model's own. A bench switch, measured and not taken: it follows changes faster and wins AUC at 6+
    # reviews, and follows one-star bombs and invited praise as readily (bench/scoring/RESULTS.md, "The step
    # mixture as the estimate").
    step_estimate: str = "off"
    # ...with the steps read through the model's own weights without the age decay (outlier, drop and seasoning
    # factors included) rather than the step scan's (model._scan_weight).
    step_estimate_robust: bool = False
    # ...counting only steps with at least this much evidence each side, in fully trusted reviews (0: every candidate).
    step_estimate_voices: float = 0.0

    def __post_init__(self) -> None:
        if self.step_estimate not in STEP_ESTIMATES:
            raise ValueError(f"step_estimate must be one of {', '.join(STEP_ESTIMATES)}, not {self.step_estimate!r}")


@dataclass
class _Batch:
    """Signals with their weights, bias corrections and per-maker statistics."""

    arr: SignalArrays
    weights: Weights
    bias: np.ndarray  # per signal, stars
    y: np.ndarray  # bias-corrected ratings (n, 3)
    stats: MakerStats
    change_age: np.ndarray | None = None  # per maker: age in days of a detected drop in quality, NaN if none
    rise_age: np.ndarray | None = None  # per maker: age in days of a rise that has stood (robust.rise_points), NaN if none
    season: np.ndarray | None = None  # per review: factor capping a recent surge, for upward claims (claims.py)
    step_scan: StepScan | None = None  # candidate steps (steps.py), made once: by the fit, then by scoring
    scale: float | None = None  # the robust review spread the outlier factors used (None: no robustness)
    centre: float | None = None  # the platform centre they used
    now_days: float | None = None  # the time the weights were computed for (to_days)
    counts: np.ndarray | None = None  # per signal: reviews by its reviewer (what the new-account factor read)
    drop_size: np.ndarray | None = None  # per maker: the detected drop's size in standard errors, NaN if none

    def rows_of(self, makers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The reviews of the makers at the sorted indices makers, and each one's maker as a position in makers."""
        chosen = np.zeros(self.arr.n_makers, dtype=bool)
        chosen[makers] = True
        rows = np.flatnonzero(chosen[self.arr.maker])
        return rows, np.searchsorted(makers, self.arr.maker[rows])

    def stats_for(self, makers: np.ndarray, factor: np.ndarray) -> MakerStats:
        """Maker statistics of the makers at the sorted indices makers, in that order, with every review's weight
        multiplied by factor: only their reviews are aggregated."""
        w, arr = self.weights, self.arr
        rows, local = self.rows_of(makers)
        return maker_stats(self.y[rows], w.weight[rows] * factor[rows], local, len(makers), arr.promised[rows],
                           arr.delivered[rows], w.age_days[rows] / DAYS_PER_YEAR, w.age[rows])


@dataclass
class FittedModel:
    """Global parameters learned from all signals; rescoring one maker reuses them."""

    params: PriorParams
    options: ModelOptions
    reviewer_bias: dict[Hashable, float] = field(repr=False)  # offset from all evidence; used as-is when no sums are stored
    reviewer_counts: dict[Hashable, int] = field(repr=False)
    bias_tau2: float
    n_signals: int
    model_version: str = MODEL_VERSION
    bias_sums: dict[Hashable, tuple[float, float]] = field(default_factory=dict, repr=False)
    bias_pairs: dict[tuple[Hashable, Hashable], tuple[float, float]] = field(default_factory=dict, repr=False)
    bias_shrinkage: float = 1.0
    robust_scale: float = 0.8  # typical spread of one review's overall star around its maker's mean
    robust_centre: float = 3.8  # platform centre the per-maker consensus is shrunk toward
    outlook_buyers: Buyers = field(default_factory=Buyers, repr=False)  # the platform's buyers, for the outlook's stand-ins
    _batch: _Batch | None = field(default=None, repr=False)

    def _repr_pretty_(self, printer, cycle) -> None:
        # IPython and Hypothesis pretty-print dataclasses field by field, ignoring repr=False; the
        # per-reviewer dicts run to hundreds of kilobytes, so they get the short repr instead.
        printer.text(repr(self))

    def _row_bias(self, arr: SignalArrays) -> np.ndarray:
        """Per-signal reviewer offset, leaving out what the reviewer said about this same maker."""
        out = []
        for r, m in zip([arr.reviewer_ids[j] for j in arr.reviewer], [arr.maker_ids[j] for j in arr.maker], strict=True):
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
        """Score one maker's signals with the fitted global parameters (empty -> the prior, unproven).

        Raises ValueError if the signals belong to more than one maker.
        """
        sigs = list(maker_signals)
        if not sigs:
            return self._score_empty(craft)
        batch = self.prepare_batch(sigs, now=now)
        crafts = [craft] * batch.arr.n_makers
        scores = _score_batch(batch, crafts, self.params, self.model_version, self.options)
        return next(iter(scores.values())) if len(scores) == 1 else _merge_error(scores)

    def score_fitted(self, crafts: Mapping[Hashable, str] | None = None) -> dict[Hashable, MakerScore]:
        """Every maker of the signals this model was fitted on, as score_makers scores them (same signals, time and
        options) without fitting a second time: a nightly rescore needs both the fit and every score."""
        if self._batch is None:
            raise ValueError("this model was not fitted here (a stored fit keeps no signals): use score_makers")
        crafts = crafts or {}
        keys = [crafts.get(m) for m in self._batch.arr.maker_ids]
        return _score_batch(self._batch, keys, self.params, self.model_version, self.options)

    def prepare_batch(self, sigs: list[ReviewSignal], *, now: datetime) -> _Batch:
        """Weights and statistics of any number of makers' signals under the fitted global parameters."""
        arr = _apply_options(to_arrays(sigs), self.options)
        return self.prepare_arrays(arr, self.row_counts(arr), self._row_bias(arr), to_days(now))

    def row_counts(self, arr: SignalArrays) -> np.ndarray:
        """Per signal: how many reviews its reviewer has written (fitted count, or more in this batch)."""
        counts = np.array([max(self.reviewer_counts.get(r, 0), 1) for r in arr.reviewer_ids])
        batch_counts = np.bincount(arr.reviewer, minlength=len(arr.reviewer_ids))
        return np.maximum(counts, batch_counts)[arr.reviewer]

    def prepare_arrays(self, arr: SignalArrays, counts: np.ndarray, bias: np.ndarray, now_days: float) -> _Batch:
        """prepare_batch for arrays whose reviewer counts and bias offsets are already known."""
        return _prepare(arr, now_days, counts, bias, self.options.weights, (self.robust_scale, self.robust_centre),
                        self.options)

    def batch_tiers(self, batch: _Batch, crafts: list) -> list[str]:
        """Tier per maker of a prepared batch, without building explanations (used for what-ifs)."""
        return _posterior(batch, crafts, self.params, self.options)[0].tier.tolist()

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
             bias: np.ndarray, wp: WeightParams, robust: tuple[float, float] | None,
             options: ModelOptions | None = None, weights: Weights | None = None,
             known_drops: tuple[np.ndarray, np.ndarray] | None = None) -> _Batch:
    """Weights (with outlier and change-point factors when robust = (scale, centre)), ratings, statistics.

    weights: compute_weights(arr, now_days, reviewer_counts, wp) when the caller has them already (left unchanged).
    known_drops: robust.robustness's, the drops (age, size) found on a fuller record, not tested again.

    With options.seasoned_estimate, recent evidence well above a maker's older level counts only up to what
    the maker's older pace predicts (claims.season_upward, folded into the surge factor); below it, at once.
    """
    weights = compute_weights(arr, now_days, reviewer_counts, wp) if weights is None else replace(weights)
    y = arr.ratings - bias[:, None]
    change_age = rise_age = drop_size = np.full(arr.n_makers, np.nan)
    options = options or ModelOptions()
    if robust is not None:
        recent, share = _history_view(arr, weights, options) if options.history_consensus else (None, None)
        rb = robustness(y, weights.weight, weights.age_days, arr.maker, arr.n_makers, *robust, weights.age,
                        options.soft_drop, options.change_old_factor, recent, share, options.rise_days, options.rise_z,
                        options.change_old_by_size, options.change_evidence_unvoiced, known_drops)
        weights.outlier, weights.change, weights.group, change_age = rb.outlier, rb.change, rb.group, rb.change_age
        rise_age, drop_size = rb.rise_age, rb.drop_size
        weights.weight = weights.weight * rb.outlier * rb.change
        if options.seasoned_estimate:
            up = season_upward(y, weights.weight, weights.age_days, arr.maker, arr.n_makers, weights.age, *robust,
                               options.pace_floor_days, options.recent_span_floor_days, options.jump_slack,
                               options.up_ramp, options.young_split, options.pull_gate,
                               options.slack_history, own_pull=options.season_own_pull)
            weights.surge, weights.weight = weights.surge * up, weights.weight * up
    stats = maker_stats(y, weights.weight, arr.maker, arr.n_makers, arr.promised, arr.delivered,
                        weights.age_days / DAYS_PER_YEAR, weights.age)
    season = seasoned_factor(weights.weight, weights.age_days, arr.maker, arr.n_makers, weights.age,
                             options.pace_floor_days, span_floor=options.recent_span_floor_days)
    return _Batch(arr, weights, bias, y, stats, change_age, rise_age, season,
                  scale=None if robust is None else robust[0], centre=None if robust is None else robust[1],
                  now_days=now_days, counts=reviewer_counts, drop_size=drop_size)


def _history_view(arr: SignalArrays, weights: Weights, options: ModelOptions) -> tuple[np.ndarray, np.ndarray]:
    """Per review: whether it is in its maker's recent window, and the share of its weight it keeps when an older
    review is judged against it (what the maker's older pace predicts, claims.seasoned_factor; 1 when older)."""
    split = recent_window(weights.age_days, arr.maker, arr.n_makers, options.young_split,
                          options.recent_span_floor_days)
    share = seasoned_factor(weights.weight, weights.age_days, arr.maker, arr.n_makers, weights.age,
                            options.pace_floor_days, span_floor=options.recent_span_floor_days, split=split)
    return weights.age_days < split[arr.maker], np.ones(arr.n) if share is None else share


def _apply_options(arr: SignalArrays, options: ModelOptions) -> SignalArrays:
    """Drop inputs an ablation switches off."""
    if not options.lateness:
        arr.promised = np.full(arr.n, np.nan)
        arr.delivered = np.full(arr.n, np.nan)
    return arr


def _fit_bias(arr: SignalArrays, w: np.ndarray, options: ModelOptions) -> BiasFit:
    """Reviewer offsets (all zero when the option is off)."""
    global_mean = times(arr.ratings.T, w) / w.sum() if arr.n else np.full(3, 3.0)
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
             for k, s, w in zip(fit.pair_keys.tolist(), fit.pair_sums.tolist(), fit.pair_weights.tolist(), strict=True)}
    return sums, pairs


def _craft_index(arr: SignalArrays, crafts: Mapping[Hashable, str]) -> tuple[np.ndarray, list[str]]:
    """Craft index per maker (-1 = unknown) and the sorted craft names."""
    names = sorted({str(c) for c in crafts.values() if c is not None})
    lookup = {c: i for i, c in enumerate(names)}
    idx = [-1 if crafts.get(m) is None else lookup[str(crafts[m])] for m in arr.maker_ids]
    return np.array(idx, dtype=np.int64), names


def fit_model(signals: Iterable[ReviewSignal], *, now: datetime,
              crafts: Mapping[Hashable, str] | None = None, options: ModelOptions | None = None) -> FittedModel:
    """Learn priors per craft x dimension, reviewer biases, covariate effects and noise from all signals."""
    options = options or ModelOptions()
    fit = _fit(signals, now, crafts, options)
    arr, bias, scale = fit.batch.arr, fit.bias, fit.scale
    sums, pairs = _bias_lookups(arr, bias)  # what score_maker needs to rescore one maker later
    return FittedModel(
        params=fit.params, options=options,
        reviewer_bias={r: float(b) for r, b in zip(arr.reviewer_ids, bias.full, strict=True) if b != 0.0},
        reviewer_counts=dict(zip(arr.reviewer_ids, fit.counts.tolist(), strict=True)), bias_tau2=bias.tau2,
        n_signals=arr.n, bias_sums=sums, bias_pairs=pairs, bias_shrinkage=bias.shrinkage,
        robust_scale=scale[0], robust_centre=scale[1], _batch=fit.batch,
        outlook_buyers=platform_buyers(fit.batch.y, arr, options.weights.new_account_days),
    )


class _Fit(NamedTuple):
    """The platform's fitted parameters with the batch they were fitted on."""

    batch: _Batch
    params: PriorParams
    bias: BiasFit
    scale: tuple[float, float]
    counts: np.ndarray  # reviews per reviewer


def _fit(signals: Iterable[ReviewSignal], now: datetime, crafts: Mapping[Hashable, str] | None,
         options: ModelOptions) -> _Fit:
    """Everything fit_model learns, without the per-reviewer lookups only rescoring one maker reads (score_makers
    scores the batch itself: at a million reviews those dicts took most of a second)."""
    arr = _apply_options(to_arrays(signals, by_maker=True), options)
    counts = np.bincount(arr.reviewer, minlength=len(arr.reviewer_ids))
    weights = compute_weights(arr, to_days(now), counts[arr.reviewer], options.weights)
    # Reviewer offsets are learned from reviews already judged against each maker's consensus, so a
    # ring's extreme ratings cannot pose as one reviewer's harshness and re-weight everyone else.
    trusted = arr.verified if options.trusted_scale else None
    raw = fit_scale(arr.ratings, weights.weight, arr.maker, arr.n_makers, trusted)
    consensus = weights.weight * outlier_factor(review_overall(arr.ratings), weights.weight, arr.maker,
                                                arr.n_makers, *raw)[0]
    bias = _fit_bias(arr, consensus, options)
    gap = _buyer_gap(arr, bias, consensus, counts, options)
    if options.typical_buyer:
        bias.row = bias.row + gap
    scale = fit_scale(arr.ratings - bias.row[:, None], weights.weight, arr.maker, arr.n_makers, trusted,
                      consensus if options.trusted_scale else None)
    batch = _prepare(arr, to_days(now), counts[arr.reviewer], bias.row, options.weights, scale, options, weights)
    dated, slip = delivery_columns(arr.promised, arr.delivered)
    # Every global statistic is weighted, so fakes weighted near zero cannot move it; the outlier factor
    # is left out here because down-weighting the tails would understate the noise of honest reviews (its
    # shared-voice part stays: a block of same-direction outliers on one maker is a ring, not noise).
    w = batch.weights.weight * batch.weights.group / np.maximum(batch.weights.outlier * batch.weights.change, 1e-12)
    y_h = huberize(batch.y, batch.weights.weight, arr.maker, arr.n_makers, scale[0])
    noise = noise_covariance(np.column_stack([y_h, lateness(slip)]), arr.maker, arr.n_makers, arr.verified, dated, w)
    drift_var = estimate_drift_var(y_h.mean(axis=1), arr.t / DAYS_PER_YEAR, arr.maker, arr.n_makers,
                                   float(noise[:3, :3].mean()), batch.weights.weight,
                                   np.isfinite(batch.change_age) | np.isfinite(batch.rise_age))
    params = fit_priors(batch.stats, noise, *_craft_index(arr, crafts or {}), drift_var)
    if not options.spread_covariate:
        params.spread_beta = params.spread_kappa = 0.0
    if options.change_interval:
        params.change_share, params.change_var = fit_change_mixture(*_recent_gap(batch, noise, options)[:2])
    if options.slope_interval:
        params.slope_share, params.slope_var = fit_change_mixture(*_slopes(batch, noise, options)[:2])
    if options.step_interval:
        params.step_share, params.step_var, params.step_noise = fit_step_mixture(_step_scan(batch, noise))
    if not options.typical_buyer:  # typical_buyer moved the estimates instead
        params.buyer_gap = gap
    return _Fit(batch, params, bias, scale, counts)


def _buyer_gap(arr: SignalArrays, bias: BiasFit, consensus: np.ndarray, counts: np.ndarray,
               options: ModelOptions) -> float:
    """How far the average reviewer sits from the typical one (bias.typical_offset; 0 without reviewer offsets, or
    where neither option that reads it is on)."""
    if not options.reviewer_bias or not (options.typical_buyer or options.buyer_gap_interval):
        return 0.0
    n_rev = len(arr.reviewer_ids)
    trust = np.bincount(arr.reviewer, consensus, n_rev) / np.maximum(counts, 1)
    return typical_offset(bias, distinct_makers_per_reviewer(arr.maker, arr.reviewer, arr.n_makers, n_rev), trust)


def score_makers(signals: Iterable[ReviewSignal], *, now: datetime,
                 crafts: Mapping[Hashable, str] | None = None,
                 options: ModelOptions | None = None) -> dict[Hashable, MakerScore]:
    """Fit the model on all signals and score every maker that has signals."""
    options = options or ModelOptions()
    fit = _fit(signals, now, crafts, options)
    crafts = crafts or {}
    keys = [crafts.get(m) for m in fit.batch.arr.maker_ids]
    return _score_batch(fit.batch, keys, fit.params, MODEL_VERSION, options)


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


def _dates_never_help(mean, cov, prior_mean, prior_cv, f, stats: MakerStats, noise, never_late_from_stars: bool):
    """Where promised/delivered dates would *raise* the delivery estimate, or no dated order was late, score from the
    stars alone.

    Late dates lower the delivery estimate; on-time dates are what a buyer expects, so they may
    narrow nothing and lift nothing (a maker cannot type its way up by promising generous dates).
    Nor do they lower it (model 2.30): lateness is 0 for every order on time, early ones too, while beside
    five-star delivery the fit expects a maker that good to come in under it, so a record of orders all on
    time read as a small fault (ten of them: 4.93 -> 4.90).
    """
    stars_only = stats.sum_undated + stats.sum_dated[:, :3]
    m0, c0 = update(prior_mean, prior_cv, f * stats.weight, f[:, None] * stars_only,
                    np.zeros(len(f)), np.zeros((len(f), 4)), noise)
    never_late = stats.sum_dated[:, 3] <= 0.0  # lateness is log(1 + days late): 0 for an order on time
    use = (mean[:, 2] > m0[:, 2]) | (never_late & never_late_from_stars)
    m0[:, 3], c0[:, 3, :] , c0[:, :, 3] = mean[:, 3], cov[:, 3, :], cov[:, :, 3]  # keep the lateness estimate
    return np.where(use[:, None], m0, mean), np.where(use[:, None, None], c0, cov)


def _posterior(batch: _Batch, crafts: list, params: PriorParams, options: ModelOptions) -> tuple:
    """(posterior, drift factors, prior mean, prior variances, prior sources, covariate shift) per maker."""
    stats = batch.stats
    prior_mean, tau2, source, shift = _prior_for(stats, crafts, params)
    if options.drop_prior:
        tau2 = prior_after_drop(batch, tau2, params.step_var)
    mean, cov, f = _update_stats(stats, prior_mean, tau2, params, options)
    if options.step_estimate != "off" and params.step_share > 0.0:
        mean = _step_estimate(batch, mean, prior_mean, tau2, params, options)
    # No claim that is mostly the prior: a tier needs options.claim_evidence fully trusted reviews' worth of evidence.
    post = summarise(mean, cov, stats.weight >= options.claim_evidence - 1e-9, options.claim_confidence)
    post.withheld = np.full(len(post.tier), None, dtype=object)
    if np.isin(post.tier, UP).any():  # only upward claims are checked (and only then is it worth computing)
        _check_up_claims(batch, post, prior_mean, tau2, params, options)
    if options.novice_prior_chance is not None and (post.tier == "novice").any():
        _check_novice(batch, post, prior_mean, tau2, params, options)
    if options.change_interval and params.change_share > 0.0:
        _widen_for_change(batch, post, params, options)
    return post, f, prior_mean, tau2, source, shift


def _step_estimate(batch: _Batch, mean: np.ndarray, prior_mean: np.ndarray, tau2: np.ndarray, params: PriorParams,
                   options: ModelOptions) -> np.ndarray:
    """The posterior means (n, 4) with the three stars moved to the step mixture's (options.step_estimate; a bench
    switch) where it lies below the model's ("down") or anywhere ("both"); lateness unchanged."""
    if options.step_estimate_robust:
        w = batch.weights
        scan = scan_steps(batch.y, w.weight / np.maximum(w.age, 1e-12), w.age_days, batch.arr.maker,
                          batch.arr.n_makers, params.noise[:3, :3])
    else:
        scan = _step_scan(batch, params.noise)
    if options.step_estimate_voices:
        scan = scan.take((scan.w_after >= options.step_estimate_voices) & (scan.w_before >= options.step_estimate_voices))
    prior_var = np.column_stack([tau2[:, :3], np.einsum("i,nij,j->n", A, prior_cov(tau2, params.corr), A)])
    mixed = mixture_mean(scan, params.step_share, params.step_var, params.step_noise, params.noise[:3, :3],
                         mean[:, :3], np.column_stack([prior_mean[:, :3], times(prior_mean, A)]), prior_var)
    moved = np.ones(len(mean), dtype=bool)
    if options.step_estimate == "down":
        moved = times(mixed - mean[:, :3], A[:3]) < 0.0
    out = mean.copy()
    out[moved, :3] = mixed[moved]
    return out


def prior_after_drop(batch: _Batch, tau2: np.ndarray, step_var: float) -> np.ndarray:
    """The prior variances (n, 4) with the three stars of every maker whose work has dropped widened by step_var.

    The platform prior describes its makers as they are; a maker known to have dropped is that maker plus a step,
    as large as the platform's steps (step_var, the step mixture's, overall stars^2; 0 where none is fitted). Held
    to the unwidened prior, the reviews since a drop were pulled back toward the platform's typical maker: on
    lenient platforms (a prior near 4.5) a maker fallen to 3.0 read 0.3-0.5 stars high twelve reviews later. Only
    once DROP_PRIOR_EVIDENCE trusted reviews since show the new level; estimates elsewhere are unchanged."""
    if batch.change_age is None or step_var <= 0.0 or not np.isfinite(batch.change_age).any():
        return tau2
    w = batch.weights
    since = evidence_since(w.weight, w.age_days, batch.arr.maker, batch.arr.n_makers, batch.change_age)
    widened = since >= DROP_PRIOR_EVIDENCE  # no drop: nothing since
    out = tau2.copy()
    out[widened, :3] += step_var
    return out


def _recent_gap(batch: _Batch, noise: np.ndarray, options: ModelOptions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per maker: recent-minus-older gap of the overall star, its sampling variance and the older reviews'
    share of the evidence (change.recent_gap)."""
    w = batch.weights
    return recent_gap(batch.y, w.weight, w.age_days, batch.arr.maker, batch.arr.n_makers,
                      float(A @ noise @ A), options.change_min_side)


def _slopes(batch: _Batch, noise: np.ndarray, options: ModelOptions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per maker: the overall star's slope over its history, its sampling variance and the lever (slope.maker_slopes),
    the slope read with the step scan's weights (no age decay), the lever with the model's."""
    w = batch.weights
    return maker_slopes(batch.y, _scan_weight(w), w.weight, w.age_days / DAYS_PER_YEAR, batch.arr.maker,
                        batch.arr.n_makers, float(A @ noise @ A), options.slope_min_reviews)


def _scan_weight(w: Weights) -> np.ndarray:
    """The model's review weights without the age decay, the outlier and the drop factors, but with the outlier's
    shared-voice part (rings): what the step scan and the slide's slope read a maker's history with."""
    return w.weight * w.group / np.maximum(w.age * w.outlier * w.change, 1e-12)


def _step_scan(batch: _Batch, noise: np.ndarray) -> StepScan:
    """Candidate steps in every maker's history (steps.py), from the model's weights without the age decay and,
    as for the global noise, without the outlier and drop factors (a step's earlier reviews are what they
    discount) but with the shared-voice part that sees rings."""
    if batch.step_scan is None:
        w = batch.weights
        batch.step_scan = scan_steps(batch.y, _scan_weight(w), w.age_days, batch.arr.maker, batch.arr.n_makers,
                                     noise[:3, :3])
    return batch.step_scan


def _interval_bounds(batch: _Batch, post, prior_mean: np.ndarray, tau2: np.ndarray, params: PriorParams,
                     options: ModelOptions):
    """Each maker's 90% interval for the three stars and the overall: the normal posterior's, stretched where the
    step mixture (options.step_interval) or the slide mixture (options.slope_interval) reaches further, each where
    a mixture is fitted."""
    mean = np.column_stack([post.mean[:, :3], post.overall_mean])
    sd = np.column_stack([post.sd[:, :3], np.sqrt(post.overall_var)])
    levels = tail_levels(mean, sd, options.edge_levels)
    ranges = own = normal_ranges(mean, sd, levels)
    prior_var = np.column_stack([tau2[:, :3], np.einsum("i,nij,j->n", A, prior_cov(tau2, params.corr), A)])
    if options.step_interval and params.step_share > 0.0:
        scan, batch.step_scan = _step_scan(batch, params.noise), None  # used once here: let it go before packing
        ranges = Ranges(*step_bounds(scan, params.step_share, params.step_var, params.step_noise,
                                     params.noise[:3, :3], mean, sd,
                                     np.column_stack([prior_mean[:, :3], times(prior_mean, A)]), prior_var, levels),
                        ranges.steps)
    if options.slope_interval and params.slope_share > 0.0:
        b, s2, lever = _slopes(batch, params.noise, options)
        # the estimate lags a slide as far as it rests on the reviews rather than the prior
        lever = lever * np.clip(1.0 - sd[:, 3] ** 2 / np.maximum(prior_var[:, 3], 1e-12), 0.0, 1.0)
        ranges = Ranges(*slope_bounds(b, s2, lever, params.slope_share, params.slope_var, mean, sd, ranges.low,
                                      ranges.high, levels), ranges.steps)
    moved = ((ranges.low < own.low - _MOVED) | (ranges.high > own.high + _MOVED)).any(axis=1)
    return allow_for_buyer_gap(ranges._replace(steps=moved), params.buyer_gap if options.buyer_gap_interval else 0.0)


def _widen_for_change(batch: _Batch, post, params: PriorParams, options: ModelOptions) -> None:
    """Add to every star dimension's and the overall's variance what a possible change owes (change.py)."""
    extra = change_variance(*_recent_gap(batch, params.noise, options), params.change_share, params.change_var)
    if not extra.any():
        return
    post.cov = post.cov.copy()
    post.cov[:, :3, :3] += extra[:, None, None]  # a change moves all three stars together
    post.overall_var = post.overall_var + extra


def _check_up_claims(batch: _Batch, post, prior_mean: np.ndarray, tau2: np.ndarray, params: PriorParams,
                     options: ModelOptions) -> None:
    """Withhold upward claims resting on a recent surge, or contradicted by the recent reviews alone. Only the
    makers holding such a claim are rescored (a few in ten: at a million reviews, all of them took most of a second)."""
    seasons = [batch.season] if batch.season is not None else []
    for season in seasons + _longer_seasons(batch, np.flatnonzero(np.isin(post.tier, UP)), options):
        # the claim must also hold with the recent evidence capped, over every horizon: rescored are the makers
        # holding a claim whose cap bites
        capped = np.bincount(batch.arr.maker, season < 1.0, batch.arr.n_makers) > 0
        up = np.flatnonzero(np.isin(post.tier, UP) & capped)
        if len(up):
            _hold_claims(post, up, batch.stats_for(up, season), (prior_mean, tau2, params, options),
                         options.claim_confidence, WITHHELD_SURGE)
    up = np.flatnonzero(np.isin(post.tier, UP))
    recent = batch.stats_for(up, _recent_check_factor(batch, options))
    r_prior = prior_mean[up]
    if options.recent_prior_chance is not None:
        r_prior = sceptical_prior(r_prior, _prior_overall_sd(tau2[up], params), options.recent_prior_chance)
    r_mean, r_cov, _ = _update_stats(recent, r_prior, tau2[up], params, options)
    p_skilled, weight = np.ones(len(post.tier)), np.zeros(len(post.tier))
    p_skilled[up], weight[up] = summarise(r_mean, r_cov, recent.weight > 0).p_skilled, recent.weight
    post.tier = withhold_contradicted(post.tier, p_skilled, weight, post.withheld)
    # Last: where the recent reviews already contradict a claim, that is the reason a buyer should read (the tier
    # comes out the same in either order).
    if options.favourites_set_aside:
        _check_favourites(batch, post, prior_mean, tau2, params, options)


def _check_favourites(batch: _Batch, post, prior_mean: np.ndarray, tau2: np.ndarray, params: PriorParams,
                      options: ModelOptions) -> None:
    """Withhold upward claims that the rest of the record makes unlikely once the maker's most favourable reviews are
    set aside (claims.FAVOURITES_SET_ASIDE: a handful of voices the maker's own invitations could supply)."""
    up = np.flatnonzero(np.isin(post.tier, UP))
    if not len(up):
        return
    rows, local = batch.rows_of(up)
    kept = without_favourites(review_overall(batch.y[rows]), batch.weights.weight[rows], local, len(up),
                              int(options.favourites_set_aside))
    plausible = (options.favourites_plausible,) * 2 + tuple(options.claim_confidence[2:])
    if options.favourites_reweigh and batch.scale is not None:
        stats = _weighed_again(batch, rows[kept > 0], options).stats.take(up)
    else:  # model 2.14: the rest keeps the weights it had beside the favourites
        factor = np.ones(batch.arr.n)
        factor[rows] = kept
        stats = batch.stats_for(up, factor)
    if options.favourites_prior_chance is not None:
        prior_mean = sceptical_prior(prior_mean, _prior_overall_sd(tau2, params), options.favourites_prior_chance)
    _hold_claims(post, up, stats, (prior_mean, tau2, params, options), plausible, WITHHELD_FEW)


def _check_novice(batch: _Batch, post, prior_mean: np.ndarray, tau2: np.ndarray, params: PriorParams,
                  options: ModelOptions) -> None:
    """Withhold novice claims the maker's own reviews do not carry: rescored against a prior that alone makes "novice"
    no more than options.novice_prior_chance likely, the claim must still hold (only novice makers are rescored)."""
    down = np.flatnonzero(post.tier == "novice")
    lifted = generous_prior(prior_mean, _prior_overall_sd(tau2, params), options.novice_prior_chance)
    _hold_claims(post, down, batch.stats.take(down), (lifted, tau2, params, options), options.claim_confidence,
                 WITHHELD_BASE_RATE, restrict_novice)


def _prior_overall_sd(tau2: np.ndarray, params: PriorParams) -> np.ndarray:
    """Per maker: the prior's standard deviation of the overall star."""
    return np.sqrt(np.einsum("i,nij,j->n", A, prior_cov(tau2, params.corr), A))


def _weighed_again(batch: _Batch, rows: np.ndarray, options: ModelOptions) -> _Batch:
    """The reviews at rows weighed as if they were all there is: every weight that compares a review with the maker's
    other reviews (its consensus, its pace, its recent level) is worked out again without the ones left out. With
    options.favourites_known_drops the drops are those the whole record shows, not tested again."""
    known = None
    if options.favourites_known_drops and batch.drop_size is not None:
        known = (batch.change_age, batch.drop_size)
    return _prepare(batch.arr.rows(rows), batch.now_days, batch.counts[rows], batch.bias[rows], options.weights,
                    (batch.scale, batch.centre), options, known_drops=known)


def _hold_claims(post, rows: np.ndarray, stats: MakerStats, fit: tuple, confidence: tuple, reason: str,
                 restrict=restrict_to) -> None:
    """The makers at the sorted indices rows rescored from stats (theirs, in that order); their claims stand only as
    far as that rescoring makes them at `confidence` (`restrict`: claims.restrict_to for skilled or master claims,
    claims.restrict_novice for novice ones). fit: (prior mean, prior variances, PriorParams, ModelOptions)."""
    prior_mean, tau2, params, options = fit
    s_mean, s_cov, _ = _update_stats(stats, prior_mean[rows], tau2[rows], params, options)
    checked = post.tier.copy()
    checked[rows] = summarise(s_mean, s_cov, np.ones(len(rows), dtype=bool), confidence).tier
    post.tier = restrict(post.tier, checked, post.withheld, reason)


def _longer_seasons(batch: _Batch, makers: np.ndarray, options: ModelOptions) -> list[np.ndarray]:
    """claims.longer_seasons for the reviews of the makers at the sorted indices makers (those holding a claim), as
    factors on every review (1 for the other makers' reviews)."""
    if not options.claim_horizons or batch.scale is None or not len(makers):
        return []
    w = batch.weights
    rows, local = batch.rows_of(makers)
    caps = longer_seasons(batch.y[rows], w.weight[rows], w.age_days[rows], local, len(makers), w.age[rows],
                          batch.scale, batch.centre, options.claim_horizons, pace_floor=options.pace_floor_days,
                          span_floor=options.recent_span_floor_days, jump_slack=options.jump_slack,
                          up_ramp=options.up_ramp, pull_gate=options.pull_gate, slack_history=options.slack_history)
    out = []
    for cap in caps:
        factor = np.ones(batch.arr.n)
        factor[rows] = cap
        out.append(factor)
    return out


def _recent_check_factor(batch: _Batch, options: ModelOptions) -> np.ndarray:
    """Per review, its factor in the recent-reviews check: the recent window, a settled low run in every voice."""
    w = batch.weights
    factor = np.where(w.age_days < RECENT_DAYS, 1.0, 0.0)
    if options.settled_drop and w.group is not None and batch.scale is not None:
        factor = factor * settled_low_run(review_overall(batch.y), w.weight, w.group, w.age_days, batch.arr.maker,
                                          batch.arr.n_makers, batch.scale, options.settled_drop,
                                          options.settled_skip)
    return factor


def _update_stats(stats: MakerStats, prior_mean: np.ndarray, tau2: np.ndarray, params: PriorParams,
                  options: ModelOptions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Posterior mean (n, 4), covariance (n, 4, 4) and drift factors from one set of maker statistics."""
    if options.trend:
        f = np.ones(len(prior_mean))  # the trend term carries drift uncertainty itself
        mean, cov = update_with_trend(prior_mean, prior_cov(tau2, params.corr), params.drift_var, stats, params.noise)
        return mean[:, :4], cov[:, :4, :4], f
    # Drift caps how much old evidence can say about now: scale all of a maker's weights down.
    f = drift_factor(stats.weight, stats.mean_age, params.drift_var, float(np.mean(np.diag(params.noise)[:3])))
    if not options.age_as_precision:  # age only re-weights the mean; drift_var alone carries its uncertainty
        f = f * stats.weight / np.maximum(stats.relevance_sq, 1e-12)
    mean, cov = update(prior_mean, prior_cov(tau2, params.corr), f * (stats.weight - stats.weight_dated),
                       f[:, None] * stats.sum_undated, f * stats.weight_dated, f[:, None] * stats.sum_dated,
                       params.noise)
    if options.dates_only_lower:
        mean, cov = _dates_never_help(mean, cov, prior_mean, prior_cov(tau2, params.corr), f, stats, params.noise,
                                      options.never_late_from_stars)
    return mean, cov, f


def _score_batch(batch: _Batch, crafts: list, params: PriorParams, version: str,
                 options: ModelOptions) -> dict[Hashable, MakerScore]:
    """Posterior for every maker in the batch, packed into MakerScores with explanations."""
    post, f, prior_mean, tau2, source, shift = _posterior(batch, crafts, params, options)
    with gc_paused():
        ctx = ScorePacker(batch, params, version, prior_mean, tau2, source, shift, post, crafts, f,
                          _interval_bounds(batch, post, prior_mean, tau2, params, options))
        return {mid: ctx.maker_score(m) for m, mid in enumerate(batch.arr.maker_ids)}
