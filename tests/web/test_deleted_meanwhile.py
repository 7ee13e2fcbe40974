"""A form sent while an account deletion commits (another tab, or the maker or author concerned): the view read the
page's records before it, the service's write comes after. The answer is an error page saying what went (404, with
the typed text to copy), never a 500 or a form about something no longer there, and nothing is written.

Each test slips the deletion in between the view's reads and its service call, where a real one lands in a race."""
from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview.db import write_transaction
from craftreview.models import Maker, Order, Reply, Review, User
from craftreview.services import account_data
from craftreview.services.engagement import flag_review
from craftreview.services.home import home_page
from craftreview.services.scores import refresh_maker_score
from craftreview.services.still_there import ACCOUNT_GONE, MAKER_GONE, REVIEW_GONE
from craftreview.services.ttl_cache import TtlCache
from craftreview.web import makers as maker_views
from craftreview.web import moderation as moderation_views
from craftreview.web import reviews as review_views
from tests.conftest import PASSWORD, fresh, login
from tests.web.test_invitation_binding import FORM, confirmed, record


def delete_first(app, monkeypatch, module, name: str, user_id: int, reviews: str = "keep") -> None:
    """module.name (a service the view calls) runs only after user_id's account deletion has committed."""
    real = getattr(module, name)

    def deleted_then(*args, **kwargs):
        with app.extensions["craftreview.sessions"]() as other:
            account_data.delete_account(other, other.get(User, user_id), password=PASSWORD, reviews=reviews)
        return real(*args, **kwargs)
    monkeypatch.setattr(module, name, deleted_then)


def said(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def count(db, model) -> int:
    return db.scalar(select(func.count()).select_from(model))


def test_an_order_sent_while_the_account_is_deleted_gets_a_page_saying_so(app, client, db, make_user, make_maker,
                                                                          monkeypatch):
    """Lead 1: a 500 (the order's foreign key to the profile the deletion had just removed)."""
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    delete_first(app, monkeypatch, maker_views.order_service, "record_order", owner.id)
    response = client.post("/dashboard", data={
        "buyer_email": "buyer@example.com", "item": "Walnut bowl", "order_type": "stock", "price_band": "25-100",
        "ordered_on": str(date.today() - timedelta(days=10))})
    assert response.status_code == 404
    page = said(response)
    assert ACCOUNT_GONE in page and "Walnut bowl" in page  # the typed item, to copy
    fresh(db)
    assert count(db, Order) == count(db, Maker) == 0


def test_a_reply_sent_while_its_review_is_removed_gets_a_page_saying_so(app, client, db, make_user, make_maker,
                                                                        make_review, monkeypatch):
    """Before: "This review already has a reply; edit it instead." on the reply form (its insert failed on the foreign
    key to the removed review)."""
    owner, author = make_user("owner"), make_user("author")
    review = make_review(author, make_maker(owner))
    login(client, owner)
    delete_first(app, monkeypatch, review_views.replies, "save_reply", author.id, reviews="remove")
    response = client.post(f"/reviews/{review.id}/reply", data={"body": "Thank you, from all of us."})
    assert response.status_code == 404
    page = said(response)
    assert REVIEW_GONE in page and "Thank you, from all of us." in page and "already has a reply" not in page
    fresh(db)
    assert count(db, Reply) == count(db, Review) == 0


def test_flags_dismissed_while_their_review_is_removed_get_a_page_saying_so(app, client, db, make_user, make_maker,
                                                                            make_review, monkeypatch):
    """Before: "There are no open flags on this review." on the moderation form (400) of a review no longer there,
    counted after its flags went with it (PostgreSQL)."""
    author, moderator = make_user("author"), make_user("mod", moderator=True)
    review = make_review(author, make_maker())
    flag_review(db, make_user("flagger"), review, "spam")
    login(client, moderator)
    delete_first(app, monkeypatch, moderation_views.moderation, "dismiss_flags", author.id, reviews="remove")
    response = client.post(f"/moderation/reviews/{review.id}/dismiss", data={"dismiss-note": "A real order, kept."})
    assert response.status_code == 404
    page = said(response)
    assert REVIEW_GONE in page and "A real order, kept." in page and "no open flags" not in page
    fresh(db)
    assert count(db, Review) == 0


def test_a_verified_review_sent_while_the_maker_leaves_gets_a_page_saying_so(app, db, make_user, make_maker,
                                                                             monkeypatch):
    owner, buyer = make_user("owner"), confirmed(db, make_user("buyer"))
    maker = make_maker(owner)
    token = record(db, owner, maker, buyer.email)
    client = app.test_client()
    login(client, buyer)
    delete_first(app, monkeypatch, review_views.orders, "submit_verified_review", owner.id)
    response = client.post(f"/invite/{token}", data=FORM)
    assert response.status_code == 404
    page = said(response)
    # SQLite: the request's snapshot still held the order, refused under the lock; PostgreSQL: the service's first
    # read already found the link dead (its order went with the profile), as the link answers from then on
    assert MAKER_GONE in page or "This invitation link is not valid" in page
    assert "already been reviewed" not in page and FORM["body"] in page  # the typed text, to copy
    fresh(db)
    assert count(db, Review) == 0


def test_the_deleting_process_stops_listing_the_profile_on_the_home_page_at_once(app, client, db, make_user,
                                                                                 make_maker):
    """Lead 3: the deleted account is sent to the home page, which showed its profile from a copy for up to 30 s."""
    owner = make_user("owner")
    maker = make_maker(owner, name="Quietwood Turnery")
    with write_transaction(db):
        refresh_maker_score(db, maker.id)  # the shelves list scored makers
    assert "Quietwood Turnery" in said(client.get("/"))  # now in this process's copy
    login(client, owner)
    response = client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}, follow_redirects=True)
    assert response.status_code == 200 and "Quietwood Turnery" not in said(response)


@pytest.mark.parametrize("reviewed", [False, True], ids=["profile-deleted", "profile-anonymised"])
def test_a_home_page_copy_kept_elsewhere_links_to_a_clear_404(app, client, db, make_user, make_maker, make_review,
                                                              reviewed):
    """Another process's copy may list the profile for up to 30 s more: its link says the maker is not there."""
    owner = make_user("owner")
    maker = make_maker(owner, name="Quietwood Turnery")
    if reviewed:
        make_review(make_user("buyer"), maker)
    with write_transaction(db):
        refresh_maker_score(db, maker.id)
    elsewhere = TtlCache(30.0, size=1)
    stale = home_page(db, elsewhere)
    assert any(card.slug == maker.slug for shelf in stale.shelves for card in shelf.top)
    login(client, owner)
    client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD})
    response = app.test_client().get(f"/makers/{maker.slug}")
    assert response.status_code == 404 and "No maker with that address." in said(response)
