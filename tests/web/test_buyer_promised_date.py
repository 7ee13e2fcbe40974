"""A verified review's promised date is the buyer's: the form offers the maker's recorded date, the buyer may give
the date they were told instead, and that one is counted on the maker page and by the model; the maker's record is
shown beside it on the review's own page, and an edit keeps the earlier date in the history."""
from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview.models import Order, Review, ReviewRevision
from craftreview.services import moderation, orders
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.reviews import set_withdrawn
from craftreview.services.scores import load_signals
from craftreview.web.filters import format_date
from tests.conftest import fresh, login
from tests.web.test_invitation_binding import FORM, confirmed

TODAY = date.today()
ORDERED = TODAY - timedelta(days=60)
MAKER_PROMISE = ORDERED + timedelta(days=300)  # set far out, every order would count as on time
BUYER_PROMISE = ORDERED + timedelta(days=14)  # what the buyer was told
DELIVERED = ORDERED + timedelta(days=40)


@pytest.fixture
def invited(db, make_user, make_maker):
    """A maker that recorded a far-off promise, its confirmed buyer, and the invitation's token."""
    owner, buyer = make_user("owner"), confirmed(db, make_user("buyer"))
    maker = make_maker(owner)
    data = orders.OrderInput(buyer_email=buyer.email, item="Walnut tray", order_type="custom", price_band="25-100",
                             ordered_on=ORDERED, promised_by=MAKER_PROMISE)
    _order, token = orders.record_order(db, owner, maker, data, OutboxMailBackend(),
                                        invite_url=lambda t: f"http://localhost/invite/{t}")
    return maker, buyer, token


def _post(client, token, **dates):
    data = dict(FORM, delivered_on=str(DELIVERED), **{k: str(v) if v else "" for k, v in dates.items()})
    return client.post(f"/invite/{token}", data=data)


def test_the_form_offers_the_maker_s_recorded_promise_and_says_the_buyer_s_date_counts(client, invited):
    _maker, buyer, token = invited
    login(client, buyer)
    page = html.unescape(client.get(f"/invite/{token}").get_data(as_text=True))
    assert f'name="promised_by" type="date" value="{MAKER_PROMISE.isoformat()}"' in page
    assert "your date is the one that counts" in page


def test_the_buyer_s_promised_date_is_stored_and_counted_and_the_maker_s_record_kept(client, db, invited):
    maker, buyer, token = invited
    login(client, buyer)
    assert _post(client, token, promised_by=BUYER_PROMISE).status_code == 302
    fresh(db)
    review = db.scalar(select(Review))
    assert review.promised_by == BUYER_PROMISE and review.verified
    assert db.scalar(select(Order.promised_by)) == MAKER_PROMISE  # the maker's record is not rewritten
    # The maker page counts the order late against the buyer's date (it was early against the maker's).
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert "<strong>0 of 1</strong> on time" in page
    # The model reads the same date.
    signals, _ = load_signals(db, [maker.id])
    assert [s.promised_on for s in signals] == [BUYER_PROMISE]
    # The maker's dashboard names the buyer's date beside its own record.
    login(client, maker.owner)
    dashboard = html.unescape(client.get("/dashboard").get_data(as_text=True))
    assert f"the buyer's date, counted: {format_date(BUYER_PROMISE)}" in dashboard
    login(client, buyer)
    # The review's own page names both dates; the maker page's list names the counted one only.
    shown = html.unescape(client.get(f"/reviews/{review.id}").get_data(as_text=True))
    assert "(the buyer's date; the maker recorded" in shown
    assert "(the buyer's date" not in html.unescape(page)


@pytest.mark.parametrize("dates", [{"promised_by": None}, {}], ids=["left empty", "not sent"])
def test_no_date_from_the_buyer_keeps_the_maker_s(client, db, invited, dates):
    maker, buyer, token = invited
    login(client, buyer)
    assert _post(client, token, **dates).status_code == 302
    fresh(db)
    review = db.scalar(select(Review))
    assert review.promised_by == MAKER_PROMISE
    assert "(the buyer's date" not in html.unescape(client.get(f"/reviews/{review.id}").get_data(as_text=True))
    login(client, maker.owner)
    assert "the buyer's date, counted" not in html.unescape(client.get("/dashboard").get_data(as_text=True))


def test_a_buyer_s_date_before_the_order_is_refused_and_nothing_is_written(client, db, invited):
    _maker, buyer, token = invited
    login(client, buyer)
    response = _post(client, token, promised_by=ORDERED - timedelta(days=1))
    assert response.status_code == 400
    assert "cannot be before the order date" in html.unescape(response.get_data(as_text=True))
    fresh(db)
    assert db.scalar(select(func.count(Review.id))) == 0
    assert db.scalar(select(Order.used_at)) is None  # the invitation still works


def test_an_edit_corrects_the_promised_date_and_the_history_keeps_the_earlier_one(client, db, invited):
    _maker, buyer, token = invited
    login(client, buyer)
    _post(client, token)
    fresh(db)
    review = db.scalar(select(Review))
    edit = dict(FORM, delivered_on=str(DELIVERED), promised_by=str(BUYER_PROMISE))
    assert client.post(f"/reviews/{review.id}/edit", data=edit).status_code == 302
    fresh(db)
    review = db.get(Review, review.id)
    assert review.promised_by == BUYER_PROMISE
    assert db.scalar(select(ReviewRevision.promised_by)) == MAKER_PROMISE
    page = html.unescape(client.get(f"/reviews/{review.id}").get_data(as_text=True))
    history = page[page.index('id="history"'):]
    assert "promised by" in history and "delivered" in history
    # Emptied in a later edit, the date is the maker's record again, not lost.
    edit["promised_by"] = ""
    assert client.post(f"/reviews/{review.id}/edit", data=edit).status_code == 302
    fresh(db)
    assert db.get(Review, review.id).promised_by == MAKER_PROMISE


def test_a_buyer_s_date_later_than_the_maker_s_record_is_refused_and_nothing_is_written(client, db, invited):
    """A later date would only flatter a record the maker never claimed (a late order shown early)."""
    _maker, buyer, token = invited
    login(client, buyer)
    response = _post(client, token, promised_by=MAKER_PROMISE + timedelta(days=1))
    assert response.status_code == 400
    assert "cannot be later than the one the maker recorded" in html.unescape(response.get_data(as_text=True))
    fresh(db)
    assert db.scalar(select(func.count(Review.id))) == 0 and db.scalar(select(Order.used_at)) is None
    assert _post(client, token, promised_by=MAKER_PROMISE).status_code == 302  # the maker's own date is fine
    fresh(db)
    review = db.scalar(select(Review))
    edit = dict(FORM, delivered_on=str(DELIVERED), promised_by=str(MAKER_PROMISE + timedelta(days=30)))
    assert client.post(f"/reviews/{review.id}/edit", data=edit).status_code == 400
    fresh(db)
    assert db.get(Review, review.id).promised_by == MAKER_PROMISE and db.get(Review, review.id).revision_count == 0


def test_the_hint_says_what_the_field_holds(client, db, make_user, make_maker):
    """Filled in from the maker's record, it says so; with no recorded date, it says there is none; on an edit, the
    field holds the buyer's own date and the hint names the maker's."""
    owner, buyer = make_user("owner"), confirmed(db, make_user("buyer"))
    maker = make_maker(owner)
    data = orders.OrderInput(buyer_email=buyer.email, item="Oak stool", order_type="stock", price_band="25-100",
                             ordered_on=ORDERED)
    _order, token = orders.record_order(db, owner, maker, data, OutboxMailBackend(), invite_url=lambda t: f"/i/{t}")
    login(client, buyer)
    page = html.unescape(client.get(f"/invite/{token}").get_data(as_text=True))
    assert "The maker recorded no promised date" in page and "Filled in from the maker's record" not in page
    _post(client, token, promised_by=BUYER_PROMISE)
    fresh(db)
    review = db.scalar(select(Review))
    assert review.promised_by == BUYER_PROMISE  # with no record, any date in range is the buyer's to give
    assert "The maker recorded no promised date" in html.unescape(
        client.get(f"/reviews/{review.id}/edit").get_data(as_text=True))


def test_the_edit_form_names_the_maker_s_date_beside_the_buyer_s(client, db, invited):
    _maker, buyer, token = invited
    login(client, buyer)
    _post(client, token, promised_by=BUYER_PROMISE)
    fresh(db)
    review = db.scalar(select(Review))
    page = html.unescape(client.get(f"/reviews/{review.id}/edit").get_data(as_text=True))
    assert f'value="{BUYER_PROMISE.isoformat()}"' in page
    assert f"may be earlier than the maker's ({format_date(MAKER_PROMISE)}), not later" in page
    assert "Filled in from the maker's record" not in page


@pytest.mark.parametrize("out_of_view", ["hidden", "withdrawn"])
def test_the_dashboard_names_no_buyer_s_date_from_a_review_that_is_not_public(client, db, make_user, invited,
                                                                              out_of_view):
    """A hidden or withdrawn review counts nowhere and is shown to nobody but its author and moderators: the
    dashboard said "the buyer's date, counted: …" from it, which was neither true nor the maker's to read."""
    maker, buyer, token = invited
    login(client, buyer)
    assert _post(client, token, promised_by=BUYER_PROMISE).status_code == 302
    fresh(db)
    review = db.scalar(select(Review))
    if out_of_view == "hidden":
        moderation.hide_review(db, make_user("mod", moderator=True), review, "spam")
    else:
        set_withdrawn(db, buyer, review, True)
    login(client, maker.owner)
    dashboard = html.unescape(client.get("/dashboard").get_data(as_text=True))
    assert "Reviewed " in dashboard  # the order is still shown as reviewed: the link is spent
    assert "the buyer's date" not in dashboard and format_date(BUYER_PROMISE) not in dashboard
