"""What a review write changes besides its own row: the search outbox, the maker's stored score and its cheap
ring signals.

The expensive part (scoring the maker, outlooks, the trend, the ring detectors) is worked out *before* the
write transaction, for the maker's public reviews as they will be once the write is stored; under the
write lock `after_review_change` stores it only if what it was computed from is still exactly what the
database holds, and recomputes it otherwise (a write of the same maker came in between).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Review, User, as_utc
from ..rings import Finding, ReviewFact
from ..scoring.types import DIMENSIONS
from ..search.outbox import enqueue
from .queries import VISIBLE
from .scores import MakerScoreWork, prepare_maker_score, refresh_maker_score, review_signal, signal_row
from .signals import flagged_reviews, prepare_maker_signals, refresh_maker_signals
from .voices import voice_of


@dataclass(frozen=True)
class PreparedMaker:
    """A maker's new score and cheap ring signals, worked out before the write lock for a pending write."""

    score: MakerScoreWork
    signals: list[Finding]


def _fact(row) -> ReviewFact:
    """The ring-detection facts of a review (`row`: its signal columns, with the author's join date)."""
    return ReviewFact(review_id=row.id, maker_id=row.maker_id, author_id=row.author_id,
                      created_at=as_utc(row.created_at), stars=sum(getattr(row, d) for d in DIMENSIONS) / len(DIMENSIONS),
                      body="", author_joined=as_utc(row.joined), order_id=row.order_id)


def prepare_maker(session: Session, maker_id: int, now: datetime, rows: dict) -> PreparedMaker:
    """The maker once the reviews in `rows` (id -> signal columns afterwards, None: not public) are written."""
    signals = {review_id: review_signal(row) if row else None for review_id, row in rows.items()}
    facts = {review_id: _fact(row) if row else None for review_id, row in rows.items()}
    return PreparedMaker(prepare_maker_score(session, maker_id, signals, now),
                         prepare_maker_signals(session, maker_id, facts, now))


def prepare_new_review(session: Session, review_id: int, author, maker_id: int, values: dict, now: datetime,
                       order_id: int | None = None) -> PreparedMaker:
    """For a review about to be inserted with id `review_id` (`values`: its columns; `author`: a User)."""
    row = SimpleNamespace(id=review_id, maker_id=maker_id, author_id=author.id, voice=voice_of(author), created_at=now,
                          order_id=order_id, ring_flagged=False, email_confirmed_at=author.email_confirmed_at,
                          joined=author.created_at, **values)
    return prepare_maker(session, maker_id, now, {review_id: row})


def prepare_review_update(session: Session, review_id: int, now: datetime, **changes) -> PreparedMaker:
    """For a stored review about to get new column values (`changes`: ratings, dates, hidden_at, withdrawn_at…)."""
    row = SimpleNamespace(**(signal_row(session, review_id) | changes))
    public = row.hidden_at is None and row.withdrawn_at is None
    return prepare_maker(session, row.maker_id, now, {review_id: row if public else None})


def after_review_change(session: Session, review, now: datetime, prepared: PreparedMaker | None = None) -> None:
    """Inside the write transaction: search outbox, the maker's stored score and its cheap ring signals.

    Prepared signals are stored only if the prepared score was: its inputs, re-read under the lock,
    hold every public review of the maker, so the signals' reviews are unchanged too.
    """
    session.flush()
    enqueue(session, "review", review.id)
    _store_maker(session, review.maker_id, now, prepared)


def _store_maker(session: Session, maker_id: int, now: datetime, prepared: PreparedMaker | None) -> None:
    """The maker's search document, stored score and cheap ring signals (prepared ones if still current).

    The score reads the ring signals stored before this write; where the refreshed signals implicate other
    reviews, the maker is scored once more so that the stored score counts them as the model does.
    """
    enqueue(session, "maker", maker_id)
    kept = refresh_maker_score(session, maker_id, now=now, prepared=prepared.score if prepared else None)
    flagged = flagged_reviews(session, [maker_id])
    refresh_maker_signals(session, maker_id, now=now, prepared=prepared.signals if kept else None)
    if flagged_reviews(session, [maker_id]) != flagged:
        refresh_maker_score(session, maker_id, now=now)


def after_voice_change(session: Session, author_id: int, now: datetime) -> None:
    """Inside the write transaction, once the author was linked to an earlier account (voices.py): every maker the
    author reviewed publicly is rescored, its reviews now read as the earlier account's voice. Rare (a returning
    buyer's confirmation), so nothing is prepared before the lock."""
    session.flush()
    makers = session.scalars(select(Review.maker_id).where(Review.author_id == author_id, *VISIBLE).distinct())
    for maker_id in sorted(makers):
        _store_maker(session, maker_id, now, None)


def _order_reviews(session: Session, author_id: int) -> list[tuple[int, int]]:
    """(review id, maker id) of the author's public reviews through an order: those the verified mark is on."""
    return [tuple(row) for row in session.execute(select(Review.id, Review.maker_id).where(
        Review.author_id == author_id, Review.order_id.is_not(None), *VISIBLE))]


def prepare_author_confirmation(session: Session, author: User, confirmed_at: datetime | None,
                                now: datetime) -> dict[int, PreparedMaker]:
    """Before the write lock: every maker the author's order-backed reviews are about, as it will be once the
    author's address is confirmed (`confirmed_at`) or unconfirmed (None); empty when that changes nothing."""
    if (author.email_confirmed_at is None) == (confirmed_at is None):
        return {}
    rows: dict[int, dict] = defaultdict(dict)
    for review_id, maker_id in _order_reviews(session, author.id):
        rows[maker_id][review_id] = SimpleNamespace(**(signal_row(session, review_id) | {
            "email_confirmed_at": confirmed_at}))
    return {maker_id: prepare_maker(session, maker_id, now, changed) for maker_id, changed in rows.items()}


def after_author_confirmation(session: Session, author_id: int, now: datetime,
                              prepared: dict[int, PreparedMaker]) -> None:
    """Inside the write transaction, once the author's confirmation changed: the stored score and cheap ring
    signals of every maker the author's order-backed reviews are about (verified = order + confirmed)."""
    session.flush()
    for maker_id in sorted({maker_id for _review, maker_id in _order_reviews(session, author_id)}):
        _store_maker(session, maker_id, now, prepared.get(maker_id))
