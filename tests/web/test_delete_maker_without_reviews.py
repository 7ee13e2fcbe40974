"""Deleting an account whose maker profile has no reviews deletes the profile too: nothing is left to read on it.

A profile with reviews, in any state (hidden and withdrawn ones too), stays as "Former maker" for them.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview import search
from craftreview.db import write_transaction
from craftreview.models import (
    Maker,
    MakerFormerSlug,
    MakerScoreRow,
    Order,
    OutgoingMail,
    Review,
    RingSignal,
    RingSignalReview,
    utcnow,
)
from craftreview.models.trends import MakerPageRow, MakerTrendRow
from craftreview.search.outbox import enqueue
from craftreview.services import moderation, orders
from craftreview.services.home import home_page
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.reviews import set_withdrawn
from craftreview.services.scores import refresh_maker_score
from craftreview.services.ttl_cache import TtlCache
from tests.conftest import PASSWORD, fresh, login

NAME, CRAFT_WORD = "Quietwood Turnery", "spalted"
MAKER_TABLES = (MakerScoreRow, MakerTrendRow, MakerPageRow, MakerFormerSlug, Order, RingSignal, Review)


@pytest.fixture
def leaver(app, db, make_user, make_maker, make_review):
    """A maker with no reviews but everything else a profile gathers: a score, trend and stored page, a former
    address, an order with its invitation mailed, a ring signal about it; beside another maker with a review."""
    owner = make_user("leaver")
    maker = make_maker(owner, name=NAME, bio=f"Bowls turned from {CRAFT_WORD} birch.")
    other = make_maker(name="Hollow Oak")
    signalled = make_review(make_user("critic"), other)
    db.add(MakerFormerSlug(slug=f"old-{maker.slug}", maker_id=maker.id))
    db.commit()
    with write_transaction(db):
        refresh_maker_score(db, maker.id)  # as `flask rescore` scores every maker, reviewed or not
        enqueue(db, "maker", maker.id)
    # a trend left from reviews removed since (their authors' deletions): a rescore would drop it, none ran yet
    db.add(MakerTrendRow(maker_id=maker.id, computed_at=utcnow(), trend_json="{}"))
    db.commit()
    data = orders.OrderInput(buyer_email="buyer@example.com", item="Birch bowl", order_type="stock",
                             price_band="25-100", ordered_on=date.today() - timedelta(days=10))
    _order, token = orders.record_order(db, owner, maker, data, OutboxMailBackend(),
                                        invite_url=lambda t: f"http://localhost/invite/{t}")
    signal = RingSignal(kind="one_maker_accounts", maker_id=maker.id, strength=1.0, summary="s",
                        detected_at=utcnow())
    db.add(signal)
    db.flush()
    db.add(RingSignalReview(signal_id=signal.id, review_id=signalled.id))
    db.commit()
    search.drain(app)
    return {"owner": owner, "id": maker.id, "slug": maker.slug, "other": other, "token": token}


def _delete(client, user, reviews: str = "keep"):
    login(client, user)
    return client.post("/account/delete", data={"reviews": reviews, "password": PASSWORD})


def _anonymous(app):
    return app.test_client()


def test_the_profile_is_listed_searchable_and_comparable_before_the_deletion(app, db, leaver):
    """The fixture's maker is really everywhere the deletion must take it from."""
    visitor = _anonymous(app)
    assert NAME in visitor.get("/makers").get_data(as_text=True)
    assert NAME in visitor.get(f"/search?q={CRAFT_WORD}").get_data(as_text=True)
    assert NAME in visitor.get(f"/compare?makers={leaver['slug']}").get_data(as_text=True)
    assert any(NAME == c.name for s in home_page(db, TtlCache(0)).shelves for c in s.top)
    for model in MAKER_TABLES[:-1]:
        assert db.scalar(select(func.count()).select_from(model).where(model.maker_id == leaver["id"])), model


def test_a_maker_without_reviews_is_deleted_with_its_account(app, client, db, leaver):
    visitor = _anonymous(app)
    listed_before = visitor.get("/makers").get_data(as_text=True)  # kept whole per worker under the listing stamp
    assert NAME in listed_before
    assert _delete(client, leaver["owner"]).status_code == 302
    search.drain(app)
    fresh(db)
    assert db.get(Maker, leaver["id"]) is None
    for model in MAKER_TABLES:
        assert not db.scalar(select(func.count()).select_from(model).where(model.maker_id == leaver["id"])), model
    assert db.scalar(select(func.count()).select_from(RingSignalReview)) == 0
    assert not db.scalar(select(func.count()).select_from(OutgoingMail).where(
        OutgoingMail.body.contains(leaver["token"]), OutgoingMail.sent_at.is_(None)))
    listed = visitor.get("/makers").get_data(as_text=True)
    assert "Hollow Oak" in listed and NAME not in listed and "Former maker" not in listed
    found = visitor.get(f"/search?q={CRAFT_WORD}").get_data(as_text=True)
    assert NAME not in found and "Former maker" not in found
    assert "Former maker" not in visitor.get("/search?q=woodworking").get_data(as_text=True)
    home = visitor.get("/").get_data(as_text=True)
    assert "Hollow Oak" in home and "Former maker" not in home and NAME not in home
    assert search.check(app).ok


def test_its_addresses_answer_like_any_unknown_maker(app, client, db, leaver):
    _delete(client, leaver["owner"])
    visitor = _anonymous(app)
    for slug in (leaver["slug"], f"old-{leaver['slug']}", f"former-maker-{leaver['id']}"):
        response = visitor.get(f"/makers/{slug}")
        assert response.status_code == 404, slug
        assert "No maker with that address." in response.get_data(as_text=True)
    assert visitor.get(f"/invite/{leaver['token']}").status_code == 404


def test_a_compare_list_that_held_it_drops_it(app, client, db, leaver):
    visitor = _anonymous(app)
    other = leaver["other"].slug
    visitor.post("/compare/add", data={"maker": leaver["slug"]})
    visitor.post("/compare/add", data={"maker": other})
    assert NAME in visitor.get("/compare").get_data(as_text=True)
    _delete(client, leaver["owner"])
    page = visitor.get("/compare").get_data(as_text=True)
    assert "Hollow Oak" in page and NAME not in page and "Former maker" not in page
    for slug in (leaver["slug"], f"former-maker-{leaver['id']}"):
        shown = visitor.get(f"/compare?makers={slug},{other}").get_data(as_text=True)
        assert "Former maker" not in shown and "No maker found for" in shown


@pytest.mark.parametrize("state", ["visible", "hidden", "withdrawn"])
def test_a_maker_with_a_review_in_any_state_stays_as_former_maker(app, client, db, make_user, make_maker,
                                                                    make_review, state):
    owner, author = make_user("leaver"), make_user("buyer")
    maker = make_maker(owner, name=NAME)
    review = make_review(author, maker, title="Kept for its author")
    if state == "hidden":
        moderation.hide_review(db, make_user("mod", moderator=True), review, "spam")
    elif state == "withdrawn":
        set_withdrawn(db, author, review, True)
    _delete(client, owner)
    search.drain(app)
    fresh(db)
    kept = db.get(Maker, maker.id)
    assert kept is not None and kept.name == "Former maker" and kept.slug == f"former-maker-{maker.id}"
    assert db.get(Review, review.id) is not None
    page = _anonymous(app).get(f"/makers/{kept.slug}")
    assert page.status_code == 200 and "Former maker" in page.get_data(as_text=True)
    assert search.check(app).ok


def test_a_failed_deletion_leaves_the_profile_whole(app, client, db, leaver, monkeypatch):
    """Nothing half-written: a failure at the end of the deletion rolls the profile's removal back with it."""
    from craftreview.services import account_data

    def fail(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(account_data, "_erase_user", fail)
    with pytest.raises(RuntimeError):
        account_data.delete_account(db, db.get(type(leaver["owner"]), leaver["owner"].id), password=PASSWORD,
                                    reviews="keep")
    fresh(db)
    maker = db.get(Maker, leaver["id"])
    assert maker is not None and maker.name == NAME
    for model in MAKER_TABLES[:-1]:
        assert db.scalar(select(func.count()).select_from(model).where(model.maker_id == leaver["id"])), model
    assert NAME in _anonymous(app).get("/makers").get_data(as_text=True)


def test_a_review_sent_from_a_page_read_before_the_deletion_is_refused_cleanly(app, client, db, make_user, leaver):
    """The form was read while the profile existed; the review arrives after it went: a 404 saying so, not a crash on
    the foreign key, and nothing written."""
    from craftreview.errors import NotFound
    from craftreview.services.reviews import submit_review
    from craftreview.services.still_there import MAKER_GONE
    from tests.conftest import review_input

    stale = db.get(Maker, leaver["id"])
    author = make_user("late buyer")
    _delete(client, leaver["owner"])
    with pytest.raises(NotFound, match=MAKER_GONE):
        submit_review(db, author, stale, review_input())
    fresh(db)
    assert not db.scalar(select(func.count()).select_from(Review).where(Review.author_id == author.id))
