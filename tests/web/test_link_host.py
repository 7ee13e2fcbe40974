"""Every link a mail carries, and the invitation link a maker copies, is on the site's configured address
(PUBLIC_URL): a request's Host header, which anyone can send, never decides where a token goes."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from tests.conftest import PASSWORD
from tests.mail_helpers import mails_to

EVIL = "evil.example"
PUBLIC = "https://craftreview.example/shop"


@pytest.fixture(autouse=True)
def public_address(app):
    """The site's address (read when a link is built)."""
    app.config["PUBLIC_URL"] = PUBLIC


def _links(text: str) -> list[str]:
    return re.findall(r"https?://\S+", text)


def _assert_public(mail) -> None:
    links = _links(mail.body) + _links(mail.html_body or "")
    assert links, mail.body
    for link in links:
        assert link.startswith(PUBLIC + "/") and EVIL not in link, link


def test_reset_and_confirmation_mails_link_to_the_public_address_whatever_host_the_request_named(client, db,
                                                                                                  make_user):
    user = make_user("victim")
    evil = {"headers": {"Host": EVIL}}
    client.post("/reset-password", data={"email": user.email}, **evil)
    client.post("/register", data={"email": "newbie@example.com", "display_name": "Newbie", "password": PASSWORD,
                                   "confirm": PASSWORD}, **evil)
    [reset] = mails_to(db, user.email)
    [confirm] = mails_to(db, "newbie@example.com")
    assert "/reset-password/" in reset.body and "/confirm-email/" in confirm.body
    _assert_public(reset)
    _assert_public(confirm)


def test_the_invitation_a_maker_copies_and_the_one_mailed_are_on_the_public_address(client, db, make_user,
                                                                                     make_maker):
    buyer, owner = make_user("buyer"), make_user("owner")
    make_maker(owner)
    client.post("/login", data={"email": owner.email, "password": PASSWORD}, headers={"Host": EVIL})
    page = client.post("/dashboard", data={"buyer_email": buyer.email, "item": "Oak stool", "order_type": "stock",
                                           "price_band": "25-100", "ordered_on": str(date.today() - timedelta(days=5))},
                       headers={"Host": EVIL}, follow_redirects=True).get_data(as_text=True)
    shown = [link for link in _links(page) if "/invite/" in link]
    assert shown and all(link.startswith(PUBLIC + "/invite/") for link in shown), shown
    [invitation] = [m for m in mails_to(db, buyer.email) if "/invite/" in m.body]
    _assert_public(invitation)
