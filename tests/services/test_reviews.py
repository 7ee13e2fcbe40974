"""Review rules: who may review, one per buyer and maker, edits keep history, withdrawal hides."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview.errors import Conflict, InvalidInput, PermissionDenied
from craftreview.models import IndexOutbox, MakerScoreRow, Review, ReviewRevision
from craftreview.services.reviews import edit_review, set_withdrawn
from tests.conftest import review_input


def test_buyer_reviews_a_maker_and_the_score_and_index_follow(db, make_user, make_maker, make_review):
    maker = make_maker()
    review = make_review(make_user("buyer"), maker)
    assert review.id is not None and not review.verified
    score = db.get(MakerScoreRow, maker.id)
    assert score is not None and score.review_count == 1
    kinds = set(db.execute(select(IndexOutbox.kind, IndexOutbox.entity_id)).all())
    assert {("review", review.id), ("maker", maker.id)} <= kinds or kinds == set()  # drained after commit


def test_maker_cannot_review_own_profile(db, make_user, make_maker, make_review):
    owner = make_user("owner")
    maker = make_maker(owner)
    with pytest.raises(PermissionDenied):
        make_review(owner, maker)
    assert db.scalar(select(func.count(Review.id))) == 0


def test_second_unverified_review_of_same_maker_is_a_conflict(db, make_user, make_maker, make_review):
    buyer, maker = make_user(), make_maker()
    make_review(buyer, maker)
    with pytest.raises(Conflict):
        make_review(buyer, maker, title="Second try")
    assert db.scalar(select(func.count(Review.id))) == 1


@pytest.mark.parametrize("overrides, field", [
    ({"craftsmanship": 0}, "craftsmanship"),
    ({"delivery": 6}, "delivery"),
    ({"title": "ok"}, "title"),
    ({"body": "x" * 5001}, "body"),
    ({"body": "short"}, "body"),
    ({"ordered_on": date.today(), "delivered_on": date.today() - timedelta(days=1)}, "delivered_on"),
    ({"delivered_on": date.today() + timedelta(days=3)}, "delivered_on"),
    ({"order_type": "bespoke"}, "order_type"),
    ({"price_band": "cheap"}, "price_band"),
])
def test_invalid_reviews_are_refused_with_the_field_named(db, make_user, make_maker, make_review, overrides, field):
    with pytest.raises(InvalidInput) as err:
        make_review(make_user(), make_maker(), **overrides)
    assert err.value.field == field
    assert db.scalar(select(func.count(Review.id))) == 0


def test_body_of_exactly_5000_characters_is_accepted(make_user, make_maker, make_review):
    review = make_review(make_user(), make_maker(), body="y" * 5000)
    assert len(review.body) == 5000


def test_edit_keeps_the_earlier_revision(db, make_user, make_maker, make_review):
    buyer = make_user()
    review = make_review(buyer, make_maker(), title="First thoughts", craftsmanship=2)
    edit_review(db, buyer, review, review_input(title="After a month of use", craftsmanship=4))
    edit_review(db, buyer, review, review_input(title="A year later", craftsmanship=5))
    revisions = db.scalars(select(ReviewRevision).order_by(ReviewRevision.number)).all()
    assert [(r.number, r.title, r.craftsmanship) for r in revisions] == [
        (1, "First thoughts", 2), (2, "After a month of use", 4)]
    assert review.title == "A year later" and review.edited


def test_only_the_author_can_edit(db, make_user, make_maker, make_review):
    maker = make_maker()
    review = make_review(make_user(), maker)
    owner = db.get(type(maker.owner), maker.owner_id)
    with pytest.raises(PermissionDenied):
        edit_review(db, owner, review, review_input(title="Maker rewrites it"))
    db.refresh(review)
    assert review.title == "Lovely bowl, slightly late"


def test_withdrawal_hides_without_deleting_and_updates_the_score(db, make_user, make_maker, make_review):
    buyer, maker = make_user(), make_maker()
    review = make_review(buyer, maker)
    set_withdrawn(db, buyer, review, True)
    assert db.get(Review, review.id).withdrawn_at is not None
    assert db.get(MakerScoreRow, maker.id).review_count == 0
    set_withdrawn(db, buyer, review, False)
    assert db.get(MakerScoreRow, maker.id).review_count == 1
