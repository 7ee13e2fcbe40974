"""Search documents built from the database (the source of truth) with Core queries."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from sqlalchemy import Connection, and_, func, select

from ..models import CRAFTS, Maker, MakerScoreRow, Reply, Review, User, as_utc
from .folding import composed

MAKERS, REVIEWS, SCORES, REPLIES, USERS = (Maker.__table__, Review.__table__, MakerScoreRow.__table__,
                                           Reply.__table__, User.__table__)
BATCH = 2000
# Bumped when the analysis of indexed text changes (0.11: accent folding), so that `search check`
# reports documents indexed the old way as stale and `search rebuild` redoes them.
# 2: accents folded, PostgreSQL's stop words on Whoosh too; 3: its stemmer too (Porter2), and the
# positions of skipped words kept, and on PostgreSQL a gap between fields and hyphens read as spaces
# (phrases); 4: text in NFC (an accent typed apart joined to its letter: one word, not two); 5: a word keeps its
# combining marks (Hindi, Thai), and only Latin and Greek letters lose their accents (as unaccent folds them); 6: a
# Ukrainian apostrophe between Cyrillic letters dropped (one word), half-width katakana read as full-width
INDEX_FORMAT = "6"


@dataclass(frozen=True)
class Doc:
    """One indexed document: text fields, filter/sort fields, and a fingerprint of them all."""

    kind: str
    entity_id: int
    maker_id: int
    title: str
    craft: str
    craft_text: str
    location: str
    body: str
    city: str
    country: str
    tier: str          # the maker's, on maker documents only ('' on reviews): see indexed_score_values
    score_bucket: str
    review_count: int
    accepts_custom: bool
    created: datetime
    verified: bool = False
    craftsmanship: int | None = None
    consistency: int | None = None
    delivery: int | None = None
    # A review document's maker's name (a maker document's title is its name): "Marta walnut" finds
    # Marta's reviews that say walnut. Weighted below every field of the review's own text.
    maker_name: str = ""

    @property
    def key(self) -> str:
        return doc_key(self.kind, self.entity_id)

    @property
    def stars(self) -> float | None:
        """A review's overall rating, weighted like the scoring model's overall."""
        if self.craftsmanship is None:
            return None
        return 0.5 * self.craftsmanship + 0.25 * (self.consistency or 0) + 0.25 * (self.delivery or 0)

    def fingerprint(self) -> str:
        """Hash of every indexed value: `search check` compares it with the index's copy."""
        # Not dataclasses.astuple: it deep-copies every field and dominated rebuild time.
        values = "\x1f".join([INDEX_FORMAT, *(repr(getattr(self, name)) for name in _FIELD_NAMES)])
        return hashlib.blake2b(values.encode(), digest_size=12).hexdigest()


_FIELD_NAMES = tuple(f.name for f in fields(Doc))


def doc_key(kind: str, entity_id: int) -> str:
    """The unique key of a document in every backend."""
    return f"{kind[0]}:{entity_id}"


def score_bucket(overall: float | None) -> str:
    """Half-star bucket of a maker's overall score ('' when unscored), for min-score facets."""
    if overall is None:
        return ""
    return f"{max(1.0, min(5.0, int(overall * 2) / 2)):.1f}"


def indexed_score_values(tier: str | None, overall: float | None, review_count: int | None) -> tuple:
    """What a maker document holds of its score: a refit that leaves these equal changes nothing
    in the index (rank and standing are joined at query time, never copied into documents)."""
    return (tier or "unproven", score_bucket(overall), review_count or 0)


def craft_text(craft: str) -> str:
    """The craft's searchable words: its label, and its key when the label lacks it ('wood' in
    'Woodworking'), so that each word counts once ('ceramics Ceramics & pottery' ranked ceramics twice)."""
    label = CRAFTS.get(craft, craft)
    return label if craft in label.lower().split() else f"{craft} {label}"


def split_location(location: str) -> tuple[str, str]:
    """'Leeds, West Yorkshire, UK' -> ('Leeds', 'UK'); a single part is taken as the city."""
    parts = [p.strip() for p in (location or "").split(",") if p.strip()]
    if not parts:
        return "", ""
    return parts[0], (parts[-1] if len(parts) > 1 else "")


def _maker_select():
    return (select(MAKERS.c.id, MAKERS.c.name, MAKERS.c.craft, MAKERS.c.location, MAKERS.c.bio,
                   MAKERS.c.accepts_custom, MAKERS.c.created_at, SCORES.c.tier, SCORES.c.overall,
                   SCORES.c.review_count)
            .select_from(MAKERS.outerjoin(SCORES, SCORES.c.maker_id == MAKERS.c.id)))


def _visible():
    return and_(REVIEWS.c.withdrawn_at.is_(None), REVIEWS.c.hidden_at.is_(None))


def _review_text_select():
    # "verified" is the mark (Review.verified): an order, redeemed by an author whose address is confirmed.
    # Services that change the confirmation queue the makers concerned (review_effects.after_author_confirmation).
    verified = and_(REVIEWS.c.order_id.is_not(None), USERS.c.email_confirmed_at.is_not(None))
    return (select(REVIEWS.c.id, REVIEWS.c.maker_id, REVIEWS.c.title, REVIEWS.c.body,
                   REPLIES.c.body.label("reply"), verified.label("verified"), REVIEWS.c.craftsmanship,
                   REVIEWS.c.consistency, REVIEWS.c.delivery, REVIEWS.c.created_at)
            .select_from(REVIEWS.join(USERS, USERS.c.id == REVIEWS.c.author_id)
                         .outerjoin(REPLIES, REPLIES.c.review_id == REVIEWS.c.id))
            .where(_visible()))


def _maker_doc(m, texts: list[str]) -> Doc:
    location = composed(m.location or "")
    city, country = split_location(location)
    tier, bucket, review_count = indexed_score_values(m.tier, m.overall, m.review_count)
    return Doc(
        kind="maker", entity_id=m.id, maker_id=m.id, title=composed(m.name), craft=m.craft,
        craft_text=craft_text(m.craft), location=location,
        body=composed("\n".join([m.bio or "", *texts])), city=city, country=country,
        tier=tier, score_bucket=bucket, review_count=review_count, accepts_custom=bool(m.accepts_custom),
        created=_utc(m.created_at))


def _review_doc(r, maker: Doc) -> Doc:
    return Doc(
        kind="review", entity_id=r.id, maker_id=maker.entity_id, title=composed(r.title),
        craft=maker.craft, craft_text=maker.craft_text, location=maker.location,
        body=composed("\n".join(t for t in (r.body, r.reply) if t)), city=maker.city, country=maker.country,
        # No score values: a review's document must not change when its maker is rescored.
        tier="", score_bucket="", review_count=0, accepts_custom=maker.accepts_custom,
        created=_utc(r.created_at), verified=bool(r.verified),
        craftsmanship=r.craftsmanship, consistency=r.consistency, delivery=r.delivery,
        maker_name=maker.title)


def _utc(value: datetime) -> datetime:
    # SQLite gives naive UTC, PostgreSQL the session's zone: one form keeps fingerprints equal.
    return as_utc(value).astimezone(UTC)


def _review_texts(r) -> list[str]:
    return [t for t in (r.title, r.body, r.reply) if t]


def docs_for_makers(conn: Connection, maker_ids: Collection[int]) -> list[Doc]:
    """Maker documents and the documents of their visible reviews."""
    docs: list[Doc] = []
    for chunk in _chunks(sorted(maker_ids), 500):
        makers = conn.execute(_maker_select().where(MAKERS.c.id.in_(chunk))).all()
        reviews = conn.execute(_review_text_select().where(REVIEWS.c.maker_id.in_(chunk))
                               .order_by(REVIEWS.c.id)).all()
        docs.extend(_assemble(makers, reviews))
    return docs


def iter_all_docs(conn: Connection) -> Iterator[Doc]:
    """Every document, makers in id batches with their reviews (for rebuild and check)."""
    last = 0
    while True:
        makers = conn.execute(_maker_select().where(MAKERS.c.id > last)
                              .order_by(MAKERS.c.id).limit(BATCH)).all()
        if not makers:
            return
        last = makers[-1].id
        reviews = conn.execute(_review_text_select().where(
            REVIEWS.c.maker_id.between(makers[0].id, last)).order_by(REVIEWS.c.id)).all()
        yield from _assemble(makers, reviews)


def count_docs(conn: Connection) -> dict[str, int]:
    """How many documents of each kind `iter_all_docs` yields."""
    makers = conn.scalar(select(func.count()).select_from(MAKERS))
    reviews = conn.scalar(select(func.count()).select_from(REVIEWS).where(_visible()))
    return {"maker": makers, "review": reviews}


def _assemble(makers, reviews) -> Iterator[Doc]:
    by_maker: dict[int, list] = defaultdict(list)
    for r in reviews:
        by_maker[r.maker_id].append(r)
    for m in makers:
        texts = [t for r in by_maker[m.id] for t in _review_texts(r)]
        maker = _maker_doc(m, texts)
        yield maker
        yield from (_review_doc(r, maker) for r in by_maker[m.id])


def review_makers(conn: Connection, review_ids: Collection[int]) -> set[int]:
    """Makers of the given reviews (visible or not)."""
    found: set[int] = set()
    for chunk in _chunks(sorted(review_ids), 500):
        found.update(conn.execute(select(REVIEWS.c.maker_id).where(REVIEWS.c.id.in_(chunk))).scalars())
    return found


def review_ids_of_makers(conn: Connection, maker_ids: Collection[int]) -> set[int]:
    """Every review id of the given makers, hidden and withdrawn included (their docs must go)."""
    found: set[int] = set()
    for chunk in _chunks(sorted(maker_ids), 500):
        found.update(conn.execute(select(REVIEWS.c.id).where(REVIEWS.c.maker_id.in_(chunk))).scalars())
    return found


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
