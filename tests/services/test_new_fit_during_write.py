"""A review write whose maker score was prepared with one fit while another fit was stored (a `flask rescore` on any
host, or a worker's first requests decoding the fit side by side) is scored again under the lock, never refused.

Found by an audit sending one review form four times at once to a freshly started server on PostgreSQL: the prepared
score's inputs held one decoded fit and the inputs read under the lock another, and comparing the two fits with ==
compared their numpy arrays ("The truth value of an array ... is ambiguous"): a 500, and the review was not posted."""
from __future__ import annotations

from sqlalchemy import func, select

from craftreview import scoring
from craftreview.models import Review, utcnow
from craftreview.services import fits, review_effects, reviews
from tests.conftest import fresh, review_input


def test_a_review_sent_while_a_new_fit_is_stored_is_posted_and_scored_with_the_new_fit(app, db, make_user, make_maker,
                                                                                      make_review, monkeypatch):
    maker = make_maker(make_user("owner"))
    make_review(make_user("earlier"), maker)
    buyer = make_user("buyer")
    fits.store_fit(db, scoring.fit_model([], now=utcnow()))
    db.commit()
    real_prepare, real_refresh, kept = review_effects.prepare_maker_score, review_effects.refresh_maker_score, []

    def prepare_then_refit(session, *args, **kwargs):
        work = real_prepare(session, *args, **kwargs)
        with app.extensions["craftreview.sessions"]() as other:  # a rescore commits a new fit meanwhile
            fits.store_fit(other, scoring.fit_model([], now=utcnow()))
            other.commit()
        return work

    def refresh(session, *args, **kwargs):
        kept.append(real_refresh(session, *args, **kwargs))
        return kept[-1]
    monkeypatch.setattr(review_effects, "prepare_maker_score", prepare_then_refit)
    monkeypatch.setattr(review_effects, "refresh_maker_score", refresh)

    review = reviews.submit_review(db, buyer, maker, review_input())

    assert review.id is not None
    assert kept[0] is False  # prepared with the older fit: scored again with the one stored now
    fresh(db)
    assert db.scalar(select(func.count(Review.id)).where(Review.maker_id == maker.id)) == 2
