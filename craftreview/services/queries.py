"""Read-side queries shared by pages (no writes here)."""
from __future__ import annotations

from sqlalchemy import Select, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from ..models import Flag, HelpfulVote, Maker, MakerScoreRow, Reply, Review, User

VISIBLE = (Review.hidden_at.is_(None), Review.withdrawn_at.is_(None))
# The verified mark in SQL (as Review.verified): an invited order, and its author's address confirmed.
# For statements that join the author (User).
VERIFIED = Review.order_id.is_not(None) & User.email_confirmed_at.is_not(None)
_MAKER_SORTS = {
    "score": (MakerScoreRow.rank_score.desc().nulls_last(), Maker.name),
    "reviews": (MakerScoreRow.review_count.desc().nulls_last(), Maker.name),
    "newest": (Maker.created_at.desc(), Maker.id.desc()),
    "name": (Maker.name, Maker.id),
}


def makers_query(craft: str = "", sort: str = "score") -> Select:
    """Makers, optionally of one craft, in the chosen order (unproven never outranks proven)."""
    query = select(Maker).outerjoin(MakerScoreRow, MakerScoreRow.maker_id == Maker.id)
    if craft:
        query = query.where(Maker.craft == craft)
    return query.order_by(*_MAKER_SORTS.get(sort, _MAKER_SORTS["score"]))


def visible_reviews_query(maker_id: int) -> Select:
    """Public reviews of a maker, newest first."""
    return (select(Review).where(Review.maker_id == maker_id, *VISIBLE)
            .order_by(Review.created_at.desc(), Review.id.desc()))


def dimension_averages(session: Session, maker_id: int) -> dict:
    """Plain per-dimension averages and counts over public reviews."""
    # Verified means an invited order redeemed by a confirmed address (as Review.verified).
    verified = func.count(case((User.email_confirmed_at.is_not(None), Review.order_id)))
    row = session.execute(select(
        func.count(Review.id), func.avg(Review.craftsmanship), func.avg(Review.consistency),
        func.avg(Review.delivery), verified,
    ).join(User, User.id == Review.author_id).where(Review.maker_id == maker_id, *VISIBLE)).one()
    count, craft, cons, deliv, verified = row
    return {"count": count, "verified": verified, "craftsmanship": _f(craft), "consistency": _f(cons),
            "delivery": _f(deliv)}


def _f(value) -> float | None:
    return None if value is None else float(value)


def own_review(session: Session, user: User | None, maker: Maker) -> Review | None:
    """The viewer's own unverified review of this maker, if any."""
    if user is None:
        return None
    return session.scalar(select(Review).where(
        Review.maker_id == maker.id, Review.author_id == user.id, Review.order_id.is_(None)))


def own_order_reviews(session: Session, user: User | None, maker: Maker) -> list[Review]:
    """The viewer's reviews of this maker written through its recorded orders and not withdrawn, oldest first."""
    if user is None:
        return []
    return list(session.scalars(select(Review).where(
        Review.maker_id == maker.id, Review.author_id == user.id, Review.order_id.is_not(None),
        Review.withdrawn_at.is_(None)).order_by(Review.id)))


def viewer_marks(session: Session, user: User | None, review_ids: list[int]) -> tuple[set[int], set[int]]:
    """Which of these reviews the viewer marked helpful, and which they reported (an open flag): one statement."""
    if user is None or not review_ids:
        return set(), set()
    rows = session.execute(union_all(
        select(HelpfulVote.review_id, literal(True)).where(
            HelpfulVote.user_id == user.id, HelpfulVote.review_id.in_(review_ids)),
        select(Flag.review_id, literal(False)).where(
            Flag.user_id == user.id, Flag.review_id.in_(review_ids), Flag.status == "open")))
    marks: tuple[set[int], set[int]] = (set(), set())
    for review_id, voted in rows:
        marks[0 if voted else 1].add(review_id)
    return marks


def unreplied_reviews_query(maker_id: int) -> Select:
    """Public reviews of the maker that have no reply yet, newest first (the dashboard pages through them)."""
    return (select(Review).outerjoin(Reply, Reply.review_id == Review.id)
            .where(Review.maker_id == maker_id, Reply.id.is_(None), *VISIBLE)
            .order_by(Review.created_at.desc(), Review.id.desc()))


def reviews_by_author_query(user_id: int) -> Select:
    """Everything a user wrote, including hidden and withdrawn reviews."""
    return select(Review).where(Review.author_id == user_id).order_by(Review.created_at.desc(), Review.id.desc())


def email_confirmed_now(session: Session, user_id: int) -> bool:
    """Whether the account's address is confirmed, read from the database (not a copy loaded before the lock)."""
    return session.scalar(select(User.email_confirmed_at).where(User.id == user_id)) is not None
