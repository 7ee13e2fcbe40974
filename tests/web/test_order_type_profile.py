"""A maker's order types follow its profile: a maker whose profile says it takes no custom orders cannot record one
(its page would say "no custom orders" beside a custom-order record it made itself), and the profile's wording is
about now, so a buyer's earlier custom order on the record does not contradict it."""
from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview.errors import InvalidInput, problems_of
from craftreview.models import Order
from craftreview.services import orders
from craftreview.services.mail import OutboxMailBackend
from tests.conftest import fresh, login

TODAY = date.today()


def _order(order_type: str, email: str = "buyer@example.com") -> orders.OrderInput:
    return orders.OrderInput(buyer_email=email, item="Oak stool", order_type=order_type, price_band="100-300",
                             ordered_on=TODAY - timedelta(days=20), promised_by=TODAY - timedelta(days=5))


def _record(db, owner, maker, order_type: str):
    return orders.record_order(db, owner, maker, _order(order_type), OutboxMailBackend(),
                               invite_url=lambda token: f"/invite/{token}")


def test_a_stock_only_maker_recording_a_custom_order_is_told_why_and_nothing_is_written(db, make_user, make_maker):
    owner = make_user("owner")
    maker = make_maker(owner, accepts_custom=False)
    with pytest.raises(InvalidInput) as refused:
        _record(db, owner, maker, "custom")
    assert [(p.field, p.message) for p in problems_of(refused.value)] == [("order_type", orders.STOCK_ONLY_MESSAGE)]
    fresh(db)
    assert db.scalar(select(func.count(Order.id))) == 0
    order, _ = _record(db, owner, maker, "stock")  # the same order as a stock item is taken
    assert order.order_type == "stock"


def test_a_maker_taking_custom_orders_records_them(db, make_user, make_maker):
    owner = make_user("owner")
    maker = make_maker(owner, accepts_custom=True)
    order, _ = _record(db, owner, maker, "custom")
    assert order.order_type == "custom"


def test_the_dashboard_shows_the_refusal_beside_the_order_type_and_keeps_what_was_typed(client, db, make_user,
                                                                                      make_maker):
    owner = make_user("owner")
    make_maker(owner, accepts_custom=False)
    login(client, owner)
    response = client.post("/dashboard", data={
        "buyer_email": "buyer@example.com", "item": "Oak stool", "order_type": "custom", "price_band": "100-300",
        "ordered_on": str(TODAY - timedelta(days=20))})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    beside = page[page.index('id="order_type"'):page.index('id="price_band"')]
    assert orders.STOCK_ONLY_MESSAGE in beside and orders.STOCK_ONLY_HINT not in beside  # the error, not both
    assert 'value="buyer@example.com"' in page
    assert db.scalar(select(func.count(Order.id))) == 0
    assert orders.STOCK_ONLY_HINT in html.unescape(client.get("/dashboard").get_data(as_text=True))  # said up front


def test_the_stock_only_hint_and_refusal_link_to_the_box_they_name(client, make_user, make_maker):
    """They said to tick a box "under Edit profile", which the dashboard did not link to."""
    owner = make_user("owner")
    maker = make_maker(owner, accepts_custom=False)
    login(client, owner)
    to_the_box = f'href="/makers/{maker.slug}/edit#accepts_custom">Edit profile to accept custom orders</a>'
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert to_the_box in dashboard and f'href="/makers/{maker.slug}/edit">Edit profile</a>' in dashboard
    refused = client.post("/dashboard", data={
        "buyer_email": "buyer@example.com", "item": "Oak stool", "order_type": "custom", "price_band": "100-300",
        "ordered_on": str(TODAY - timedelta(days=20))}).get_data(as_text=True)
    beside = refused[refused.index('id="order_type"'):refused.index('id="price_band"')]
    assert orders.STOCK_ONLY_MESSAGE in html.unescape(beside) and to_the_box in beside
    assert 'id="accepts_custom"' in client.get(f"/makers/{maker.slug}/edit").get_data(as_text=True)


def test_a_maker_taking_custom_orders_sees_no_stock_only_hint(client, make_user, make_maker):
    owner = make_user("owner")
    make_maker(owner, accepts_custom=True)
    login(client, owner)
    dashboard = html.unescape(client.get("/dashboard").get_data(as_text=True))
    assert orders.STOCK_ONLY_HINT not in dashboard and "to accept custom orders</a>" not in dashboard


@pytest.mark.parametrize("accepts_custom, words, not_words", [
    (False, "Not taking custom orders", "Accepts custom orders"),
    (True, "Accepts custom orders", "Not taking custom orders")])
def test_the_profile_says_what_the_maker_takes_now_beside_a_buyer_s_custom_order(client, make_user, make_maker,
                                                                              make_review, accepts_custom, words,
                                                                              not_words):
    maker = make_maker(accepts_custom=accepts_custom)
    make_review(make_user("buyer"), maker, order_type="custom")  # a buyer's own account of an earlier commission
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert words in page and not_words not in page
    assert "Stock items only" not in page
    assert "<dt>Custom orders</dt>" in page  # the custom order stays on the delivery record


def test_a_commission_recorded_while_taken_can_be_sent_again_once_the_maker_stops(db, make_user, make_maker):
    """A lost link: the same order (buyer, item, date) recorded again keeps its one record and gets a fresh link; a
    custom one recorded while the profile took commissions stays custom after the profile stops (it was refused, and
    recording it as stock, as the message then suggested, rewrote its type)."""
    owner = make_user("owner")
    maker = make_maker(owner, accepts_custom=True)
    first, old_token = _record(db, owner, maker, "custom")
    maker.accepts_custom = False
    db.commit()
    again, new_token = _record(db, owner, maker, "custom")
    fresh(db)
    assert again.id == first.id and new_token != old_token
    assert db.get(Order, first.id).order_type == "custom" and db.scalar(select(func.count(Order.id))) == 1
    with pytest.raises(InvalidInput):  # another commission is still refused
        orders.record_order(db, owner, maker, orders.OrderInput(
            buyer_email="other@example.com", item="Oak stool", order_type="custom", price_band="100-300",
            ordered_on=TODAY - timedelta(days=20)), OutboxMailBackend(), invite_url=lambda token: f"/invite/{token}")
