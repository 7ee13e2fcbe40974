"""Columnar (numpy) view of a batch of ReviewSignals."""
from __future__ import annotations

import gc
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from operator import attrgetter

import numpy as np

from .types import ReviewSignal

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_EPOCH = datetime(1970, 1, 1)
_TZINFO = attrgetter("tzinfo")
_INDEX_LISTS = ("maker_ids", "reviewer_ids")  # per maker / per reviewer, not per signal


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
    review_ids: np.ndarray | list[Hashable]  # int64 when every id is an integer
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

    def rows(self, which: slice | np.ndarray) -> SignalArrays:
        """The signals at `which` (a slice or an index array), keeping every maker and reviewer index."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for name, value in values.items():
            # Every per-signal column (arrays or lists of length n), whatever columns the model adds later.
            if name in _INDEX_LISTS or not isinstance(value, np.ndarray | list) or len(value) != self.n:
                continue
            if isinstance(value, list) and not isinstance(which, slice):
                values[name] = [value[i] for i in which.tolist()]
            else:
                values[name] = value[which]
        return SignalArrays(**values)


def _index(values: list[Hashable]) -> tuple[list[Hashable], np.ndarray]:
    """The distinct values in order of first appearance, and each value's position among them."""
    if values and set(map(type, values)) == {int}:  # database ids: numpy finds the distinct values
        try:
            return _int_index(np.fromiter(values, dtype=np.int64, count=len(values)))
        except OverflowError:  # beyond 64 bits: hashed below
            pass
    lookup: dict[Hashable, int] = {}
    idx = np.fromiter((lookup.setdefault(v, len(lookup)) for v in values), dtype=np.int64, count=len(values))
    return list(lookup), idx


def _int_index(values: np.ndarray) -> tuple[list[int], np.ndarray]:
    if len(values) and values.min() >= 0 and values.max() < 4 * len(values) + 1024:
        return _dense_index(values)
    distinct, first, inverse = np.unique(values, return_index=True, return_inverse=True)
    order = np.argsort(first)  # distinct values in order of first appearance
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[order] = np.arange(len(distinct))
    return distinct[order].tolist(), rank[inverse.reshape(-1)]


def _dense_index(values: np.ndarray) -> tuple[list[int], np.ndarray]:
    """_int_index for ids no larger than a few times their count (database ids): each value's first position is
    read from a table the size of the largest id instead of sorting them."""
    n, size = len(values), int(values.max()) + 1
    first = np.full(size, n, dtype=np.int64)
    np.minimum.at(first, values, np.arange(n, dtype=np.int64))
    distinct = np.flatnonzero(first < n)
    distinct = distinct[np.argsort(first[distinct])]  # in order of first appearance (first positions are distinct)
    rank = np.empty(size, dtype=np.int64)
    rank[distinct] = np.arange(len(distinct))
    return distinct.tolist(), rank[values]


def _ids(sigs: list[ReviewSignal]) -> np.ndarray | list:
    """The review ids: an int64 array when all are integers (database ids: reordered without touching a Python object
    each), else a list with "#<position>" for a missing one."""
    ids = [s.review_id for s in sigs]
    if ids and set(map(type, ids)) == {int}:
        try:
            return np.fromiter(ids, dtype=np.int64, count=len(ids))
        except OverflowError:
            pass
    return [i if i is not None else f"#{n}" for n, i in enumerate(ids)]


_EPOCH_AWARE = datetime(1970, 1, 1, tzinfo=UTC)


def _floats(values: list) -> np.ndarray:
    return np.fromiter(values, dtype=float, count=len(values))


def _days_unique(values: list[datetime | None]) -> np.ndarray:
    """to_days over datetimes; fast when all are naive (taken as UTC) or all timezone-aware (None -> NaN)."""
    if _all_aware(values):  # as the database layer gives them: one C call per value
        return np.fromiter(map(datetime.timestamp, values), dtype=float, count=len(values)) / 86400.0
    nan = float("nan")
    for epoch in (_EPOCH, _EPOCH_AWARE):
        try:
            return np.array([nan if v is None else (v - epoch).total_seconds() for v in values],
                            dtype=float) / 86400.0
        except TypeError:  # naive and aware mixed, or a date: try the other epoch, then one by one
            continue
    return np.array([to_days(v) for v in values], dtype=float)


def _all_aware(values: list) -> bool:
    """Whether every value is a timezone-aware datetime (timestamp() takes a naive one as local time)."""
    try:
        return bool(values) and None not in set(map(_TZINFO, values))
    except AttributeError:  # None or a date among them
        return False


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


def to_arrays(signals: Iterable[ReviewSignal], by_maker: bool = False) -> SignalArrays:
    """Convert signals to columnar arrays (one pass in Python, the rest numpy), in the order given or, with by_maker,
    each maker's signals together (makers in order of first appearance, each maker's signals in the order given)."""
    with gc_paused():
        return _to_arrays(list(signals), by_maker)


def _to_arrays(sigs: list[ReviewSignal], by_maker: bool = False) -> SignalArrays:
    maker_ids, maker = _index([s.maker_id for s in sigs])
    reviewer_ids, reviewer = _index([s.reviewer_id for s in sigs])
    ratings = np.column_stack([_floats([s.craftsmanship for s in sigs]), _floats([s.consistency for s in sigs]),
                               _floats([s.delivery for s in sigs])]).reshape(-1, 3)
    # Ratings outside 1-5 would be a data error upstream; clip so one bad row cannot dominate.
    ratings = np.clip(ratings, 1.0, 5.0)
    arr = SignalArrays(
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
        review_ids=_ids(sigs),
        custom=np.array([s.order_type == "custom" for s in sigs], dtype=bool),
        ring=np.array([bool(s.ring_flagged) for s in sigs], dtype=bool),
    )
    # One maker's rows side by side: every later sort, search and bincount then reads memory in order (signals
    # arrive as written, makers interleaved; read in that order, the columns are built from memory in order too).
    return arr.rows(np.argsort(maker, kind="stable")) if by_maker else arr
