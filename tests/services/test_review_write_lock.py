"""A review write scores the maker before it takes the write lock, and never stores a stale score."""
from __future__ import annotations

import json

from sqlalchemy import select, update

from craftreview.db import _WRITING, write_transaction
from craftreview.models import MakerScoreRow, MakerTrendRow, Review, User
from craftreview.services import notifications, reviews, scores
from craftreview.services.reviews import submit_review
from craftreview.services.scores import refresh_maker_score
from tests.conftest import fresh, review_input
from tests.mail_helpers import mails_to


def _stored(db, maker_id: int) -> tuple[dict, str]:
    fresh(db)
    row = db.get(MakerScoreRow, maker_id)
    trend = db.scalar(select(MakerTrendRow.trend_json).where(MakerTrendRow.maker_id == maker_id))
    return json.loads(row.detail_json), trend


def _recomputed(db, maker_id: int, now) -> tuple[dict, str]:
    """What refreshing the maker from scratch, under the lock, stores."""
    with write_transaction(db):
        refresh_maker_score(db, maker_id, now=now)
    return _stored(db, maker_id)


def test_the_score_is_computed_outside_the_write_transaction(db, make_user, make_maker, make_review, monkeypatch):
    maker = make_maker()
    make_review(make_user(), maker)
    computed_while_writing = []
    real = scores._compute
    monkeypatch.setattr(scores, "_compute", lambda *a: computed_while_writing.append(db.info.get(_WRITING)) or real(*a))
    review = submit_review(db, make_user("buyer"), maker, review_input())
    assert computed_while_writing == [None]  # once, and not under the lock
    detail, trend = _stored(db, maker.id)
    assert detail["review_count"] == 2 and str(review.id) in json.dumps(detail)
    assert (detail, trend) == _recomputed(db, maker.id, review.created_at)


def test_a_review_of_the_same_maker_written_meanwhile_is_counted(db, make_user, make_maker, make_review, monkeypatch):
    maker = make_maker()
    make_review(make_user(), maker)
    other = make_user("quicker")
    real = scores.prepare_maker_score

    def prepare_then_someone_else_writes(*args):
        prepared = real(*args)
        monkeypatch.setattr(scores, "prepare_maker_score", real)
        monkeypatch.setattr(reviews, "prepare_maker_score", real)
        submit_review(db, other, maker, review_input(craftsmanship=1, title="Cracked on arrival"))
        return prepared

    monkeypatch.setattr(reviews, "prepare_maker_score", prepare_then_someone_else_writes)
    review = submit_review(db, make_user("slower"), maker, review_input())
    fresh(db)
    ids = set(db.scalars(select(Review.id).where(Review.maker_id == maker.id)))
    assert review.id in ids and len(ids) == 3  # on SQLite the other write took the id reserved first
    detail, trend = _stored(db, maker.id)
    assert detail["review_count"] == 3
    assert (detail, trend) == _recomputed(db, maker.id, review.created_at)


def test_the_makers_mail_is_rendered_outside_the_write_transaction(db, make_user, make_maker, monkeypatch):
    owner = make_user("owner")
    maker = make_maker(owner)
    rendered_while_writing = []
    real = notifications.render_mail
    monkeypatch.setattr(notifications, "render_mail",
                        lambda *a, **k: rendered_while_writing.append(db.info.get(_WRITING)) or real(*a, **k))
    review = submit_review(db, make_user("buyer"), maker, review_input(title="Even glaze"))
    assert rendered_while_writing == [None]
    [mail] = mails_to(db, owner.email)
    assert "Even glaze" in mail.subject and f"/reviews/{review.id}" in mail.body


def test_a_maker_who_changed_address_meanwhile_is_mailed_at_the_new_one(db, make_user, make_maker, monkeypatch):
    owner = make_user("owner")
    maker, old_address = make_maker(owner), owner.email
    real = reviews._prepare

    def prepare_then_the_owner_moves(*args):
        pending = real(*args)
        with db.get_bind().begin() as conn:  # another request, committed between the preparation and the lock
            conn.execute(update(User).where(User.id == owner.id).values(email="moved@example.com"))
        return pending

    monkeypatch.setattr(reviews, "_prepare", prepare_then_the_owner_moves)
    review = submit_review(db, make_user("buyer"), maker, review_input())
    [mail] = mails_to(db, "moved@example.com")
    assert f"/reviews/{review.id}" in mail.body and mails_to(db, old_address) == []
