"""Changing the email address tells the address it replaces (once confirmed), without giving the new one away."""
from __future__ import annotations

import pytest

from craftreview.models import OutgoingMail, User, utcnow
from tests.conftest import PASSWORD, fresh, login
from tests.mail_helpers import mails_to

SUBJECT = "Your craftreview email address was changed"


@pytest.fixture
def settled(db, make_user) -> User:
    """An account whose address is confirmed: mail to it reaches its owner."""
    user = make_user("settled")
    user.email_confirmed_at = utcnow()
    db.commit()
    return user


def _change(client, email: str, password: str = PASSWORD):
    return client.post("/account/email", data={"em-email": email, "em-password": password})


def test_the_old_address_is_told_of_the_change_without_the_new_address_in_full(client, db, settled):
    old = settled.email
    login(client, settled)
    assert _change(client, "Moved.Elsewhere@example.net").status_code == 302
    [notice] = mails_to(db, old)
    assert notice.subject == SUBJECT
    for body in (notice.body, notice.html_body):
        assert "m***@example.net" in body and "moved.elsewhere" not in body.lower()
        assert "If you did not" in body and "/account" in body
        assert "/confirm-email/" not in body and "/reset-password/" not in body and "/unsubscribe/" not in body
    [confirm] = mails_to(db, "moved.elsewhere@example.net")
    assert "/confirm-email/" in confirm.body


@pytest.mark.parametrize(("email", "password", "status"), [
    ("moved@example.net", "not the password at all", 400),  # wrong password
    ("not an address", PASSWORD, 400),  # refused by the form
    ("SETTLED", PASSWORD, 400),  # its own address (filled in below)
    ("TAKEN", PASSWORD, 400),  # another account's (filled in below)
])
def test_a_refused_change_tells_nobody(client, db, make_user, settled, email, password, status):
    taken = make_user("taken").email
    email = {"SETTLED": settled.email, "TAKEN": taken}.get(email, email)
    login(client, settled)
    assert _change(client, email, password).status_code == status
    fresh(db)
    assert db.get(User, settled.id).email == settled.email
    assert mails_to(db, settled.email) == [] and mails_to(db, email) == []


def test_an_address_never_confirmed_is_not_mailed_about_the_change(client, db, make_user):
    """It may never have been the owner's (a typo at sign-up): telling it would tell a stranger about the account."""
    user = make_user("typo")
    login(client, user)
    assert _change(client, "right@example.net").status_code == 302
    assert [m.subject for m in mails_to(db, user.email)] == []


def _queued(db, email: str) -> list[str]:
    """What the outbox holds for `email`: subject, and whether sent."""
    return [f"{m.subject} ({'sent' if m.sent_at else 'queued'})" for m in mails_to(db, email)]


@pytest.fixture
def queued(client, db):
    """maria@ registered, asked for a second confirmation link and a reset link; the relay sent the first link, and a
    notification waits unsent: four mails to her address."""
    client.post("/register", data={"email": "maria@example.com", "display_name": "Maria", "password": PASSWORD,
                                   "confirm": PASSWORD})
    client.post("/account/confirm/resend")
    client.post("/reset-password", data={"email": "maria@example.com"})
    first = mails_to(db, "maria@example.com")[0]
    first.sent_at = utcnow()
    db.add(OutgoingMail(to_email="maria@example.com", subject="A reply to your review", body="https://x/unsubscribe/t"))
    db.commit()
    return _queued(db, "maria@example.com")


def test_unsent_links_to_the_old_address_are_dropped_when_the_address_changes(client, db, queued):
    """Every confirmation and reset link of the old address is dead once it changed: sent later, such a mail would
    only lead to 'this link no longer works'. What was sent stays on record, and other mail is not the change's."""
    assert _change(client, "other@example.com").status_code == 302
    assert _queued(db, "maria@example.com") == [queued[0], queued[3]]
    assert queued[0].endswith("(sent)") and queued[3] == "A reply to your review (queued)"
    assert len(mails_to(db, "other@example.com")) == 1


def test_a_refused_change_leaves_the_queue_as_it_was(client, db, make_user, queued):
    assert _change(client, make_user("taken").email).status_code == 400
    assert _queued(db, "maria@example.com") == queued
