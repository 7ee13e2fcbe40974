"""Fields shown on one line keep to one line: a line break sent in a name, a title, an item or a place is stored as a
space. An audit recorded an order for "Plate\\r\\nX-Injected: yes": every mail naming the item then carried the break
into its Subject header, which a relay cannot send."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from craftreview.models import Maker, Notification, Order, OutgoingMail, Review, User
from tests.conftest import fresh, login
from tests.web.test_abuse_limits import REVIEW_FORM
from tests.web.test_invitation_binding import confirmed

BREAKS = "\r\n", "\n", "\u2028", "\x85"


@pytest.mark.parametrize("line_break", BREAKS)
def test_an_order_s_item_is_stored_and_mailed_on_one_line(client, db, make_user, make_maker, line_break):
    owner, buyer = make_user("owner"), confirmed(db, make_user("buyer"))
    make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data={
        "buyer_email": buyer.email, "item": f"Plate{line_break}X-Injected: yes", "order_type": "stock",
        "price_band": "25-100", "ordered_on": str(date.today() - timedelta(days=10))})
    assert response.status_code == 302
    fresh(db)
    mails = db.execute(select(OutgoingMail.subject, OutgoingMail.body).where(OutgoingMail.to_email == buyer.email)).all()
    assert db.scalar(select(Order.item)) == "Plate X-Injected: yes"
    # the invitation quotes the item on one line; the buyer's notice (on the site only) names it in its title
    assert any("Plate X-Injected: yes" in m.body for m in mails)
    assert "Plate X-Injected: yes" in db.scalar(select(Notification.title).where(Notification.user_id == buyer.id))
    assert mails and not any(c in m.subject for m in mails for c in "\r\n\u2028\x85")


@pytest.mark.parametrize("line_break", BREAKS)
def test_a_maker_s_name_and_place_are_stored_on_one_line(client, db, make_user, line_break):
    login(client, make_user("maker"))
    response = client.post("/makers/new", data={
        "name": f"Crooked Kiln{line_break}Ceramics", "slug": "crooked-kiln", "craft": "ceramics",
        "location": f"Kyoto,{line_break}Japan", "bio": "Line one.\n\nLine two.", "lead_time_days": "14"})
    assert response.status_code == 302
    maker = db.scalar(select(Maker))
    assert (maker.name, maker.location) == ("Crooked Kiln Ceramics", "Kyoto, Japan")
    assert maker.bio == "Line one.\n\nLine two."  # a text area keeps its paragraphs


@pytest.mark.parametrize("line_break", BREAKS)
def test_a_display_name_and_a_review_title_are_stored_on_one_line(client, db, make_user, make_maker, line_break):
    user = make_user("Mara")
    maker = make_maker()
    login(client, user)
    assert client.post("/account/name", data={"nm-display_name": f"Mara{line_break}Potter"}).status_code == 302
    response = client.post(f"/makers/{maker.slug}/review", data={
        **REVIEW_FORM, "title": f"Sturdy{line_break}and even", "body": "The joints are tight.\nThe finish is even."})
    assert response.status_code == 302
    fresh(db)
    review = db.scalar(select(Review))
    assert db.get(User, user.id).display_name == "Mara Potter"
    assert review.title == "Sturdy and even" and review.body == "The joints are tight.\nThe finish is even."
