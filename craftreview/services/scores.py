"""Stored maker scores: signals from the database in, `maker_scores` rows out."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import delete, exists, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from .. import scoring
from ..errors import Gone
from ..models import Maker, MakerScoreRow, MakerTrendRow, Review, RingSignalReview, User, as_utc, utcnow
from ..search.documents import indexed_score_values
from ..search.outbox import enqueue
from . import fits, page_stamps, trends
from .still_there import REVIEW_GONE
from .trends import decode_trend
from .voices import voice_column

TIER_BANDS = {"master": 20.0, "skilled": 20.0, "developing": 20.0, "unproven": 10.0, "novice": 0.0}
# An unproven maker with a substantial but conflicting record sorts above one with too few reviews
# yet, and both above proven novices: neither is evidence of poor work.
REASON_BANDS = {"mixed_evidence": 15.0, "too_few_reviews": 10.0}


def rank_score(tier: str, overall: float, unproven_reason: str | None = None) -> float:
    """Sort key: proven-good makers first, then mixed evidence, then too few reviews, then proven novices."""
    if tier == "unproven" and unproven_reason in REASON_BANDS:
        return REASON_BANDS[unproven_reason] + overall
    return TIER_BANDS.get(tier, 10.0) + overall


def tier_confidence(result) -> float | None:
    """How sure the model is of the tier it claims (None for unproven)."""
    p_skilled, p_master, p_novice = result.p_skilled, result.p_master, result.p_novice
    return {"master": p_master, "skilled": p_skilled, "novice": p_novice,
            "developing": 1.0 - p_skilled - p_novice}.get(result.tier)


# A review implicated in a stored ring signal (services/signals.py) is weaker provenance for the model.
_RING_FLAGGED = exists().where(RingSignalReview.review_id == Review.id).label("ring_flagged")


def _signal_columns():
    # "voice": the reviewer the model reads the review under (one buyer's re-registered accounts are one: voices.py)
    return (select(Review.id, Review.maker_id, Review.author_id, voice_column().label("voice"), Review.craftsmanship,
                   Review.consistency, Review.delivery, Review.created_at, Review.order_id, User.created_at.label("joined"),
                   User.email_confirmed_at, Review.promised_by, Review.delivered_on, Review.order_type, Maker.craft,
                   _RING_FLAGGED)
            .join(User, User.id == Review.author_id).join(Maker, Maker.id == Review.maker_id))


def _signal_query(maker_ids: list[int] | None = None):
    query = _signal_columns().where(Review.hidden_at.is_(None), Review.withdrawn_at.is_(None))
    return query if maker_ids is None else query.where(Review.maker_id.in_(maker_ids))


def signal_row(session: Session, review_id: int) -> dict:
    """A stored review's signal columns and its visibility columns, whether it is public or not."""
    query = _signal_columns().add_columns(Review.hidden_at, Review.withdrawn_at).where(Review.id == review_id)
    row = session.execute(query).first()
    if row is None:  # removed with its author's account after the request loaded it
        raise Gone(REVIEW_GONE)
    return dict(row._mapping)


def load_signals(session: Session, maker_ids: list[int] | None = None) -> tuple[list, dict[int, str]]:
    """Visible reviews as scoring signals, and each maker's craft."""
    signals, crafts = [], {}
    for row in session.execute(_signal_query(maker_ids)):
        crafts[row.maker_id] = row.craft
        signals.append(review_signal(row))
    return signals, crafts


def review_signal(row) -> scoring.ReviewSignal:
    """One review (a row of the signal query, or anything with its attribute names) as a scoring signal."""
    return scoring.ReviewSignal(
        maker_id=row.maker_id, reviewer_id=row.voice, craftsmanship=row.craftsmanship,
        consistency=row.consistency, delivery=row.delivery, created_at=as_utc(row.created_at),
        # Verified = an order behind the review AND a buyer who confirmed their email (team contract).
        verified=row.order_id is not None and row.email_confirmed_at is not None,
        reviewer_joined_at=as_utc(row.joined), promised_on=row.promised_by, delivered_on=row.delivered_on,
        review_id=row.id, order_type=row.order_type, ring_flagged=bool(row.ring_flagged))


def fitted_model(session: Session, now: datetime | None = None):
    """The stored global fit (see services/fits.py); requests never fit."""
    return fits.current_fit(session)


def forget_fitted_models() -> None:
    """Drop cached fits (tests, and after bulk loads)."""
    fits.forget()


def on_time_sort_key(rate: float | None, dated: int) -> float | None:
    """What "Most often on time" sorts by (stored as maker_scores.on_time_rate): the on-time share with one on-time
    and one late order added, (on time + 1) / (dated + 2), so 9 of 10 orders on time outranks 1 of 1; None without
    dated orders."""
    if rate is None or not dated:
        return None
    return (rate * dated + 1.0) / (dated + 2.0)


def _row_values(maker_id: int, result, now: datetime) -> dict:
    values = {"maker_id": maker_id, "model_version": scoring.MODEL_VERSION, "computed_at": now}
    detail = result.to_dict()
    dated = detail["explanation"]["delivery_record"]["dated_orders"]
    for dimension in ("overall", "craftsmanship", "consistency", "delivery"):
        estimate = getattr(result, dimension)
        values.update({dimension: estimate.mean, f"{dimension}_low": estimate.low, f"{dimension}_high": estimate.high})
    return values | {
        "p_skilled": result.p_skilled, "tier": result.tier,
        "tier_confidence": tier_confidence(result),
        "rank_score": rank_score(result.tier, result.overall.mean, result.unproven_reason),
        "review_count": result.review_count, "unproven_reason": result.unproven_reason,
        "trusted_reviews": result.trusted_reviews,
        "verified_count": result.verified_count, "on_time_rate": on_time_sort_key(result.on_time_rate, dated),
        "typical_slip_days": result.typical_slip_days, "detail_json": json.dumps(detail),
    }


def _store(session: Session, maker_id: int, values: dict) -> None:
    """Insert or update the maker's row in one statement (safe against a concurrent first insert)."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(MakerScoreRow).values(**values)
    session.execute(statement.on_conflict_do_update(
        index_elements=[MakerScoreRow.maker_id],
        set_={key: statement.excluded[key] for key in values if key != "maker_id"}))
    cached = session.identity_map.get(identity_key(MakerScoreRow, maker_id))
    if cached is not None:
        session.expire(cached)  # the ORM's copy is stale after a Core upsert


@dataclass(frozen=True)
class MakerScoreWork:
    """A maker's refreshed score and trend rows, and exactly the inputs they were computed from."""

    inputs: tuple  # (craft, fitted model, signals sorted by review id, stored finished months)
    score_row: dict
    trend_row: dict | None


def _inputs(session: Session, maker_id: int, lock: bool, changed: dict | None = None) -> tuple:
    query = select(Maker.craft).where(Maker.id == maker_id)
    # FOR NO KEY UPDATE: does not conflict with the key-share locks that inserting reviews takes.
    craft = session.scalar(query.with_for_update(key_share=True) if lock else query)
    signals, _crafts = load_signals(session, [maker_id])
    if changed:
        signals = [s for s in signals if s.review_id not in changed] + [s for s in changed.values() if s is not None]
    signals = sorted(signals, key=lambda s: s.review_id)
    return craft, fitted_model(session), signals, trends.finished_months(session, maker_id)


def _same_inputs(prepared: tuple, current: tuple) -> bool:
    """Whether a score prepared from `prepared` inputs is the one `current` inputs give. The fit is compared by
    identity (one decoded object per stored fit and process, fits.current_fit): == on two fits compares their numpy
    arrays, which raised, and another object is another fit (a rescore stored one meanwhile), so the score is redone."""
    (craft, model, signals, known), (craft_now, model_now, signals_now, known_now) = prepared, current
    return model is model_now and (craft, signals, known) == (craft_now, signals_now, known_now)


def _compute(maker_id: int, inputs: tuple, now: datetime) -> MakerScoreWork:
    craft, model, signals, known = inputs
    result = model.score_maker(signals, now=now, craft=craft)
    with_outlooks(model, signals, {maker_id: result}, now, {maker_id: craft})
    return MakerScoreWork(inputs, _row_values(maker_id, result, now),
                          trends.trend_row(maker_id, model, signals, now, craft, known))


def prepare_maker_score(session: Session, maker_id: int, changed: dict, now: datetime) -> MakerScoreWork:
    """Before the write transaction: the maker's score as it will be once the pending write is stored.

    `changed` maps each review the write touches to its signal afterwards (None: it will not be public).
    The expensive part of a review write (scoring, outlooks, the trend) then runs outside the write
    lock; refresh_maker_score uses this only if the inputs it reads under the lock are exactly these.
    """
    return _compute(maker_id, _inputs(session, maker_id, lock=False, changed=changed), now)


def refresh_maker_score(session: Session, maker_id: int, now: datetime | None = None,
                        prepared: MakerScoreWork | None = None) -> bool:
    """Rescore one maker with the fitted global model (inside the caller's transaction).

    The maker row is locked first (PostgreSQL; SQLite already holds its write lock) so that
    concurrent reviews of one maker are scored one after the other, each seeing the other.
    A `prepared` result is stored only when nothing it was computed from has changed since;
    returns whether it was (then the maker's public reviews are exactly those it was prepared with).
    """
    now = now or utcnow()
    inputs = _inputs(session, maker_id, lock=True)
    kept = prepared is not None and _same_inputs(prepared.inputs, inputs)
    work = prepared if kept else _compute(maker_id, inputs, now)
    _store(session, maker_id, work.score_row)
    trends.store_trend_row(session, maker_id, work.trend_row)
    # Every review write (submit, edit, withdraw, verified submit, hide, restore, account deletion)
    # rescores its maker here: the page shows the score, the reviews and their summaries.
    page_stamps.touch(session, [maker_id])
    return kept


def with_outlooks(model, signals: list, scores: dict, now: datetime, crafts: dict) -> None:
    """Add 'what would change the tier' to each explanation, by rescoring simulated further reviews."""
    for maker_id, outlook in scoring.tier_outlooks(model, signals, scores, now=now, crafts=crafts).items():
        scores[maker_id].explanation["what_would_move_tier"] = outlook


# Stored values a maker's search document is built from (search joins rank and standing at query
# time): only a change in what the document holds (search.documents.indexed_score_values) reindexes it.
_INDEXED = ("tier", "overall", "review_count")


def _indexed_values(session: Session) -> dict[int, tuple]:
    columns = [getattr(MakerScoreRow, name) for name in _INDEXED]
    return {row[0]: indexed_score_values(*row[1:]) for row in session.execute(select(MakerScoreRow.maker_id, *columns))}


class Rescored(NamedTuple):
    """What `rescore_all` did: makers scored, makers queued for reindexing, maker pages marked changed."""

    scored: int
    reindexed: int
    pages: int


# The score row's columns a maker page can draw (never the explanation, which only the score page shows):
# the maker page's fragment keys and rescore's comparison both read these.
DRAWN_COLUMNS = tuple(column for column in MakerScoreRow.__table__.columns if column.key != "detail_json")


def pages_drawn(session: Session, drawn: Callable) -> dict[int, tuple]:
    """What each maker's page draws of its stored score row and trend (`drawn`: web/page_values.py)."""
    rows = {row["maker_id"]: row for row in session.execute(select(*DRAWN_COLUMNS)).mappings()}
    trends = dict(session.execute(select(MakerTrendRow.maker_id, MakerTrendRow.trend_json)).all())
    return {maker_id: drawn(rows.get(maker_id), decode_trend(trends.get(maker_id)))
            for maker_id in session.scalars(select(Maker.id))}


def rescore_all(session: Session, now: datetime | None = None, drawn: Callable | None = None) -> Rescored:
    """Refit on all data and rewrite every maker's score and trend.

    With `drawn` (what a page draws of a score row and trend), only makers whose page would draw
    differently are marked for re-rendering; without it, every maker page is.
    """
    now = now or utcnow()
    signals, crafts = load_signals(session)
    model = scoring.fit_model(signals, now=now, crafts=crafts)
    fits.store_fit(session, model, now)  # what every later write scores with, on every host
    scores = model.score_fitted(crafts)  # every maker, vectorised, from the fit just made (as score_makers would)
    with_outlooks(model, signals, scores, now, crafts)
    before, drawn_before = _indexed_values(session), drawn and pages_drawn(session, drawn)
    rows = [_row_values(mid, scores.get(mid) or model.score_maker([], now=now, craft=craft), now)
            for mid, craft in session.execute(select(Maker.id, Maker.craft))]
    session.execute(delete(MakerScoreRow))
    if rows:
        session.execute(MakerScoreRow.__table__.insert(), rows)
    trends.store_all_trends(session, model, signals, crafts, now)
    pages = _mark_pages(session, drawn, drawn_before, len(rows))
    changed = [r["maker_id"] for r in rows
               if before.get(r["maker_id"]) != indexed_score_values(*(r[k] for k in _INDEXED))]
    for maker_id in changed:
        enqueue(session, "maker", maker_id)
    return Rescored(len(rows), len(changed), pages)


def _mark_pages(session: Session, drawn: Callable | None, drawn_before: dict | None, makers: int) -> int:
    if drawn is None:
        page_stamps.touch_all(session)
        return makers
    after = pages_drawn(session, drawn)
    moved = [maker_id for maker_id, values in after.items() if drawn_before.get(maker_id) != values]
    page_stamps.touch(session, moved)
    page_stamps.listings_changed(session)  # ranks moved even where no page draws differently
    return len(moved)


def score_detail(row: MakerScoreRow | None) -> dict:
    """The stored explanation of a maker's score."""
    return json.loads(row.detail_json) if row is not None else {}
