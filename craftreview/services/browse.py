"""The browse page's read service: filtered makers in index order, with counts beside every filter.

Fixed queries per page whatever the data size: one or two for the rows (keyset pages over
indexes, see keyset.py), one for the cards' on-time counts (every maker of the page at once),
and four for the filter counts, which are cached briefly per filter combination because they
scan every matching maker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.orm import Session

from ..models import CRAFTS, Maker, MakerScoreRow
from ..search.documents import split_location
from ..search.folding import fold
from ..text import label_key
from . import keyset
from .fragments import digest
from .maker_page import on_time_totals
from .review_facts import OnTimeCount, on_time_from_totals
from .ttl_cache import TtlCache

SORTS = {"score": "Best rated", "reviews": "Most reviewed", "newest": "Newest", "on_time": "Most often on time"}
TIERS = ("master", "skilled", "developing", "novice", "unproven")
LEAD_TIMES = (7, 14, 30, 60)
PER_PAGE = 24
COUNTS_SECONDS = 60.0
# Built listing statements by filters and page direction (their cursors are parameters); never expire.
_STATEMENTS = TtlCache(float("inf"), size=256)
UNSCORED = "unproven"  # a maker with no score row yet has no reviews: unproven

MS = MakerScoreRow
CARD_COLUMNS = (
    Maker.id, Maker.name, Maker.slug, Maker.craft, Maker.location, Maker.accepts_custom, Maker.lead_time_days,
    Maker.created_at, MS.tier, MS.tier_confidence, MS.p_skilled, MS.overall, MS.overall_low, MS.overall_high,
    MS.review_count, MS.verified_count, MS.on_time_rate, MS.rank_score, MS.unproven_reason, MS.trusted_reviews,
)


@dataclass(frozen=True)
class BrowseFilters:
    """What the buyer asked for (already validated); `after`/`before` are page cursors."""

    craft: str = ""
    place: str = ""
    tier: str = ""
    custom: bool = False
    max_lead: int | None = None
    sort: str = "score"
    after: str = ""
    before: str = ""

    @property
    def narrow(self) -> bool:
        """Two or more filters: few makers match, and fetching them by craft beats walking the sort index."""
        return len([v for v in self.counts_key() if v]) >= 2

    def counts_key(self) -> tuple:
        return (self.craft, self.place, self.tier, self.custom, self.max_lead)


@dataclass(frozen=True)
class ScoreSummary:
    """The listing's slice of a maker's stored score (never the explanation)."""

    tier: str
    tier_confidence: float | None
    p_skilled: float
    overall: float
    overall_low: float
    overall_high: float
    review_count: int
    verified_count: int
    unproven_reason: str | None = None  # why an unproven maker is (too few reviews yet, mixed evidence)
    trusted_reviews: float | None = None  # evidence in fully trusted reviews: a claim from under three says so


@dataclass(frozen=True)
class MakerCard:
    """What a maker card shows; `on_time` counts the maker's public reviews as the maker page does."""

    id: int
    name: str
    slug: str
    craft: str
    location: str
    accepts_custom: bool
    lead_time_days: int | None
    score: ScoreSummary | None
    on_time: tuple[OnTimeCount, ...] = ()

    @property
    def craft_label(self) -> str:
        return CRAFTS.get(self.craft, self.craft)


@dataclass
class Place:
    """A country with its maker count and its cities (full location string, city name, count)."""

    country: str
    count: int = 0
    cities: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass
class FilterCounts:
    """Makers matching the other filters, for every value of each filter."""

    crafts: dict[str, int]
    places: list[Place]
    tiers: dict[str, int]
    custom: int
    lead: dict[int, int]
    total: int

    @property
    def key(self) -> int:
        """Digest of every count (computed once per cached copy: see CountsCache.counts)."""
        return digest([tuple(self.crafts.items()), tuple(self.tiers.items()), tuple(self.lead.items()),
                       (self.custom, self.total), *((p.country, p.count, tuple(p.cities)) for p in self.places)])

    def knows_place(self, place: str) -> bool:
        """Whether `place` is one of the listed countries or cities."""
        return any(p.country == place or any(c[0] == place for c in p.cities) for p in self.places)

    def place_named(self, typed: str) -> str | None:
        """The listed place a typed name means, as the filter writes it: a country or a city's whole location,
        or a city's own name ("kyoto" -> "Kyoto, Japan"), read in any case, width or spacing, with or without
        accents, commas or hyphens ("reykjavik", "stoke on trent"). None when `typed` is written so already, or no
        listed place, or more than one (a city of that name in two countries), has that name."""
        return _one_named(self._place_names(lambda location: location), typed)

    def places_named(self, typed: str) -> list[str]:
        """Every listed place (as the filter writes it) that `typed` may mean, as place_named reads it, in order."""
        return _named(self._place_names(lambda location: location), typed)

    def location_filed(self, typed: str) -> str | None:
        """As place_named, for the search page's location filter, which matches the city or the country a maker
        is filed under in the search index (search.documents.split_location: "Kyoto, Japan" is the city Kyoto)."""
        return _one_named(self._place_names(lambda location: split_location(location)[0]), typed)

    def _place_names(self, written) -> list[tuple[str, str]]:
        """(a name a place goes by, the place as `written`(location) writes it): each country, and each city by its
        whole location, by its own name and as written."""
        pairs = [(p.country, p.country) for p in self.places]
        for p in self.places:
            for location, city, _count in p.cities:
                pairs += [(name, written(location)) for name in (location, city, written(location))]
        return pairs


def _named(pairs: list[tuple[str, str]], typed: str) -> list[str]:
    key = place_key(typed)
    return sorted({value for name, value in pairs if place_key(name) == key})


def _one_named(pairs: list[tuple[str, str]], typed: str) -> str | None:
    """The one place `typed` names, if it is not written so already (a redirect to it would come back here)."""
    if typed in {value for _name, value in pairs}:
        return None
    named = _named(pairs, typed)
    return named[0] if len(named) == 1 else None


def place_key(name: str) -> str:
    """What a place name is matched on: its words, folded, without the commas and hyphens between them."""
    return " ".join(re.split(r"[\s,\-]+", fold(label_key(name)))).strip()


@dataclass
class BrowsePage:
    """The browse page's view model."""

    filters: BrowseFilters
    makers: list[MakerCard]
    counts: FilterCounts
    next: str | None
    prev: str | None
    # Fragment keys: the filter form (filters and their counts) and the page's cards (see fragments.py).
    form_key: tuple = ()
    cards_key: tuple = ()


def card(row, on_time: tuple[OnTimeCount, ...] = ()) -> MakerCard:
    """A MakerCard from a row of CARD_COLUMNS (tier None: not scored yet) and the maker's on-time counts."""
    score = None
    if row.tier is not None:
        score = ScoreSummary(row.tier, row.tier_confidence, row.p_skilled, row.overall, row.overall_low,
                             row.overall_high, row.review_count, row.verified_count, row.unproven_reason,
                             row.trusted_reviews)
    return MakerCard(row.id, row.name, row.slug, row.craft, row.location, row.accepts_custom,
                     row.lead_time_days, score, on_time)


def on_time_by_maker(session: Session, maker_ids: list[int]) -> dict[int, tuple[OnTimeCount, ...]]:
    """On-time counts, custom and stock apart, of every maker on a page of cards: one query for the page."""
    totals = on_time_totals(session, maker_ids) if maker_ids else {}
    return {maker_id: on_time_from_totals(kinds) for maker_id, kinds in totals.items()}


def same_craft(craft: str):
    """makers.craft = craft, written so that no index serves it.

    The listings walk a sort index and stop after a page; given an equality on an indexed
    column, SQLite would rather fetch every maker of the craft and sort them all.
    """
    return (Maker.craft + "") == craft


def _conditions(filters: BrowseFilters, skip: frozenset[str] = frozenset()) -> list:
    """WHERE clauses for every filter except those named in `skip` (makers LEFT JOIN maker_scores)."""
    conds = []
    if filters.craft and "craft" not in skip:
        conds.append(Maker.craft == filters.craft if filters.narrow else same_craft(filters.craft))
    if filters.place and "place" not in skip:
        conds.append((Maker.location == filters.place)
                     | Maker.location.endswith(", " + filters.place, autoescape=True))
    if filters.tier and "tier" not in skip:
        conds.append(func.coalesce(MS.tier, UNSCORED) == filters.tier)
    if filters.custom and "custom" not in skip:
        conds.append(Maker.accepts_custom.is_(True))
    if filters.max_lead and "lead" not in skip:
        conds.append(Maker.lead_time_days <= filters.max_lead)
    return conds


def _base(columns, filters: BrowseFilters, skip: frozenset[str] = frozenset()) -> Select:
    return select(*columns).select_from(Maker).outerjoin(MS, MS.maker_id == Maker.id).where(*_conditions(filters, skip))


def _segments(filters: BrowseFilters) -> list[keyset.Segment]:
    """Scored makers in the sort's index order, then (for score sorts) makers without a score yet."""
    if filters.sort == "newest":
        return [keyset.Segment(_base(CARD_COLUMNS, filters), Maker.created_at, Maker.id)]
    key = {"score": MS.rank_score, "reviews": MS.review_count, "on_time": MS.on_time_rate}[filters.sort]
    scored = select(*CARD_COLUMNS).select_from(MS).join(Maker, Maker.id == MS.maker_id).where(
        *_conditions(filters), key.is_not(None))
    rest = _base(CARD_COLUMNS, filters).where(key.is_(None))
    # The id of the scored segment is maker_scores.maker_id so that (key, id) walks one index.
    return [keyset.Segment(scored, key, MS.maker_id), keyset.Segment(rest, Maker.created_at, Maker.id)]


def _key_types(filters: BrowseFilters) -> tuple[type, ...]:
    if filters.sort == "newest":
        return (datetime,)
    return ({"reviews": int}.get(filters.sort, float), datetime)


def _cursor_of(filters: BrowseFilters):
    def cursor(segment: int, row) -> keyset.Cursor:
        if filters.sort == "newest" or segment == 1:
            return keyset.Cursor(segment, row.created_at, row.id)
        return keyset.Cursor(segment, getattr(row, {"score": "rank_score", "reviews": "review_count",
                                                     "on_time": "on_time_rate"}[filters.sort]), row.id)
    return cursor


def _grouped(session: Session, column, filters: BrowseFilters, skip: str) -> dict:
    query = _base((column, func.count()), filters, frozenset({skip})).group_by(column)
    return {value: count for value, count in session.execute(query)}


def _places(by_location: dict[str, int]) -> list[Place]:
    """Countries (the part after the last comma) with their cities, largest first."""
    countries: dict[str, Place] = {}
    for location, count in by_location.items():
        if not location:
            continue
        city, _sep, country = location.rpartition(", ")
        place = countries.setdefault(country, Place(country))
        place.count += count
        if city:
            place.cities.append((location, city, count))
    for place in countries.values():
        place.cities.sort(key=lambda c: (-c[2], c[1]))
    return sorted(countries.values(), key=lambda p: (-p.count, p.country))


def _option_counts(session: Session, filters: BrowseFilters) -> tuple[int, dict[int, int]]:
    """Makers taking custom orders (within the lead-time filter) and per lead time (within the custom filter)."""
    lead_ok = literal(True) if not filters.max_lead else Maker.lead_time_days <= filters.max_lead
    custom_ok = literal(True) if not filters.custom else Maker.accepts_custom.is_(True)
    columns = [func.count(case((Maker.accepts_custom.is_(True) & lead_ok, 1)))]
    columns += [func.count(case(((Maker.lead_time_days <= days) & custom_ok, 1))) for days in LEAD_TIMES]
    row = session.execute(_base(columns, filters, frozenset({"custom", "lead"}))).one()
    return row[0], dict(zip(LEAD_TIMES, row[1:], strict=True))


def filter_counts(session: Session, filters: BrowseFilters) -> FilterCounts:
    """Counts beside every filter value: four grouped queries."""
    crafts = _grouped(session, Maker.craft, filters, "craft")
    places = _places(_grouped(session, Maker.location, filters, "place"))
    tiers = _grouped(session, func.coalesce(MS.tier, UNSCORED), filters, "tier")
    custom, lead = _option_counts(session, filters)
    total = crafts.get(filters.craft, 0) if filters.craft else sum(crafts.values())
    return FilterCounts(crafts, places, tiers, custom, lead, total)


class CountsCache(TtlCache):
    """Filter counts per filter combination for a short while (they scan every matching maker)."""

    def __init__(self, seconds: float = COUNTS_SECONDS) -> None:
        super().__init__(seconds)

    def counts(self, session: Session, filters: BrowseFilters) -> tuple[FilterCounts, int]:
        """The counts and their digest (both kept while the copy lasts)."""
        def load() -> tuple[FilterCounts, int]:
            counts = filter_counts(session, filters)
            return counts, counts.key
        return self.get(filters.counts_key(), load)


def browse_page(session: Session, filters: BrowseFilters, cache: CountsCache | None = None,
                per_page: int = PER_PAGE) -> BrowsePage:
    """The makers matching `filters`, one keyset page, with the filter counts."""
    types = _key_types(filters)
    after = keyset.decode(filters.after, types) if filters.after else None
    before = keyset.decode(filters.before, types) if filters.before and after is None else None
    shape = (filters.counts_key(), filters.sort, per_page)
    page = keyset.keyset_page(session, lambda: _segments(filters), _cursor_of(filters), per_page, after, before,
                              memo=lambda key, build: _STATEMENTS.get((shape, key), build))
    counts, counts_key = (cache or CountsCache(seconds=0)).counts(session, filters)
    on_time = on_time_by_maker(session, [row.id for row in page.rows])
    cards = [card(row, on_time.get(row.id, ())) for row in page.rows]
    return BrowsePage(filters, cards, counts, page.next, page.prev, form_key=("browse-form", shape, counts_key),
                      cards_key=("browse-cards", shape, counts.total, digest(cards)))
