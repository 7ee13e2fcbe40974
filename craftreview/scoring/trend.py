"""Monthly history of the model's estimate: each maker scored as of each month end with one fitted model.

Pure: signals and a FittedModel in, plain dicts out (stored by the scores service, drawn by the maker page).
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from datetime import UTC, datetime, timedelta

import numpy as np

from . import model as _model
from .arrays import SignalArrays, to_arrays, to_days
from .pack import intervals
from .types import ReviewSignal

MONTHS = 24
TREND_DIMENSIONS = ("overall", "craftsmanship", "consistency", "delivery")


def month_ends(now: datetime, months: int = MONTHS) -> list[datetime]:
    """The last instant of each of the `months` calendar months up to now, oldest first; the last one is now."""
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    ends, first = [now], now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    for _ in range(months - 1):
        ends.append(first - timedelta(microseconds=1))
        first = (first - timedelta(days=1)).replace(day=1)
    return ends[::-1]


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _head(arr: SignalArrays, cut: int) -> SignalArrays:
    """The first `cut` signals, keeping every maker and reviewer index (per-signal columns sliced)."""
    return arr.rows(slice(0, cut))


def _score_head(model: _model.FittedModel, arr: SignalArrays, bias: np.ndarray, cut: int, now: datetime,
                keys: list) -> tuple[np.ndarray, np.ndarray]:
    """Every maker scored as FittedModel.score_maker would, on the signals written up to `now` (the first `cut`).

    Returns estimates (n_makers, 12: mean, low, high of each TREND_DIMENSION) and tier chances (n_makers, 4).
    """
    head = _head(arr, cut)
    if hasattr(model, "prepare_arrays"):  # the fitted model's own batch entry point, where it has one
        batch = model.prepare_arrays(head, model.row_counts(head), bias[:cut], to_days(now))
    else:  # the same steps as FittedModel.score_maker
        counts = np.array([max(model.reviewer_counts.get(r, 0), 1) for r in head.reviewer_ids])
        per_row = np.maximum(counts, np.bincount(head.reviewer, minlength=len(head.reviewer_ids)))[head.reviewer]
        batch = _model._prepare(head, to_days(now), per_row, bias[:cut], model.options.weights)
    if hasattr(_model, "_posterior"):  # posterior only: packing explanations would cost 5x the rest
        post, _, prior_mean, tau2, _, _ = _model._posterior(batch, keys, model.params, model.options)
        bounds = _model._interval_bounds(batch, post, prior_mean, tau2, model.params, model.options)
        mean, low, high = intervals(post, bounds)  # the ranges score_maker gives (steps.py included)
        columns = [mean[:, 3], low[:, 3], high[:, 3]] + [c[:, j] for j in range(3) for c in (mean, low, high)]
        return np.column_stack(columns), _chances(post.p_master, post.p_skilled, post.p_novice)
    scores = list(_model._score_batch(batch, keys, model.params, model.model_version, model.options).values())
    values = [[v for d in TREND_DIMENSIONS for v in _triple(getattr(s, d))] for s in scores]
    probs = np.array([[s.p_master, s.p_skilled, s.p_novice] for s in scores]).reshape(-1, 3)
    return np.array(values).reshape(-1, 12), _chances(*probs.T)


def _triple(estimate) -> tuple[float, float, float]:
    return estimate.mean, estimate.low, estimate.high


def _chances(master: np.ndarray, skilled: np.ndarray, novice: np.ndarray) -> np.ndarray:
    """Columns novice, developing, skilled-not-master, master (they sum to 1)."""
    return np.column_stack([novice, np.maximum(1.0 - skilled - novice, 0.0), np.maximum(skilled - master, 0.0),
                            master])


def monthly_trends(model: _model.FittedModel, signals: Iterable[ReviewSignal], *, now: datetime,
                   crafts: Mapping[Hashable, str] | None = None, months: int = MONTHS,
                   known: Mapping[str, dict] | None = None) -> dict[Hashable, dict]:
    """Per maker: {"months": ["YYYY-MM", ...], "points": [point or None, ...], "tiers": {...}} by month end.

    A point is {dimension: [mean, low, high]}. A month before the maker's first review has no point (None):
    the model would only repeat its prior. `known` ({"YYYY-MM": point}, one maker's signals only) supplies
    finished months that need no rescoring; the current month is always scored.
    """
    crafts = crafts or {}
    ordered = sorted(signals, key=lambda s: _as_utc(s.created_at))
    stamps = [_as_utc(s.created_at) for s in ordered]
    ends = month_ends(now, months)
    makers = list(dict.fromkeys(s.maker_id for s in ordered))
    out = {m: {"months": [e.strftime("%Y-%m") for e in ends], "points": [None] * months} for m in makers}
    if not ordered:
        return out
    arr = _model._apply_options(to_arrays(ordered), model.options)
    bias, keys, cut, chances = model._row_bias(arr), [crafts.get(m) for m in arr.maker_ids], 0, np.zeros((0, 4))
    for k, end in enumerate(ends):
        while cut < len(ordered) and stamps[cut] <= end:
            cut += 1
        if not cut:
            continue
        month = ends[k].strftime("%Y-%m")
        if known and month in known and k < months - 1:
            for maker_id in makers:
                out[maker_id]["points"][k] = known[month]
            continue
        values, chances = _score_head(model, arr, bias, cut, end, keys)
        rows, present = np.round(values, 3).tolist(), np.flatnonzero(np.bincount(arr.maker[:cut], minlength=arr.n_makers))
        for index in present.tolist():
            row = rows[index]
            out[arr.maker_ids[index]]["points"][k] = {d: row[3 * i:3 * i + 3] for i, d in enumerate(TREND_DIMENSIONS)}
    # The last month end is now: stored unrounded, so the chart's figures are those the score page rounds down.
    for index, shares in enumerate(chances.tolist()):
        out[arr.maker_ids[index]]["tiers"] = dict(zip(("novice", "developing", "skilled", "master"), shares, strict=True))
    return out


def tier_probabilities(score) -> dict[str, float]:
    """A MakerScore's P(novice), P(developing), P(skilled but not master), P(master): they sum to 1."""
    return band_chances(score.p_master, score.p_skilled, score.p_novice)


def band_chances(master: float, skilled: float, novice: float) -> dict[str, float]:
    """The chances of the claims (master, skilled or better, novice) as the four bands the tier chart draws: novice,
    developing, skilled but not master, master (they sum to 1)."""
    shares = _chances(np.array([master]), np.array([skilled]), np.array([novice]))[0]
    return dict(zip(("novice", "developing", "skilled", "master"), shares.tolist(), strict=True))
