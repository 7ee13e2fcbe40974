"""The home page's read service: crafts with maker counts, top makers per craft, recent reviews.

Three queries whatever the data size; each walks an index and stops after a few rows,
except the craft counts, which read the makers' craft index.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from ..models import CRAFTS, Maker, MakerScoreRow, Review, User
from .browse import CARD_COLUMNS, MakerCard, card, same_craft
from .fragments import digest
from .queries import VERIFIED, VISIBLE
from .ttl_cache import TtlCache

TOP_PER_CRAFT = 3
RECENT_REVIEWS = 6
HOME_SECONDS = 30.0
EXCERPT_CHARS = 180


@dataclass(frozen=True)
class RecentReview:
    """A line in "recent reviews": who said what about whom."""

    id: int
    title: str
    excerpt: str
    craftsmanship: int
    consistency: int
    delivery: int
    verified: bool
    created_at: datetime
    maker_name: str
    maker_slug: str
    author_name: str


@dataclass(frozen=True)
class CraftShelf:
    """One craft: its maker count and its best makers (proven before unproven)."""

    craft: str
    label: str
    count: int
    top: list[MakerCard]


@dataclass
class HomePage:
    """The home page's view model."""

    shelves: list[CraftShelf]
    recent: list[RecentReview]
    total_makers: int

    @cached_property
    def fragment_key(self) -> tuple:
        """Key of the shelves and recent reviews as rendered (the same for every visitor)."""
        shelves = [(s.craft, s.count, tuple(s.top)) for s in self.shelves]
        return ("home", digest(shelves), digest(self.recent))


def _top_makers(session: Session) -> dict[str, list[MakerCard]]:
    """The best-ranked scored makers of every craft, one UNION ALL of per-craft index walks."""
    parts = [select(*CARD_COLUMNS).select_from(MakerScoreRow).join(Maker, Maker.id == MakerScoreRow.maker_id)
             .where(same_craft(craft))
             .order_by(MakerScoreRow.rank_score.desc(), MakerScoreRow.maker_id.desc())
             .limit(TOP_PER_CRAFT).subquery(f"top_{n}") for n, craft in enumerate(CRAFTS)]
    query = union_all(*(select(*part.c) for part in parts))
    top: dict[str, list[MakerCard]] = {craft: [] for craft in CRAFTS}
    # A UNION has no order of its own: restore each craft's rank order.
    for row in sorted(session.execute(query), key=lambda r: (-r.rank_score, -r.id)):
        top[row.craft].append(card(row))
    return top


def _excerpt(body: str) -> str:
    text = " ".join(body.split())
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"


def _recent(session: Session) -> list[RecentReview]:
    rows = session.execute(
        select(Review.id, Review.title, func.substr(Review.body, 1, EXCERPT_CHARS + 40).label("body"),
               Review.craftsmanship, Review.consistency, Review.delivery, VERIFIED.label("verified"), Review.created_at,
               Maker.name, Maker.slug, User.display_name)
        .join(Maker, Maker.id == Review.maker_id).join(User, User.id == Review.author_id)
        .where(*VISIBLE).order_by(Review.created_at.desc(), Review.id.desc()).limit(RECENT_REVIEWS))
    return [RecentReview(r.id, r.title, _excerpt(r.body), r.craftsmanship, r.consistency, r.delivery,
                         bool(r.verified), r.created_at, r.name, r.slug, r.display_name) for r in rows]


def home_page(session: Session, cache: TtlCache | None = None) -> HomePage:
    """Everything the home page shows: three queries, or none while `cache` holds a recent copy.

    The page is the same for every visitor, so a copy a few seconds old serves them all.
    """
    if cache is not None:
        return cache.get("home", lambda: home_page(session))
    counts = dict(session.execute(select(Maker.craft, func.count()).group_by(Maker.craft)).all())
    top = _top_makers(session)
    shelves = [CraftShelf(craft, label, counts.get(craft, 0), top[craft])
               for craft, label in CRAFTS.items() if counts.get(craft)]
    return HomePage(shelves, _recent(session), sum(counts.values()))
