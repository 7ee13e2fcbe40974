"""Review rules: who may review, one per buyer and maker, edits keep history, withdrawal hides."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview.errors import Conflict, InvalidInput, PermissionDenied
from craftreview.models import IndexOutbox, MakerScoreRow, Order, Review, ReviewRevision, utcnow
from craftreview.services import orders
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.reviews import (
    ORDER_HISTORY_YEARS,
    earliest_order_date,
    edit_review,
    set_withdrawn,
    submit_review,
)
from tests.conftest import review_input


def today() -> date:
    """Read when the test runs, not at import: a run that crosses midnight UTC keeps its boundaries."""
    return utcnow().date()


def earliest() -> date:
    return earliest_order_date(today())


# Dates a parametrized case names relative to the day the test runs (resolved by `on_the_day`).
BEFORE_EARLIEST, TOMORROW, PAST_TWO_YEARS = "earliest-1", "today+1", "today+731"


def on_the_day(value):
    relative = {BEFORE_EARLIEST: lambda: earliest() - timedelta(days=1), TOMORROW: lambda: today() + timedelta(days=1),
                PAST_TWO_YEARS: lambda: today() + timedelta(days=731), "today": today}
    return relative[value]() if value in relative else value


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
    ({"ordered_on": date(1, 1, 1)}, "ordered_on"),
    ({"ordered_on": None, "delivered_on": date(1900, 1, 3)}, "delivered_on"),
    ({"ordered_on": None, "promised_by": date(1900, 1, 3)}, "promised_by"),
    ({"ordered_on": BEFORE_EARLIEST}, "ordered_on"),
    ({"ordered_on": None, "promised_by": PAST_TWO_YEARS}, "promised_by"),
    ({"ordered_on": None, "promised_by": date(9999, 12, 31)}, "promised_by"),
])
def test_invalid_reviews_are_refused_with_the_field_named(db, make_user, make_maker, make_review, overrides, field):
    with pytest.raises(InvalidInput) as err:
        make_review(make_user(), make_maker(), **{key: on_the_day(value) for key, value in overrides.items()})
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


def test_order_dates_reach_back_exactly_the_history_limit(make_user, make_maker, make_review):
    first = earliest()
    review = make_review(make_user(), make_maker(), ordered_on=first, promised_by=first + timedelta(days=9),
                         delivered_on=first + timedelta(days=9))
    day = today()
    assert review.ordered_on == first == date(day.year - ORDER_HISTORY_YEARS, day.month, day.day)


@pytest.mark.parametrize("field, value, message", [
    ("ordered_on", date(1, 1, 1), "The order date must be within the last 10 years."),
    ("delivered_on", date(1900, 1, 3), "The delivery date must be within the last 10 years."),
    ("promised_by", date(9999, 12, 31), "The promised date cannot be more than 2 years ahead."),
])
def test_an_out_of_range_date_is_named_in_the_message(make_user, make_maker, make_review, field, value, message):
    with pytest.raises(InvalidInput) as err:
        make_review(make_user(), make_maker(), **{"ordered_on": None, "promised_by": None, "delivered_on": None,
                                                  field: value})
    assert err.value.message == message


def test_a_promise_up_to_two_years_ahead_is_accepted(make_user, make_maker, make_review):
    review = make_review(make_user(), make_maker(), ordered_on=None, delivered_on=None,
                         promised_by=today() + timedelta(days=730))
    assert review.promised_by == today() + timedelta(days=730)


def test_the_29th_of_february_reaches_back_to_the_28th():
    assert earliest_order_date(date(2028, 2, 29)) == date(2018, 2, 28)


def test_an_old_review_can_still_be_edited_with_the_dates_it_was_written_with(db, make_user, make_maker):
    """The history limit counts from the day the review was written, so its own dates never lock it."""
    buyer, written = make_user(), utcnow() - timedelta(days=365 * 9)
    ordered = earliest_order_date(written.date())
    review = submit_review(db, buyer, make_maker(), review_input(
        ordered_on=ordered, promised_by=ordered + timedelta(days=20), delivered_on=ordered + timedelta(days=30)),
        now=written)
    edit_review(db, buyer, review, review_input(title="Still going strong", ordered_on=ordered,
                                                promised_by=ordered + timedelta(days=20),
                                                delivered_on=ordered + timedelta(days=30)))
    assert review.title == "Still going strong" and review.ordered_on == ordered


def test_a_verified_review_counts_the_history_limit_from_its_order(db, make_user, make_maker):
    """An order recorded at the limit stays redeemable (and its review editable) after the limit moves on."""
    owner, buyer = make_user("owner"), make_user("buyer")
    buyer.email_confirmed_at = utcnow()
    db.commit()
    recorded = utcnow() - timedelta(days=60)
    ordered = earliest_order_date(recorded.date())
    _order, token = orders.record_order(
        db, owner, make_maker(owner), orders.OrderInput(
            buyer_email=buyer.email, item="Oak stool", order_type="stock", price_band="25-100", ordered_on=ordered),
        OutboxMailBackend(), invite_url=lambda t: f"/invite/{t}", now=recorded)
    review = orders.submit_verified_review(db, buyer, token, review_input(delivered_on=today() - timedelta(days=3)))
    edit_review(db, buyer, review, review_input(title="Still a sturdy stool", delivered_on=today() - timedelta(days=3)))
    assert review.ordered_on == ordered and review.title == "Still a sturdy stool"


@pytest.mark.parametrize("ordered_on, promised_by, field", [
    (date(1, 1, 1), None, "ordered_on"),
    (BEFORE_EARLIEST, None, "ordered_on"),
    (TOMORROW, None, "ordered_on"),
    ("today", PAST_TWO_YEARS, "promised_by"),
])
def test_an_order_with_an_out_of_range_date_is_refused_and_not_recorded(db, make_user, make_maker, ordered_on,
                                                                        promised_by, field):
    owner = make_user("owner")
    with pytest.raises(InvalidInput) as err:
        orders.record_order(db, owner, make_maker(owner), orders.OrderInput(
            buyer_email="someone@example.com", item="Oak stool", order_type="stock", price_band="25-100",
            ordered_on=on_the_day(ordered_on), promised_by=on_the_day(promised_by)), OutboxMailBackend(), invite_url=lambda t: f"/invite/{t}")
    assert err.value.field == field
    assert db.scalar(select(func.count(Order.id))) == 0
