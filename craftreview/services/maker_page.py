"""Read services of the maker page and /compare: a small view model each, from a fixed number of queries."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import Integer, bindparam, case, func, select
from sqlalchemy.orm import Session, joinedload, lazyload

from ..errors import NotFound
from ..models import Maker, MakerScoreRow, MakerTrendRow, Reply, Review, User
from . import queries
from .fragments import digest
from .review_facts import FilterCounts, ReviewFacts, ReviewFilters, filter_counts, review_facts
from .scores import DRAWN_COLUMNS
from .trends import decode_trend, load_trends

MAX_COMPARE = 4
_STARS = Review.craftsmanship + Review.consistency + Review.delivery
_ORDER = {
    "helpful": (Review.helpful_count.desc(), Review.created_at.desc(), Review.id.desc()),
    "newest": (Review.created_at.desc(), Review.id.desc()),
    "lowest": (_STARS.asc(), Review.created_at.desc(), Review.id.desc()),
    "highest": (_STARS.desc(), Review.created_at.desc(), Review.id.desc()),
}
_COLUMNS = {"craftsmanship": Review.craftsmanship, "consistency": Review.consistency, "delivery": Review.delivery,
            "order": Review.order_type, "price": Review.price_band}


# Statements are built once and reused with parameters: building SQLAlchemy expressions per request
# cost more CPU than running them.
_SUMMARY = (
    select(Review.maker_id, Review.craftsmanship, Review.consistency, Review.delivery,
           queries.VERIFIED.label("verified"), Review.order_type, Review.price_band,
           Review.ordered_on, Review.promised_by, Review.delivered_on, Review.created_at,
           Reply.created_at.label("reply_at"))
    .join(User, User.id == Review.author_id)  # "verified" follows the author's confirmed address
    .outerjoin(Reply, Reply.review_id == Review.id)
    .where(Review.maker_id.in_(bindparam("maker_ids", expanding=True)), *queries.VISIBLE))
# What a listing card needs of the same reviews: only those with both delivery dates count as dated orders,
# and of those, the ones delivered by the promised day; totals per maker and order type, counted by the database
# (a page of popular makers has thousands of dated reviews: reading them into Python cost ~2 ms a page).
_ON_TIME_TOTALS = (
    select(Review.maker_id, Review.order_type, func.count(),
           func.sum(case((Review.delivered_on <= Review.promised_by, 1), else_=0)))
    .where(Review.maker_id.in_(bindparam("maker_ids", expanding=True)), *queries.VISIBLE,
           Review.promised_by.is_not(None), Review.delivered_on.is_not(None))
    .group_by(Review.maker_id, Review.order_type))
_MAKER_AND_TREND = (select(Maker, MakerTrendRow.trend_json)
                    .outerjoin(MakerTrendRow, MakerTrendRow.maker_id == Maker.id)
                    .where(Maker.slug == bindparam("slug")))


def _by_maker(session: Session, statement, maker_ids: list[int]) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in session.execute(statement, {"maker_ids": maker_ids}):
        grouped[row.maker_id].append(row)
    return grouped


def summary_rows(session: Session, maker_ids: list[int]) -> dict[int, list]:
    """One light row per public review of these makers (one query, however many reviews)."""
    return _by_maker(session, _SUMMARY, maker_ids)


def on_time_totals(session: Session, maker_ids: list[int]) -> dict[int, list[tuple[str | None, int, int]]]:
    """Per maker, (order type, dated orders, delivered on time) of its public reviews that give both the promised
    and the delivery date, one tuple per order type as stored (one query for all the makers)."""
    totals: dict[int, list] = defaultdict(list)
    for maker_id, order_type, dated, on_time in session.execute(_ON_TIME_TOTALS, {"maker_ids": maker_ids}):
        totals[maker_id].append((order_type, dated, on_time))
    return totals


@lru_cache(maxsize=64)
def _reviews_statement(groups: tuple[str, ...], sort: str):
    """The filtered, sorted reviews query for one set of active filter groups (values are parameters)."""
    query = (select(Review).where(Review.maker_id == bindparam("maker_id"), *queries.VISIBLE)
             .options(lazyload(Review.maker), joinedload(Review.reply)))
    for group in groups:
        if group == "verified":
            query = query.join(User, User.id == Review.author_id).where(queries.VERIFIED)
        else:
            query = query.where(_COLUMNS[group] == bindparam(f"filter_{group}"))
    return (query.order_by(*_ORDER[sort])
            .limit(bindparam("limit", type_=Integer)).offset(bindparam("offset", type_=Integer)))


def page_of_reviews(session: Session, maker_id: int, filters: ReviewFilters, limit: int, offset: int) -> list[Review]:
    """The maker's public reviews matching the filters, in the chosen order, with their replies.

    The reply comes in the same statement; the maker is the one already loaded (its many-to-one
    is answered from the identity map, so neither maker, owner nor score row is joined again).
    """
    active = filters.active()
    params = {f"filter_{group}": value for group, value in active.items() if group != "verified"}
    statement = _reviews_statement(tuple(sorted(active)), filters.sort)
    return list(session.scalars(statement, {"maker_id": maker_id, "limit": limit, "offset": offset, **params})
                .unique())


@dataclass
class MakerPage:
    """What the maker page shows."""

    maker: Maker
    score: MakerScoreRow | None
    facts: ReviewFacts
    counts: FilterCounts
    trend: dict
    filters: ReviewFilters
    reviews: list[Review]
    page: int
    own_review: Review | None = None
    voted: set[int] = field(default_factory=set)
    reported: set[int] = field(default_factory=set)  # reviews the viewer flagged (an open flag)
    # Fragment keys (see fragments.py): the score panel, charts and delivery record are the same for
    # every visitor; the filter form and review list for every anonymous one (None: render per request).
    record_key: tuple = ()
    reviews_key: tuple | None = None


def _maker_and_trend(session: Session, slug: str) -> tuple[Maker, str | None]:
    """The maker (with its score row) and its stored trend (JSON text), in one statement."""
    row = session.execute(_MAKER_AND_TREND, {"slug": slug}).unique().first()
    if row is None:
        raise NotFound("No maker with that address.")
    return row[0], row[1]


# What the score panel shows of the score row (never the deferred explanation: loading it is a query).
_SCORE_SHOWN = tuple(c.key for c in DRAWN_COLUMNS)


def record_key(maker: Maker, trend_json: str | None, rows: list) -> tuple:
    """Key of the parts drawn from the maker, its score row, its stored trend and its public reviews' summary."""
    score = maker.score
    return ("maker-record", maker.id, maker.slug, maker.name, maker.lead_time_days,
            tuple(getattr(score, k) for k in _SCORE_SHOWN) if score else None, hash(trend_json), digest(rows))


def reviews_key(record: tuple, filters: ReviewFilters, page: int, per_page: int, reviews: list[Review]) -> tuple:
    """Key of the filter form and one page of reviews as an anonymous visitor sees them."""
    # Everything reviews/_review.html shows that can change: "verified" also follows the author's
    # confirmed address (a changed, unconfirmed email takes the mark away without touching the review).
    shown = [(r.id, r.updated_at, r.revision_count, r.helpful_count, r.order_id, r.verified, r.hidden_at,
              r.withdrawn_at, r.author.display_name,
              (r.reply.id, r.reply.updated_at, r.reply.revision_count) if r.reply else None) for r in reviews]
    return ("maker-reviews", record, filters, page, per_page, digest(shown))


def maker_page(session: Session, slug: str, viewer: User | None, filters: ReviewFilters,
               per_page: int) -> MakerPage:
    """The maker, charts, delivery record, filter counts and one page of filtered, sorted reviews."""
    maker, trend_json = _maker_and_trend(session, slug)
    rows = summary_rows(session, [maker.id]).get(maker.id, [])
    counts = filter_counts(rows, filters)
    last_page = max(1, -(-counts.matched // per_page))
    page = min(filters.page, last_page)  # a page past the end shows the last one, not an empty list
    reviews = page_of_reviews(session, maker.id, filters, per_page, (page - 1) * per_page)
    record = record_key(maker, trend_json, rows)
    voted, reported = queries.viewer_marks(session, viewer, [r.id for r in reviews])
    return MakerPage(
        maker=maker, score=maker.score, facts=review_facts(rows), counts=counts,
        trend=decode_trend(trend_json), filters=filters, reviews=reviews, page=page,
        own_review=queries.own_review(session, viewer, maker),
        voted=voted, reported=reported, record_key=record,
        reviews_key=reviews_key(record, filters, page, per_page, reviews) if viewer is None else None)


@dataclass
class CompareColumn:
    """One maker on the compare page."""

    maker: Maker
    score: MakerScoreRow | None
    facts: ReviewFacts
    tiers: dict


@dataclass
class ComparePage:
    """Up to MAX_COMPARE makers side by side, and what could not be shown."""

    columns: list[CompareColumn]
    unknown: list[str]
    dropped: list[str]  # names of makers past the first MAX_COMPARE
    listed: list[str]  # addresses of every maker found, shown then dropped: a removal makes room for the next


def compare_page(session: Session, slugs: list[str]) -> ComparePage:
    """The requested makers in the requested order (3 queries for any number of makers)."""
    wanted = list(dict.fromkeys(slugs))
    found = {m.slug: m for m in session.scalars(select(Maker).where(Maker.slug.in_(wanted))).unique()} if wanted else {}
    # Unknown addresses take no place among the four: the first four makers that exist are shown.
    known = [s for s in wanted if s in found]
    shown, dropped = known[:MAX_COMPARE], known[MAX_COMPARE:]
    makers = [found[s] for s in shown]
    ids = [m.id for m in makers]
    rows = summary_rows(session, ids) if ids else {}
    trends = load_trends(session, ids)
    columns = [CompareColumn(maker=m, score=m.score, facts=review_facts(rows.get(m.id, [])),
                             tiers=trends.get(m.id, {}).get("tiers", {}))
               for m in makers]
    return ComparePage(columns=columns, unknown=[s for s in wanted if s not in found],
                       dropped=[found[s].name for s in dropped], listed=known)
