"""A maker sends a new invitation link for an order its buyer has not reviewed yet (the mail was lost, the link
expired): the buyer is mailed it, the earlier link stops working, and nothing else changes; a reviewed order, another
maker's order, or a maker without a confirmed address is refused and nothing is written or sent."""
from __future__ import annotations

import html
from datetime import timedelta

import pytest
from sqlalchemy import select

from craftreview.models import Order, as_utc, utcnow
from craftreview.services import account_data, orders
from tests.conftest import PASSWORD, fresh, login, review_input
from tests.mail_helpers import link_in, mails_to
from tests.web.test_abuse_limits import _order, limited_app
from tests.web.test_access_matrix import snapshot
from tests.web.test_invitation_binding import FORM, confirmed, record


@pytest.fixture
def shop(db, make_user, make_maker):
    owner, buyer = make_user("owner"), confirmed(db, make_user("buyer"))
    maker = make_maker(owner)
    return owner, maker, buyer, record(db, owner, maker, buyer.email)


def _renew(client, order_id: int, replaces: str | None = None):
    """What the dashboard's button sends: the order, and the link it replaces (read off the dashboard as shown)."""
    if replaces is None:
        page = client.get("/dashboard").get_data(as_text=True)
        action = page.find(f'action="/dashboard/orders/{order_id}/new-link"')
        replaces = page[action:].split('name="replaces" value="')[1].split('"')[0] if action >= 0 else "0" * 16
    return client.post(f"/dashboard/orders/{order_id}/new-link", data={"replaces": replaces})


def _invitations(db, address: str) -> list:
    return [m for m in mails_to(db, address) if "your order from" in m.subject]


def test_a_new_link_is_mailed_and_works_and_the_earlier_one_stops(app, db, shop):
    owner, _maker, buyer, old_token = shop
    order = db.scalar(select(Order))
    order.expires_at = utcnow() - timedelta(days=1)  # expired: the buyer asked for a new one
    db.commit()
    maker_client, buyer_client = app.test_client(), app.test_client()
    login(maker_client, owner)
    assert _renew(maker_client, order.id).status_code == 302
    dashboard = html.unescape(maker_client.get("/dashboard").get_data(as_text=True))
    assert f"A new invitation for \"Bridle leather wallet\" was queued for {buyer.email}" in dashboard
    new_link = dashboard.split('id="invite-link" class="copy-field" type="text" readonly value="')[1].split('"')[0]
    fresh(db)
    sent = _invitations(db, buyer.email)
    path = new_link[new_link.index("/invite/"):]
    assert len(sent) == 2 and link_in(sent[-1], "/invite/") == path  # the first mail and the new one
    assert sent[-1].subject.startswith("A new link to review") and "the earlier link no\nlonger works" in sent[-1].body
    assert orders.INVITATION_DAYS - 1 <= (as_utc(db.scalar(select(Order.expires_at))) - utcnow()).days
    login(buyer_client, buyer)
    assert buyer_client.get(f"/invite/{old_token}").status_code == 404
    assert buyer_client.post(path, data=FORM).status_code == 302
    fresh(db)
    assert db.scalar(select(Order.used_at)) is not None


def test_the_button_is_offered_on_orders_not_yet_reviewed_only(app, db, shop):
    owner, _maker, buyer, token = shop
    maker_client, buyer_client = app.test_client(), app.test_client()
    login(maker_client, owner)
    order_id = db.scalar(select(Order.id))
    assert f"/dashboard/orders/{order_id}/new-link" in maker_client.get("/dashboard").get_data(as_text=True)
    login(buyer_client, buyer)
    buyer_client.post(f"/invite/{token}", data=FORM)
    assert f"/dashboard/orders/{order_id}/new-link" not in maker_client.get("/dashboard").get_data(as_text=True)


def _refused(app, db, client, order_id: int, status: int, reason: str, address: str,
             replaces: str | None = None) -> None:
    if replaces is None:  # the stamp of the order's current link, as the owner's dashboard would name it
        replaces = orders.link_version(db.get(Order, order_id))
    engine = app.extensions["craftreview.engine"]
    before, mails = snapshot(engine), len(mails_to(db, address))
    response = _renew(client, order_id, replaces)
    assert response.status_code == status
    assert reason in html.unescape(response.get_data(as_text=True))
    assert snapshot(engine) == before and len(mails_to(db, address)) == mails


def test_a_reviewed_order_gets_no_new_link(app, db, shop):
    owner, _maker, buyer, token = shop
    buyer_client, maker_client = app.test_client(), app.test_client()
    login(buyer_client, buyer)
    buyer_client.post(f"/invite/{token}", data=FORM)
    login(maker_client, owner)
    _refused(app, db, maker_client, db.scalar(select(Order.id)), 409, "already reviewed this order", buyer.email)


def test_another_maker_s_order_is_not_found(app, db, shop, make_user, make_maker):
    _owner, _maker, buyer, _token = shop
    rival = make_user("rival")
    make_maker(rival)
    client = app.test_client()
    login(client, rival)
    _refused(app, db, client, db.scalar(select(Order.id)), 404, "not one of this maker's recorded orders", buyer.email)


def test_a_maker_whose_address_is_no_longer_confirmed_sends_nothing(app, db, shop):
    owner, _maker, buyer, _token = shop
    owner.email_confirmed_at = None  # changed its address since, say
    db.commit()
    client = app.test_client()
    login(client, owner)
    _refused(app, db, client, db.scalar(select(Order.id)), 403, "Confirm your email address", buyer.email)


def test_an_order_whose_buyer_deleted_their_account_gets_no_new_link(app, db, shop):
    """Deletion erases the buyer's address on the order: the dashboard used to show the placeholder, with its account
    number, and offer to mail a new link to it."""
    owner, _maker, buyer, _token = shop
    account_data.delete_account(db, buyer, password=PASSWORD, reviews="remove")
    placeholder = db.scalar(select(Order.buyer_email))
    assert placeholder.endswith("@deleted.invalid") and str(buyer.id) in placeholder
    client = app.test_client()
    login(client, owner)
    order_id = db.scalar(select(Order.id))
    page = client.get("/dashboard").get_data(as_text=True)
    assert 'data-label="Buyer"><span class="muted">Account deleted</span>' in page
    assert placeholder not in page and f"/dashboard/orders/{order_id}/new-link" not in page
    _refused(app, db, client, order_id, 409, "deleted their account, so there is nobody to send a link to",
             placeholder)
    assert 'href="/dashboard">Back to your dashboard' in _renew(client, order_id, "0" * 16).get_data(as_text=True)


def test_an_open_invitation_of_a_deleted_buyer_is_not_called_open(app, db, shop):
    """Nobody can redeem it (the link is bound to the erased address, which no account may take), so the dashboard
    used to promise "Open until ..." for a link that works for no one."""
    owner, _maker, buyer, _token = shop
    account_data.delete_account(db, buyer, password=PASSWORD, reviews="remove")
    client = app.test_client()
    login(client, owner)
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Open until" not in page
    assert "Closed: the buyer deleted their account" in page


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_new_links_share_the_maker_s_daily_invitation_budget(database_url, tmp_path, db, make_user, make_maker):
    """Each new link is a mail to a buyer, as an order is: a maker at its limit cannot send more by renewing."""
    app = limited_app(database_url, tmp_path)  # RATELIMIT_INVITATION "2 per day"
    try:
        owner = make_user("maker")
        make_maker(owner)
        client = app.test_client()
        login(client, owner)
        assert client.post("/dashboard", data=_order(0)).status_code == 302
        order_id = db.scalar(select(Order.id))
        assert _renew(client, order_id).status_code == 302
        assert _renew(client, order_id).status_code == 429  # a fresh stamp: refused by the budget, not as a repeat
        assert client.post("/dashboard", data=_order(1)).status_code == 429
    finally:
        app.extensions["craftreview.engine"].dispose()


def test_a_second_click_on_the_same_button_sends_nothing_more(app, db, shop):
    """Both clicks name the link the page showed; the first replaces it, the second finds it gone and sends nothing."""
    owner, _maker, buyer, _token = shop
    client = app.test_client()
    login(client, owner)
    order_id = db.scalar(select(Order.id))
    page = client.get("/dashboard").get_data(as_text=True)
    shown = page.split('name="replaces" value="')[1].split('"')[0]
    assert _renew(client, order_id, shown).status_code == 302
    fresh(db)
    token_hash = db.scalar(select(Order.token_hash))
    second = _renew(client, order_id, shown)
    assert second.status_code == 302
    assert "A new link for this order was sent a moment ago" in html.unescape(
        client.get("/dashboard").get_data(as_text=True))
    fresh(db)
    assert db.scalar(select(Order.token_hash)) == token_hash and len(_invitations(db, buyer.email)) == 2


@pytest.mark.parametrize("replaces", ["", "not a stamp", "0123456789ABCDEF"])
def test_a_form_that_names_no_link_is_refused(app, db, shop, replaces):
    owner, _maker, buyer, _token = shop
    client = app.test_client()
    login(client, owner)
    _refused(app, db, client, db.scalar(select(Order.id)), 400, "did not say which link to replace", buyer.email,
             replaces)


@pytest.mark.parametrize("choice", ["remove", "keep"])
def test_a_reviewed_order_whose_review_left_with_its_buyer_says_so(app, db, shop, choice):
    """The dashboard still read "Reviewed 7 Dec 2026" for an order whose review the buyer removed with their account."""
    owner, maker, buyer, token = shop
    orders.submit_verified_review(db, buyer, token, review_input())
    account_data.delete_account(db, buyer, password=PASSWORD, reviews=choice)
    client = app.test_client()
    login(client, owner)
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Reviewed " in page
    assert ("The review was removed when its buyer deleted their account" in page) is (choice == "remove")
