"""Columnar (numpy) view of a batch of ReviewSignals."""
from __future__ import annotations

import gc
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np

from .types import ReviewSignal

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_EPOCH = datetime(1970, 1, 1)


def to_days(moment: datetime | date | None) -> float:
    """Days since 1970-01-01 UTC; naive datetimes are taken as UTC; None -> NaN."""
    if moment is None:
        return float("nan")
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        seconds = moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
        return moment.toordinal() - _EPOCH_ORDINAL + seconds / 86400.0
    return float(moment.toordinal() - _EPOCH_ORDINAL)


@dataclass
class SignalArrays:
    """Signals as parallel arrays; makers and reviewers are dense indices."""

    maker_ids: list[Hashable]
    reviewer_ids: list[Hashable]
    maker: np.ndarray  # int index into maker_ids, shape (n,)
    reviewer: np.ndarray  # int index into reviewer_ids, shape (n,)
    ratings: np.ndarray  # float, shape (n, 3)
    t: np.ndarray  # created_at in days
    verified: np.ndarray  # bool
    joined: np.ndarray  # reviewer_joined_at in days, NaN if unknown
    promised: np.ndarray  # days, NaN if unknown
    delivered: np.ndarray  # days, NaN if unknown
    review_ids: list[Hashable]
    custom: np.ndarray | None = None  # bool: a commission (order_type "custom")
    ring: np.ndarray | None = None  # bool: implicated in a ring signal

    def __post_init__(self):
        """Older callers build arrays without the order-type and ring columns."""
        if self.custom is None:
            self.custom = np.zeros(len(self.t), dtype=bool)
        if self.ring is None:
            self.ring = np.zeros(len(self.t), dtype=bool)

    @property
    def n(self) -> int:
        """Number of signals."""
        return len(self.t)

    @property
    def n_makers(self) -> int:
        """Number of distinct makers."""
        return len(self.maker_ids)


def _index(values: list[Hashable]) -> tuple[list[Hashable], np.ndarray]:
    lookup: dict[Hashable, int] = {}
    idx = np.fromiter((lookup.setdefault(v, len(lookup)) for v in values), dtype=np.int64, count=len(values))
    return list(lookup), idx


_EPOCH_AWARE = datetime(1970, 1, 1, tzinfo=UTC)


def _days_unique(values: list[datetime | None]) -> np.ndarray:
    """to_days over datetimes; fast when all are naive (taken as UTC) or all timezone-aware (None -> NaN)."""
    nan = float("nan")
    for epoch in (_EPOCH, _EPOCH_AWARE):
        try:
            return np.array([nan if v is None else (v - epoch).total_seconds() for v in values],
                            dtype=float) / 86400.0
        except TypeError:  # naive and aware mixed, or a date: try the other epoch, then one by one
            continue
    return np.array([to_days(v) for v in values], dtype=float)


def _days_repeated(values: list) -> np.ndarray:
    """to_days over a column with many repeated values (dates, join times), converting each once."""
    cache: dict = {}
    return np.array([cache[v] if v in cache else cache.setdefault(v, to_days(v)) for v in values], dtype=float)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC: allocation-only loops over 1e5 objects otherwise trigger useless full passes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def to_arrays(signals: Iterable[ReviewSignal]) -> SignalArrays:
    """Convert signals to columnar arrays (one pass in Python, the rest numpy)."""
    with gc_paused():
        return _to_arrays(list(signals))


def _to_arrays(sigs: list[ReviewSignal]) -> SignalArrays:
    maker_ids, maker = _index([s.maker_id for s in sigs])
    reviewer_ids, reviewer = _index([s.reviewer_id for s in sigs])
    ratings = np.array([(s.craftsmanship, s.consistency, s.delivery) for s in sigs], dtype=float).reshape(-1, 3)
    # Ratings outside 1-5 would be a data error upstream; clip so one bad row cannot dominate.
    ratings = np.clip(ratings, 1.0, 5.0)
    return SignalArrays(
        maker_ids=maker_ids,
        reviewer_ids=reviewer_ids,
        maker=maker,
        reviewer=reviewer,
        ratings=ratings,
        t=_days_unique([s.created_at for s in sigs]),
        verified=np.array([bool(s.verified) for s in sigs], dtype=bool),
        joined=_days_unique([s.reviewer_joined_at for s in sigs]),
        promised=_days_repeated([s.promised_on for s in sigs]),
        delivered=_days_repeated([s.delivered_on for s in sigs]),
        review_ids=[s.review_id if s.review_id is not None else f"#{i}" for i, s in enumerate(sigs)],
        custom=np.array([s.order_type == "custom" for s in sigs], dtype=bool),
        ring=np.array([bool(s.ring_flagged) for s in sigs], dtype=bool),
    )
