"""Changing the email address tells the address it replaces (once confirmed), without giving the new one away."""
from __future__ import annotations

import pytest

from craftreview.models import User, utcnow
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
    ("TAKEN", PASSWORD, 409),  # another account's (filled in below)
])
def test_a_refused_change_tells_nobody(client, db, make_user, settled, email, password, status):
    taken = make_user("taken").email
    email = {"SETTLED": settled.email, "TAKEN": taken}.get(email, email)
    login(client, settled)
    assert _change(client, email, password).status_code in (400, 409)
    fresh(db)
    assert db.get(User, settled.id).email == settled.email
    assert mails_to(db, settled.email) == [] and mails_to(db, email) == []


def test_an_address_never_confirmed_is_not_mailed_about_the_change(client, db, make_user):
    """It may never have been the owner's (a typo at sign-up): telling it would tell a stranger about the account."""
    user = make_user("typo")
    login(client, user)
    assert _change(client, "right@example.net").status_code == 302
    assert [m.subject for m in mails_to(db, user.email)] == []
