"""Monthly history of the model's estimate: each maker scored as of each month end with one fitted model.

Pure: signals and a FittedModel in, plain dicts out (stored by the scores service, drawn by the maker page).
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import fields
from datetime import UTC, datetime, timedelta

import numpy as np

from . import model as _model
from .arrays import SignalArrays, to_arrays, to_days
from .types import ReviewSignal

MONTHS = 24
TREND_DIMENSIONS = ("overall", "craftsmanship", "consistency", "delivery")
_INDEX_LISTS = ("maker_ids", "reviewer_ids")  # per maker / per reviewer, not per signal: never cut


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
    n = arr.n
    values = {f.name: getattr(arr, f.name) for f in fields(arr)}
    for name, value in values.items():
        # Every per-signal column (arrays or lists of length n), whatever columns the model adds later.
        if name not in _INDEX_LISTS and isinstance(value, np.ndarray | list) and len(value) == n:
            values[name] = value[:cut]
    return SignalArrays(**values)


def _score_head(model: _model.FittedModel, arr: SignalArrays, bias: np.ndarray, cut: int, now: datetime,
                keys: list) -> dict:
    """FittedModel.score_maker for every maker at once, on the signals written up to `now` (the first `cut`)."""
    head = _head(arr, cut)
    if hasattr(model, "prepare_arrays"):  # the fitted model's own batch entry point, where it has one
        batch = model.prepare_arrays(head, model.row_counts(head), bias[:cut], to_days(now))
    else:  # the same steps as FittedModel.score_maker
        counts = np.array([max(model.reviewer_counts.get(r, 0), 1) for r in head.reviewer_ids])
        per_row = np.maximum(counts, np.bincount(head.reviewer, minlength=len(head.reviewer_ids)))[head.reviewer]
        batch = _model._prepare(head, to_days(now), per_row, bias[:cut], model.options.weights)
    return _model._score_batch(batch, keys, model.params, model.model_version, model.options)


def _point(score) -> dict:
    """One month's estimate, rounded for storage: {dimension: [mean, low, high]}."""
    return {d: [round(float(v), 3) for v in (getattr(score, d).mean, getattr(score, d).low, getattr(score, d).high)]
            for d in TREND_DIMENSIONS}


def monthly_trends(model: _model.FittedModel, signals: Iterable[ReviewSignal], *, now: datetime,
                   crafts: Mapping[Hashable, str] | None = None, months: int = MONTHS) -> dict[Hashable, dict]:
    """Per maker: {"months": ["YYYY-MM", ...], "points": [point or None, ...], "tiers": {...}} by month end.

    A month before the maker's first review has no point (None): the model would only repeat its prior.
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
    bias, keys, cut = model._row_bias(arr), [crafts.get(m) for m in arr.maker_ids], 0
    for k, end in enumerate(ends):
        while cut < len(ordered) and stamps[cut] <= end:
            cut += 1
        if not cut:
            continue
        counted = np.bincount(arr.maker[:cut], minlength=arr.n_makers)
        for index, score in enumerate(_score_head(model, arr, bias, cut, end, keys).values()):
            if counted[index]:
                out[arr.maker_ids[index]]["points"][k] = _point(score)
                out[arr.maker_ids[index]]["tiers"] = tier_probabilities(score)  # the last month's is now's
    return out


def tier_probabilities(score) -> dict[str, float]:
    """P(novice), P(developing), P(skilled but not master), P(master): they sum to 1."""
    master, skilled, novice = score.p_master, score.p_skilled, score.p_novice
    return {"novice": round(novice, 4), "developing": round(max(1.0 - skilled - novice, 0.0), 4),
            "skilled": round(max(skilled - master, 0.0), 4), "master": round(master, 4)}
