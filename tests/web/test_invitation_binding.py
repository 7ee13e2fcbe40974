"""Invitations belong to the invited buyer: only the account whose confirmed address is the order's
buyer address redeems one; everybody else gets a clear refusal and nothing is written."""
from __future__ import annotations

import html
import re
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from sqlalchemy import func, select

from craftreview.errors import Conflict, InvalidInput, PermissionDenied
from craftreview.models import Order, Review, utcnow
from craftreview.services import orders
from craftreview.services.mail import OutboxMailBackend
from tests.conftest import PASSWORD, fresh, login, review_input
from tests.mail_helpers import link_in, mails_to
from tests.web import other_tab
from tests.web.test_access_matrix import snapshot

TODAY = date.today()
FORM = {"craftsmanship": "5", "consistency": "5", "delivery": "4", "title": "Exactly as pictured",
        "body": "Tight stitching and the colour matches the photos.", "delivered_on": str(TODAY - timedelta(days=2))}


def confirmed(db, user):
    user.email_confirmed_at = utcnow()
    db.commit()
    return user


def record(db, owner, maker, buyer_email: str, item: str = "Bridle leather wallet") -> str:
    data = orders.OrderInput(buyer_email=buyer_email, item=item, order_type="stock", price_band="25-100",
                             ordered_on=TODAY - timedelta(days=40))
    _order, token = orders.record_order(db, owner, maker, data, OutboxMailBackend(),
                                        invite_url=lambda t: f"http://localhost/invite/{t}")
    return token


@pytest.fixture
def shop(db, make_user, make_maker):
    """A maker, its invited buyer (confirmed) and an open invitation for the buyer's address."""
    owner, buyer = make_user("owner"), confirmed(db, make_user("buyer"))
    maker = make_maker(owner)
    return owner, maker, buyer, record(db, owner, maker, buyer.email)


def test_invited_buyer_with_confirmed_address_redeems_the_invitation(client, db, shop):
    _owner, maker, buyer, token = shop
    login(client, buyer)
    assert b"Bridle leather wallet" in client.get(f"/invite/{token}").data
    assert client.post(f"/invite/{token}", data=FORM).status_code == 302
    fresh(db)
    review = db.scalar(select(Review))
    assert review.author_id == buyer.id and review.verified
    badge = 'class="badge verified"'  # the mark itself, not the "Verified orders only" filter label
    assert badge in client.get(f"/makers/{maker.slug}").get_data(as_text=True)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_another_account_is_told_the_link_belongs_to_another_address_and_nothing_is_written(
        client, app, db, make_user, shop, method):
    _owner, _maker, _buyer, token = shop
    login(client, confirmed(db, make_user("friend")))
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    response = client.open(f"/invite/{token}", method=method, data=FORM if method == "POST" else None)
    page = response.get_data(as_text=True)
    assert response.status_code == 403
    assert "This invitation is for someone else" in page and "belongs to another email address" in page
    assert "Bridle leather wallet" not in page  # the order stays private to the buyer and the maker
    assert snapshot(engine) == before


def test_the_refusal_offers_to_log_out_and_come_back_to_the_invitation_as_the_buyer(client, db, make_user, shop):
    _owner, _maker, buyer, token = shop
    login(client, confirmed(db, make_user("friend")))
    page = client.get(f"/invite/{token}").get_data(as_text=True)
    switch = re.search(r'<form method="post" action="([^"]+)">\s*<input type="hidden" name="csrf_token"[^>]*>\s*'
                       r'<button type="submit">Log out, then log in with that address</button>', page)
    assert switch, page
    out = client.post(html.unescape(switch.group(1)))
    assert out.status_code == 302 and out.headers["Location"] == f"/invite/{token}"
    login(client, buyer)
    assert client.post(f"/invite/{token}", data=FORM).status_code == 302
    fresh(db)
    assert db.scalar(select(Review)).author_id == buyer.id


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_matching_but_unconfirmed_account_is_asked_to_confirm_first_and_nothing_is_written(
        client, app, db, make_user, make_maker, method):
    owner, buyer = make_user("owner"), make_user("buyer")
    token = record(db, owner, make_maker(owner), buyer.email)
    login(client, buyer)
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    response = client.open(f"/invite/{token}", method=method, data=FORM if method == "POST" else None)
    page = response.get_data(as_text=True)
    assert response.status_code == 403
    assert "Confirm your email address first" in page and 'href="/account"' in page
    assert page.count("Confirm your email address first") == 1  # the heading, not repeated as the message's opening
    assert "This invitation is for your address" in page
    assert snapshot(engine) == before


def test_anonymous_visitor_is_sent_to_log_in_and_nothing_is_written(client, app, shop):
    _owner, _maker, _buyer, token = shop
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    for response in (client.get(f"/invite/{token}"), client.post(f"/invite/{token}", data=FORM)):
        assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert snapshot(engine) == before
    login_page = client.get(f"/invite/{token}", follow_redirects=True).get_data(as_text=True)
    assert ("To write your verified review through this link, log in with the email address the maker recorded for "
            "your order") in html.unescape(login_page)  # not a bare "Please log in to continue."
    assert "Please log in to continue." not in login_page


def test_maker_cannot_record_an_order_for_its_own_address(client, db, make_user, make_maker):
    owner = confirmed(db, make_user("owner"))
    make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data={
        "buyer_email": owner.email.upper(), "item": "Walnut dining table", "order_type": "custom",
        "price_band": "over1000", "ordered_on": str(TODAY - timedelta(days=5))})
    assert response.status_code == 400
    assert "That is your own address" in response.get_data(as_text=True)
    assert db.scalar(select(func.count(Order.id))) == 0


ORDER_FORM = {"buyer_email": "customer@example.net", "item": "Walnut dining table", "order_type": "custom",
              "price_band": "over1000", "ordered_on": str(TODAY - timedelta(days=5))}


def test_an_unconfirmed_maker_is_told_to_confirm_before_recording_orders_and_nothing_is_sent(app, client, db,
                                                                                             make_user, make_maker):
    """Each order mails a stranger in the site's name: an account nobody has confirmed could send any item text to
    any address (an audit did, with a phishing link in the item). The dashboard says so up front; a submission is
    refused with the reason and writes nothing, no mail included; the service refuses it too."""
    owner = make_user("owner")
    maker = make_maker(owner, confirmed_owner=False)
    login(client, owner)
    assert "Confirm your email address before recording orders" in client.get("/dashboard").get_data(as_text=True)
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    response = client.post("/dashboard", data=ORDER_FORM)
    assert response.status_code == 403 and orders.UNCONFIRMED_SENDER in html.unescape(response.get_data(as_text=True))
    assert snapshot(engine) == before
    with pytest.raises(PermissionDenied, match="Confirm your email address"):
        record(db, owner, maker, "customer@example.net")
    assert snapshot(engine) == before
    confirmed(db, owner)
    assert client.post("/dashboard", data=ORDER_FORM).status_code == 302
    fresh(db)
    assert db.scalar(select(func.count(Order.id))) == 1


@pytest.mark.parametrize("item", ["Refund pending: log in at http://evil.example.net/login", "Walnut table, see "
                                  "www.example.org", "Table (details: shop.example.com)", "Bowl HTTPS://x.example/y"])
def test_an_item_name_with_a_web_address_is_refused(client, db, make_user, make_maker, item):
    """The invitation mail quotes the item to the buyer, where mail programs turn an address into a link."""
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data=dict(ORDER_FORM, item=item))
    assert response.status_code == 400 and orders.ITEM_LINK_MESSAGE in html.unescape(response.get_data(as_text=True))
    assert db.scalar(select(func.count(Order.id))) == 0


@pytest.mark.parametrize("item", ["Oak table, 1.2m x 0.8m", "Mug set v2.0, glaze no. 3", "Bowl/plate set, dia. 20cm"])
def test_item_names_with_dots_and_slashes_are_kept(client, db, make_user, make_maker, item):
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    assert client.post("/dashboard", data=dict(ORDER_FORM, item=item)).status_code == 302
    fresh(db)
    assert db.scalar(select(Order.item)) == item


def test_own_address_is_refused_by_the_service_however_it_is_written(db, make_user, make_maker):
    owner = make_user("owner")
    maker = make_maker(owner)
    with pytest.raises(InvalidInput) as refused:
        record(db, owner, maker, f"  {owner.email.upper()} ")
    assert refused.value.field == "buyer_email"


def test_buyer_address_matches_trimmed_and_case_folded(db, make_user, make_maker):
    owner, buyer = make_user("owner"), confirmed(db, make_user("buyer"))
    token = record(db, owner, make_maker(owner), f"  {buyer.email.upper()}  ")
    review = orders.submit_verified_review(db, buyer, token, review_input())
    assert review.order_id is not None


@pytest.mark.parametrize("account, recorded", [("idn@bücher.example", "idn@xn--bcher-kva.example"),
                                               ("idn@xn--bcher-kva.example", "IDN@Bücher.Example")])
def test_an_internationalised_domain_matches_in_either_form(db, make_user, make_maker, account, recorded):
    owner, buyer = make_user("owner"), make_user("buyer")
    buyer.email = account  # the model keeps its key in step
    confirmed(db, buyer)
    token = record(db, owner, make_maker(owner), recorded)
    review = orders.submit_verified_review(db, buyer, token, review_input())
    assert review.order_id is not None and review.author_id == buyer.id


def test_one_verified_review_per_order(client, db, shop):
    _owner, _maker, buyer, token = shop
    login(client, buyer)
    client.post(f"/invite/{token}", data=FORM)
    second = client.post(f"/invite/{token}", data=dict(FORM, title="Once more"))
    assert second.status_code == 409  # the edit form of the first, with the text typed (the test below)
    assert "already been used" in client.get(f"/invite/{token}").get_data(as_text=True)
    assert db.scalar(select(func.count(Review.id))) == 1


def test_a_verified_review_sent_again_from_a_second_tab_comes_back_as_the_edit_form_with_the_text_typed(
        client, app, db, shop):
    """The invitation was spent by the first tab: the second tab's text used to be lost behind 'already been used'."""
    _owner, _maker, buyer, token = shop
    login(client, buyer)
    assert client.post(f"/invite/{token}", data=FORM).status_code == 302
    review_id = db.scalar(select(Review.id))
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    again = client.post(f"/invite/{token}", data=dict(FORM, title="Typed in the second tab",
                                                      body="Every stitch of this was typed in the other tab."))
    page = html.unescape(again.get_data(as_text=True))
    assert again.status_code == 409 and "already written your verified review through this invitation" in page
    assert "Typed in the second tab" in page and "Every stitch of this was typed in the other tab." in page
    assert f'action="/reviews/{review_id}/edit"' in page and "Bridle leather wallet" in page
    assert snapshot(engine) == before
    assert client.get(f"/invite/{token}").status_code == 404  # opening the spent link still says so


def test_two_tabs_sent_at_the_same_instant_get_what_tabs_sent_one_after_the_other_get(client, app, db, monkeypatch,
                                                                                       shop):
    """Both tabs pass the view's check; the other tab's review lands before this one's write. This tab used to get
    its form back, 400, saying the order was reviewed, rather than the edit form that a later tab gets."""
    _owner, _maker, buyer, token = shop
    login(client, buyer)
    other_tab.lands_first(monkeypatch, orders, "submit_verified_review")
    response = client.post(f"/invite/{token}", data=dict(FORM, title=other_tab.TYPED_TITLE))
    other_tab.check_edit_form_with_typed_text(db, response, "already written your verified review through this "
                                                            "invitation")


def test_a_spent_invitation_sent_by_another_account_is_still_refused_as_used(client, db, make_user, shop):
    _owner, _maker, buyer, token = shop
    login(client, buyer)
    client.post(f"/invite/{token}", data=FORM)
    login(client, confirmed(db, make_user("friend")))
    again = client.post(f"/invite/{token}", data=dict(FORM, title="Not mine"))
    assert again.status_code == 404 and "already been used" in again.get_data(as_text=True)


def test_verified_mark_needs_the_authors_address_to_be_confirmed(client, db, shop):
    """An author whose confirmation lapsed (a changed address) keeps the review, not the mark."""
    _owner, maker, buyer, token = shop
    review = orders.submit_verified_review(db, buyer, token, review_input(title="Wallet as pictured"))
    badge = 'class="badge verified"'  # the mark itself, not the "Verified orders only" filter label
    assert badge in client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    buyer.email_confirmed_at = None
    db.commit()
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert "Wallet as pictured" in page and badge not in page
    assert badge not in client.get(f"/reviews/{review.id}").get_data(as_text=True)
    fresh(db)
    assert review.has_order and not review.verified


NOTE = "counts as a verified order"


def _note_in(page: str) -> bool:
    """The author-only note, with its link to the account page (where the confirmation link is resent)."""
    return NOTE in page and re.search(r'is not confirmed\.[^<]*<a href="/account">', page) is not None


def test_author_whose_address_is_unconfirmed_is_told_why_their_order_backed_review_has_no_mark(
        client, db, make_user, make_review, shop):
    _owner, maker, buyer, token = shop
    review = orders.submit_verified_review(db, buyer, token, review_input(title="Wallet as pictured"))
    buyer.email_confirmed_at = None  # the address changed since
    db.commit()
    login(client, buyer)
    for path in (f"/reviews/{review.id}", "/me/reviews"):
        assert _note_in(client.get(path).get_data(as_text=True)), path
    login(client, confirmed(db, make_user("stranger")))
    assert NOTE not in client.get(f"/reviews/{review.id}").get_data(as_text=True)
    client.post("/logout", data={})
    assert NOTE not in client.get(f"/reviews/{review.id}").get_data(as_text=True)


def test_no_note_for_a_confirmed_author_or_a_review_without_an_order(client, db, make_user, make_maker, make_review,
                                                                     shop):
    _owner, _maker, buyer, token = shop
    review = orders.submit_verified_review(db, buyer, token, review_input(title="Wallet as pictured"))
    plain_author = make_user("plain")  # unconfirmed, but the review has no order behind it
    plain = make_review(plain_author, make_maker(name="Other Studio"))
    login(client, buyer)
    for path in (f"/reviews/{review.id}", "/me/reviews"):
        assert NOTE not in client.get(path).get_data(as_text=True), path
    login(client, plain_author)
    for path in (f"/reviews/{plain.id}", "/me/reviews"):
        assert NOTE not in client.get(path).get_data(as_text=True), path


def test_home_page_gives_the_mark_only_while_the_authors_address_is_confirmed(app, client, db, shop):
    _owner, _maker, buyer, token = shop
    orders.submit_verified_review(db, buyer, token, review_input(title="Wallet as pictured"))
    badge = 'class="badge verified"'
    assert badge in client.get("/").get_data(as_text=True)
    buyer.email_confirmed_at = None
    db.commit()
    app.extensions.pop("craftreview.home_cache", None)  # the home page's 30-second copy
    page = client.get("/").get_data(as_text=True)
    assert "Wallet as pictured" in page and badge not in page


def test_verified_filter_and_counts_leave_out_reviews_whose_authors_address_is_unconfirmed(client, db, shop):
    """The "Verified orders only" filter and the verified counts follow the mark, not the bare order."""
    _owner, maker, buyer, token = shop
    orders.submit_verified_review(db, buyer, token, review_input(title="Wallet as pictured"))
    buyer.email_confirmed_at = None  # the address changed since: the review keeps its order, not the mark
    db.commit()
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert "Verified orders only (0)" in page
    filtered = client.get(f"/makers/{maker.slug}?verified=1").get_data(as_text=True)
    assert "Wallet as pictured" not in filtered
    assert "1 review, 0 from verified orders" in client.get(f"/compare?makers={maker.slug}").get_data(as_text=True)


def _register_through_login(client, next_path: str, email: str):
    """Follow the login page's "Create an account" link as it is drawn, and register there."""
    login_page = client.get(f"/login?next={quote(next_path, safe='')}").get_data(as_text=True)
    register_href = html.unescape(re.search(r'href="([^"]*)">Create an account', login_page).group(1))
    assert client.get(register_href).status_code == 200
    return client.post(register_href, data={"email": email, "display_name": "Ines", "password": PASSWORD,
                                            "confirm": PASSWORD})


def test_invited_buyer_without_an_account_registers_confirms_and_lands_back_on_the_invitation(
        client, db, make_user, make_maker):
    owner = make_user("owner")
    maker = make_maker(owner)
    token = record(db, owner, maker, "ines@example.com")
    to_login = client.get(f"/invite/{token}")
    assert to_login.status_code == 302
    registered = _register_through_login(client, f"/invite/{token}", "ines@example.com")
    assert registered.status_code == 302 and registered.headers["Location"] == f"/invite/{token}"
    confirm_path = link_in(mails_to(db, "ines@example.com")[-1], "/confirm-email/")
    assert "Confirm my email address" in client.get(confirm_path).get_data(as_text=True)
    confirmed_response = client.post(confirm_path)
    assert confirmed_response.headers["Location"] == f"/invite/{token}"
    page = client.get(f"/invite/{token}")
    assert page.status_code == 200 and "Bridle leather wallet" in page.get_data(as_text=True)
    assert client.post(f"/invite/{token}", data=FORM).status_code == 302
    fresh(db)
    review = db.scalar(select(Review))
    assert review.order_id is not None and review.verified


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/x", "/\\evil.example", "javascript:alert(1)"])
def test_registration_never_remembers_a_destination_off_the_site(client, db, target):
    registered = _register_through_login(client, target, "ines@example.com")
    assert registered.status_code == 302 and registered.headers["Location"] == "/"
    confirmed_response = client.post(link_in(mails_to(db, "ines@example.com")[-1], "/confirm-email/"))
    assert confirmed_response.headers["Location"] == "/account"


def _header_link(page: str, name: str) -> str:
    return html.unescape(re.search(rf'<a (?:class="[^"]*" )?href="([^"]*)">{name}</a>', page).group(1))


def test_header_sign_up_brings_a_visitor_back_to_the_page_they_were_on(client, db, make_user, make_maker):
    maker = make_maker(make_user("owner"))
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    sign_up = _header_link(page, "Sign up")
    assert sign_up == f"/register?next=/makers/{maker.slug}"
    assert _header_link(page, "Log in") == f"/login?next=/makers/{maker.slug}"
    registered = client.post(sign_up, data={"email": "ines@example.com", "display_name": "Ines",
                                            "password": PASSWORD, "confirm": PASSWORD})
    assert registered.headers["Location"] == f"/makers/{maker.slug}"


def test_header_links_on_the_home_page_carry_no_destination(client):
    page = client.get("/").get_data(as_text=True)
    assert _header_link(page, "Sign up") == "/register"
    assert _header_link(page, "Log in") == "/login"


def test_the_same_order_recorded_again_keeps_one_record_and_only_the_newest_link_works(client, db, shop):
    owner, maker, buyer, first = shop
    second = record(db, owner, maker, buyer.email.upper())  # a lost link: the same order, typed again
    fresh(db)
    assert db.scalar(select(func.count(Order.id))) == 1
    login(client, buyer)
    assert client.get(f"/invite/{first}").status_code == 404
    assert client.post(f"/invite/{second}", data=FORM).status_code == 302
    assert record(db, owner, maker, buyer.email, item="Bridle leather belt")  # another purchase is another order


def test_the_same_order_typed_again_in_other_case_mails_the_item_as_recorded(client, db, shop):
    """The order keeps the item name first recorded (the buyer's review page says "Item: Bridle leather wallet"), but
    the fresh link's mail quoted it as typed the second time ("BRIDLE leather WALLET")."""
    owner, maker, buyer, _first = shop
    record(db, owner, maker, buyer.email, item="BRIDLE  leather WALLET")
    fresh(db)
    assert db.scalar(select(Order.item)) == "Bridle leather wallet"
    newest = mails_to(db, buyer.email)[-1]
    assert '"Bridle leather wallet"' in newest.body and "BRIDLE" not in newest.body + (newest.html_body or "")


def test_a_review_sent_through_a_link_replaced_while_it_was_typed_is_refused_with_its_text_to_copy(
        client, app, db, shop):
    """The maker recorded the order again (a lost link) while the buyer wrote: the 404 page said only 'not valid'
    and the review typed was gone."""
    owner, maker, buyer, first = shop
    login(client, buyer)
    assert client.get(f"/invite/{first}").status_code == 200  # the buyer starts writing
    record(db, owner, maker, buyer.email)
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    response = client.post(f"/invite/{first}", data=FORM)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 404
    assert "use the newest link the maker sent you" in page
    assert FORM["title"] in page and FORM["body"] in page and "copy it now" in page
    assert snapshot(engine) == before


@pytest.mark.parametrize("item", ["bridle leather wallet", "  Bridle   LEATHER wallet ", "Ｂｒｉｄｌｅ leather wallet"])
def test_the_same_item_under_another_case_spacing_or_width_is_the_same_order(client, db, shop, item):
    """A second spelling of the item must not give one purchase a second live link (and a second verified review)."""
    owner, maker, buyer, first = shop
    second = record(db, owner, maker, buyer.email, item=item)
    fresh(db)
    assert db.scalar(select(func.count(Order.id))) == 1
    assert db.scalar(select(Order.item)) == "Bridle leather wallet"  # the first recording's spelling stays
    login(client, buyer)
    assert client.get(f"/invite/{first}").status_code == 404
    assert client.post(f"/invite/{second}", data=FORM).status_code == 302
    with pytest.raises(Conflict, match="already reviewed"):
        record(db, owner, maker, buyer.email, item=item.upper())


def test_an_order_its_buyer_has_reviewed_cannot_be_recorded_again_for_a_second_verified_review(client, db, shop):
    owner, maker, buyer, token = shop
    login(client, buyer)
    assert client.post(f"/invite/{token}", data=FORM).status_code == 302
    before = snapshot(db.get_bind())
    with pytest.raises(Conflict, match="already reviewed"):
        record(db, owner, maker, buyer.email)
    assert snapshot(db.get_bind()) == before  # no mail, no notice, no new link


def test_the_dashboard_says_when_an_order_was_recorded_before(client, db, shop):
    owner, _maker, buyer, _token = shop
    login(client, owner)
    form = {"buyer_email": buyer.email, "item": "Bridle leather wallet", "order_type": "stock",
            "price_band": "25-100", "ordered_on": str(TODAY - timedelta(days=40))}
    page = client.post("/dashboard", data=form, follow_redirects=True).get_data(as_text=True)
    assert "You had recorded this order already" in page
    page = client.post("/dashboard", data=dict(form, item="Bridle leather belt"), follow_redirects=True)
    assert "Order recorded." in page.get_data(as_text=True)


def test_a_logged_in_buyer_asked_to_confirm_first_comes_back_to_the_invitation_once_confirmed(client, db, make_user,
                                                                                              make_maker):
    owner, buyer = make_user("owner"), make_user("buyer")  # an account from before the order, still unconfirmed
    token = record(db, owner, make_maker(owner), buyer.email)
    login(client, buyer)
    page = client.get(f"/invite/{token}").get_data(as_text=True)
    assert f"Open the confirmation link we mailed to {buyer.email}" in page
    assert "it brings you back to this invitation" in page and 'href="/account"' in page  # a fresh link, if lost
    client.post("/account/confirm/resend")
    confirmed_response = client.post(link_in(mails_to(db, buyer.email)[-1], "/confirm-email/"))
    assert confirmed_response.headers["Location"] == f"/invite/{token}"  # was /account: the invitation was lost
    assert "Bridle leather wallet" in client.get(f"/invite/{token}").get_data(as_text=True)


def test_an_expired_invitation_says_how_to_get_a_new_link(client, db, shop):
    """'This invitation link has expired.' beside only a link home left the buyer nowhere to go: recording the same
    order's row on the maker's dashboard sends a fresh link, so the page says to ask the maker for that."""
    _owner, _maker, buyer, token = shop
    order = db.scalar(select(Order))
    order.expires_at = utcnow() - timedelta(days=1)
    db.commit()
    login(client, buyer)
    response = client.get(f"/invite/{token}")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 404 and "This invitation link has expired" in page
    assert "Ask the maker who sent it for a new one" in page
    assert db.scalar(select(func.count(Review.id))) == 0


def test_a_used_invitation_opened_again_by_its_reviewer_links_to_the_review(client, db, shop, make_user):
    """The buyer who spent the link, opening it again from the mail, is shown the way to the review it wrote (to edit
    it); anyone else is told only that it was used."""
    _owner, _maker, buyer, token = shop
    login(client, buyer)
    client.post(f"/invite/{token}", data=FORM)
    review_id = db.scalar(select(Review.id))
    response = client.get(f"/invite/{token}")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 404 and "You wrote your verified review through it" in page
    assert f'href="/reviews/{review_id}"' in page
    login(client, confirmed(db, make_user("friend")))
    other = client.get(f"/invite/{token}").get_data(as_text=True)
    assert "already been used" in other and f'href="/reviews/{review_id}"' not in other


def test_a_used_invitation_opened_again_by_its_reviewer_is_headed_as_done_not_as_broken(client, db, shop):
    """Its reviewer was told 'This link does not work' above the way to the review the link wrote: nothing is wrong,
    the link has done its work (as a confirmation link opened again says). Anyone else's copy does not work for them."""
    _owner, _maker, buyer, token = shop
    login(client, buyer)
    client.post(f"/invite/{token}", data=FORM)
    page = html.unescape(client.get(f"/invite/{token}").get_data(as_text=True))
    assert "<h1>Nothing left to do with this link</h1>" in page and "This link does not work" not in page
    assert "open your review to read or edit it" in page


def test_the_review_form_tells_a_buyer_with_a_verified_review_of_the_maker_where_it_is(client, db, shop):
    """A further (unverified) review of the same maker is allowed (another purchase), but the form names the verified
    one first, so the same order is not reviewed twice by mistake. Backed for the score by
    tests/unit/test_scoring_claims.py::test_several_reviews_by_one_account_count_as_one_voice."""
    _owner, maker, buyer, token = shop
    login(client, buyer)
    assert "already written a verified review" not in client.get(f"/makers/{maker.slug}/review").get_data(as_text=True)
    client.post(f"/invite/{token}", data=FORM)
    fresh(db)
    verified = db.scalar(select(Review))
    page = re.sub(r"\s+", " ", client.get(f"/makers/{maker.slug}/review").get_data(as_text=True))
    assert "You have already written a verified review of this maker" in page
    assert f'href="/reviews/{verified.id}"' in page
    assert "all your reviews of one maker count together as one buyer's voice in its score" in page
    response = client.post(f"/makers/{maker.slug}/review", data=dict(FORM, title="A second purchase"))
    fresh(db)
    assert response.status_code == 302 and db.scalar(select(func.count(Review.id))) == 2
