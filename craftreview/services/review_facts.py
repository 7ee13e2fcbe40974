"""Pure summaries of a maker's public reviews: histograms, filter counts, delivery record, replies.

Computed from one light row per review (see maker_page.summary_rows); no queries here.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import median
from typing import Any

from ..models import ORDER_TYPES, PRICE_BANDS, as_utc

STAR_DIMENSIONS = ("craftsmanship", "consistency", "delivery")
SORTS = {"helpful": "Most helpful", "newest": "Newest", "lowest": "Lowest rated", "highest": "Highest rated"}
DEFAULT_SORT = "newest"
# Filter groups and the values each can take; a review counts under a value when it passes every other group.
GROUP_VALUES: dict[str, tuple] = {
    **{dim: (5, 4, 3, 2, 1) for dim in STAR_DIMENSIONS},
    "verified": (True,), "order": tuple(ORDER_TYPES), "price": tuple(PRICE_BANDS),
}


@dataclass(frozen=True)
class ReviewFilters:
    """What the reader asked to see: stars per dimension, verified only, order type, price band, sort, page."""

    craftsmanship: int | None = None
    consistency: int | None = None
    delivery: int | None = None
    verified: bool | None = None
    order: str | None = None
    price: str | None = None
    sort: str = DEFAULT_SORT
    page: int = 1

    def active(self) -> dict[str, Any]:
        """The filter groups in use, by name."""
        return {g: getattr(self, g) for g in GROUP_VALUES if getattr(self, g) is not None}

    def args(self, **changes) -> dict[str, str]:
        """Query arguments for a URL with these filters (plus changes); defaults left out, page reset to 1."""
        values = {g: getattr(self, g) for g in GROUP_VALUES} | {"sort": self.sort, "page": 1} | changes
        out = {k: ("1" if v is True else str(v)) for k, v in values.items() if v not in (None, False)}
        if out.get("sort") == DEFAULT_SORT:
            del out["sort"]
        if out.get("page") == "1":
            del out["page"]
        return out


def _choice(value: str | None, allowed) -> Any:
    """The allowed value matching `value` (as text), else None: bad values are ignored, not errors."""
    for option in allowed:
        if value == str(option) or (option is True and value in ("1", "true", "on")):
            return option
    return None


def parse_filters(args: Mapping[str, str], max_page: int = 10_000) -> ReviewFilters:
    """Filters from query arguments; unknown or malformed values are ignored."""
    values = {g: _choice(args.get(g), allowed) for g, allowed in GROUP_VALUES.items()}
    page = args.get("page", "1")
    page = int(page) if page.isdecimal() and len(page) < 7 else 1
    sort = args.get("sort", DEFAULT_SORT)
    return ReviewFilters(**values, sort=sort if sort in SORTS else DEFAULT_SORT, page=max(1, min(page, max_page)))


def _row_values(row) -> dict[str, Any]:
    return {"craftsmanship": row.craftsmanship, "consistency": row.consistency, "delivery": row.delivery,
            "verified": row.verified or None, "order": row.order_type, "price": row.price_band}


@dataclass
class FilterCounts:
    """How many reviews each filter value would show, given the other active filters; and how many match now."""

    matched: int = 0
    counts: dict[str, dict] = field(default_factory=lambda: {g: dict.fromkeys(v, 0) for g, v in GROUP_VALUES.items()})


def filter_counts(rows: list, filters: ReviewFilters) -> FilterCounts:
    """Facet counts: a review counts under a value of group g when it passes every active filter except g's."""
    active, out = filters.active(), FilterCounts()
    for row in rows:
        values = _row_values(row)
        failing = [g for g, wanted in active.items() if values[g] != wanted]
        if len(failing) > 1:
            continue
        for group in failing or GROUP_VALUES:
            bucket = out.counts[group]
            if values[group] in bucket:
                bucket[values[group]] += 1
        out.matched += not failing
    return out


def histograms(rows: list) -> dict[str, list[int]]:
    """Per dimension, how many reviews gave 1..5 stars (index 0 = 1 star)."""
    out = {dim: [0] * 5 for dim in STAR_DIMENSIONS}
    for row in rows:
        for dim in STAR_DIMENSIONS:
            out[dim][getattr(row, dim) - 1] += 1
    return out


@dataclass
class DeliveryRecord:
    """Dated orders of one type: on time out of all, lateness of the late ones, promised vs actual lead time."""

    order_type: str
    dated: int = 0
    on_time: int = 0
    late_days: list[int] = field(default_factory=list)
    promised_lead: list[int] = field(default_factory=list)
    actual_lead: list[int] = field(default_factory=list)

    @property
    def plural(self) -> str:
        """"Custom orders", "Stock items", "Orders not marked custom or stock"."""
        return _KIND_WORDS[self.order_type][0]

    @property
    def late(self) -> int:
        return len(self.late_days)

    @property
    def typical_late_days(self) -> float | None:
        """Median lateness over LATE orders only (on-time orders say nothing about how late the late ones are)."""
        return median(self.late_days) if self.late_days else None

    @property
    def typical_promised_days(self) -> float | None:
        return median(self.promised_lead) if self.promised_lead else None

    @property
    def typical_actual_days(self) -> float | None:
        return median(self.actual_lead) if self.actual_lead else None


def _days(later: date | None, earlier: date | None) -> int | None:
    return None if later is None or earlier is None else (later - earlier).days


UNSTATED = "unstated"  # a review that does not say whether its order was custom or stock
# Each kind's words: on the delivery record and the score panel (DeliveryRecord.plural), and on a listing card
# ("custom", "stock", "other orders": on_time_from_totals).
_KIND_WORDS = {"custom": (f"{ORDER_TYPES['custom']}s", "custom"), "stock": (f"{ORDER_TYPES['stock']}s", "stock"),
               UNSTATED: ("Orders not marked custom or stock", "other orders")}


def delivery_records(rows: list) -> dict[str, DeliveryRecord]:
    """Custom and stock orders' delivery records, kept apart, and, when any gives both dates, those of orders whose
    review does not say which they were: left out, a ten-day-late delivery vanished from a record of "1 of 1 on
    time"."""
    records = {kind: DeliveryRecord(kind) for kind in (*ORDER_TYPES, UNSTATED)}
    for row in rows:
        record = records.get(row.order_type) or records[UNSTATED]
        promised, actual = _days(row.promised_by, row.ordered_on), _days(row.delivered_on, row.ordered_on)
        if promised is not None:
            record.promised_lead.append(promised)
        if actual is not None:
            record.actual_lead.append(actual)
        slip = _days(row.delivered_on, row.promised_by)
        if slip is not None:
            record.dated += 1
            record.on_time += slip <= 0
            if slip > 0:
                record.late_days.append(slip)
    shown = {"custom": records["custom"], "stock": records["stock"]}
    if records[UNSTATED].dated:
        shown[UNSTATED] = records[UNSTATED]
    return shown


@dataclass(frozen=True)
class OnTimeCount:
    """How many of one kind's dated orders came on time: what a listing card says of delivery."""

    kind: str
    on_time: int
    dated: int


def on_time_from_totals(totals: list[tuple[str | None, int, int]]) -> tuple[OnTimeCount, ...]:
    """A listing card's on-time counts from (order type, dated, on time) totals per stored order type, as the database
    counts them (`maker_page.on_time_totals`): custom, stock, then orders of no stated type, as `delivery_records`
    orders its kinds, leaving out a kind with no dated orders."""
    counts = {kind: [0, 0] for kind in _KIND_WORDS}  # kind -> [on time, dated], in delivery_records' order
    for order_type, dated, on_time in totals:
        count = counts.get(order_type) or counts[UNSTATED]
        count[0] += on_time
        count[1] += dated
    return tuple(OnTimeCount(_KIND_WORDS[kind][1], *count) for kind, count in counts.items() if count[1])


@dataclass
class ReplyRecord:
    """How often and how fast the maker answers reviews publicly."""

    reviews: int
    replied: int
    typical_hours: float | None

    @property
    def rate(self) -> float | None:
        return self.replied / self.reviews if self.reviews else None


def _hours(later: datetime, earlier: datetime) -> float:
    return max((as_utc(later) - as_utc(earlier)).total_seconds() / 3600.0, 0.0)


def reply_record(rows: list) -> ReplyRecord:
    """Reply rate and median time from review to reply."""
    delays = [_hours(r.reply_at, r.created_at) for r in rows if r.reply_at is not None]
    return ReplyRecord(reviews=len(rows), replied=len(delays), typical_hours=median(delays) if delays else None)


@dataclass
class ReviewFacts:
    """Everything the maker page and compare page say about a maker's reviews, from one row per review."""

    count: int
    verified: int
    histograms: dict[str, list[int]]
    delivery: dict[str, DeliveryRecord]
    replies: ReplyRecord


def review_facts(rows: list) -> ReviewFacts:
    """Summaries of one maker's public reviews."""
    return ReviewFacts(count=len(rows), verified=sum(1 for r in rows if r.verified), histograms=histograms(rows),
                       delivery=delivery_records(rows), replies=reply_record(rows))
