"""Verified = an order AND a confirmed address: confirming the address (or a change of it) rescores, at once, every
maker the author reviewed through an order (the score page never says "verified order" for a lapsed one)."""
from __future__ import annotations

import re

import pytest

from craftreview.db import write_transaction
from craftreview.models import MakerScoreRow
from craftreview.services import orders
from craftreview.services.scores import refresh_maker_score
from tests.conftest import PASSWORD, fresh, login, review_input
from tests.mail_helpers import link_in, mails_to
from tests.web.test_invitation_binding import confirmed, record

NEW_PASSWORD = "another long passphrase"


@pytest.fixture
def verified(db, make_user, make_maker):
    """A confirmed buyer with verified reviews of two makers."""
    buyer = confirmed(db, make_user("buyer"))
    makers = [make_maker(make_user("owner")), make_maker(make_user("owner"), name="Second Shop")]
    for maker in makers:
        orders.submit_verified_review(db, buyer, record(db, maker.owner, maker, buyer.email), review_input())
    return buyer, makers


def _verified_counts(db, makers) -> list[int]:
    fresh(db)
    return [db.get(MakerScoreRow, maker.id).verified_count for maker in makers]


def _why(client, maker) -> str:
    """What the score page says about the review's provenance ("verified order" or "unverified review")."""
    page = client.get(f"/makers/{maker.slug}/score").get_data(as_text=True)
    return re.search(r"</strong> — (verified order|unverified review)", page).group(1)


def _change_email(client, buyer, new_email: str):
    login(client, buyer)
    return client.post("/account/email", data={"em-email": new_email, "em-password": PASSWORD})


def test_asking_to_change_the_address_keeps_the_reviews_verified_until_and_after_the_link(client, db, verified):
    """The address changes only through the link mailed to the new one, which confirms it: the reviews stay
    verified throughout."""
    buyer, makers = verified
    assert _change_email(client, buyer, "moved@example.com").status_code == 302
    assert _verified_counts(db, makers) == [1, 1]
    assert client.post(link_in(mails_to(db, "moved@example.com")[-1], "/confirm-email-change/")).status_code == 302
    assert _verified_counts(db, makers) == [1, 1]
    assert _why(client, makers[0]) == _why(client, makers[1]) == "verified order"


def _lapsed(db, buyer, makers) -> None:
    """The buyer's address is unconfirmed and the makers' stored scores say so (as after an email change)."""
    buyer.email_confirmed_at = None
    db.commit()
    with write_transaction(db):
        for maker in makers:
            refresh_maker_score(db, maker.id)
    assert _verified_counts(db, makers) == [0, 0]


def test_confirming_the_address_makes_the_reviews_verified_again_at_once(client, db, verified):
    buyer, makers = verified
    _lapsed(db, buyer, makers)
    login(client, buyer)
    client.post("/account/confirm/resend")
    path = link_in(mails_to(db, buyer.email)[-1], "/confirm-email/")
    assert client.post(path).status_code == 302
    assert _verified_counts(db, makers) == [1, 1]
    assert _why(client, makers[1]) == "verified order"


def test_a_lapsed_author_whose_address_change_is_confirmed_is_verified_again_at_once(client, db, verified):
    buyer, makers = verified
    _lapsed(db, buyer, makers)
    assert _change_email(client, buyer, "moved@example.com").status_code == 302
    assert _verified_counts(db, makers) == [0, 0]
    assert client.post(link_in(mails_to(db, "moved@example.com")[-1], "/confirm-email-change/")).status_code == 302
    assert _verified_counts(db, makers) == [1, 1]


def test_a_password_reset_that_confirms_the_address_rescores_too(client, db, verified):
    buyer, makers = verified
    _lapsed(db, buyer, makers)
    client.post("/reset-password", data={"email": buyer.email})
    path = link_in(mails_to(db, buyer.email)[-1], "/reset-password/")
    assert client.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert _verified_counts(db, makers) == [1, 1]


def test_a_refused_change_rescores_nothing(client, db, verified, make_user):
    buyer, makers = verified
    taken = make_user("taken")
    assert _change_email(client, buyer, taken.email.upper()).status_code == 302  # the answer gives nothing away
    assert _verified_counts(db, makers) == [1, 1]
    fresh(db)
    assert db.get(type(buyer), buyer.id).email == buyer.email
