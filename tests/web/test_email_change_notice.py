"""Changing the email address tells the address it replaces (once confirmed), without giving the new one away; asking
for an address another account has gets the same answer as any other (no account enumeration), and tells that
account's owner instead (services/email_change.py)."""
from __future__ import annotations

import re

import pytest

from craftreview.models import OutgoingMail, User, utcnow
from tests.conftest import PASSWORD, fresh, login
from tests.mail_helpers import change_email, link_in, mails_to

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
    change_email(client, db, "Moved.Elsewhere@example.net", PASSWORD)
    [notice] = mails_to(db, old)
    assert notice.subject == SUBJECT
    for body in (notice.body, notice.html_body):
        assert "m***@example.net" in body and "moved.elsewhere" not in body.lower()
        assert "If you did not" in body and "/account" in body
        assert "/confirm-email/" not in body and "/reset-password/" not in body and "/unsubscribe/" not in body
    [confirm] = mails_to(db, "moved.elsewhere@example.net")
    assert "/confirm-email-change/" in confirm.body


@pytest.mark.parametrize(("email", "password", "status"), [
    ("moved@example.net", "not the password at all", 400),  # wrong password
    ("not an address", PASSWORD, 400),  # refused by the form
    ("SETTLED", PASSWORD, 400),  # its own address (filled in below)
    ("TAKEN", "not the password at all", 400),  # another account's, with a wrong password (filled in below)
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
    old = user.email
    login(client, user)
    change_email(client, db, "right@example.net", PASSWORD)
    assert [m.subject for m in mails_to(db, old)] == []


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
    change_email(client, db, "other@example.com", PASSWORD)
    assert _queued(db, "maria@example.com") == [queued[0], queued[3]]
    assert queued[0].endswith("(sent)") and queued[3] == "A reply to your review (queued)"
    assert len(mails_to(db, "other@example.com")) == 1


def test_a_refused_change_leaves_the_queue_as_it_was(client, db, make_user, queued):
    assert _change(client, make_user("taken").email, "not the password at all").status_code == 400
    assert _queued(db, "maria@example.com") == queued


def test_asking_for_a_change_changes_nothing_until_the_link_is_used(client, db, settled):
    login(client, settled)
    response = _change(client, "new.home@example.net")
    assert response.status_code == 302
    fresh(db)
    assert db.get(User, settled.id).email == settled.email and db.get(User, settled.id).email_confirmed
    page = client.get("/account").get_data(as_text=True)
    assert "We sent a confirmation link to new.home@example.net." in page
    assert "A change to <strong>new.home@example.net</strong> waits for its link" in page
    assert mails_to(db, settled.email) == []  # told once the change is made, not before


def _answer(client, db, user, email: str) -> tuple[int, str, str]:
    """What the person asking sees: the status, the redirect, and the account page it leads to (their own address,
    and the address asked for, written as placeholders)."""
    response = _change(client, email)
    page = client.get(response.headers.get("Location", "/account")).get_data(as_text=True)
    for text, placeholder in ((email, "ASKED"), (user.email, "MINE")):
        page = page.replace(text, placeholder)
    page = re.sub(r'name="csrf_token"[^>]*>', "", page)
    return response.status_code, response.headers.get("Location"), page


def test_asking_for_another_accounts_address_answers_exactly_as_for_a_free_one(client, db, make_user, settled):
    """No account enumeration: the page, the status and the pending change read the same; the holder of the address
    is told instead of being sent a link, and nothing changes."""
    holder = make_user("holder")
    login(client, settled)
    free = _answer(client, db, settled, "free.address@example.net")
    taken = _answer(client, db, settled, holder.email)
    assert free == taken and free[0] == 302
    fresh(db)
    assert db.get(User, settled.id).email == settled.email and db.get(User, holder.id).email == holder.email
    [notice] = mails_to(db, holder.email)
    assert "so nothing was changed" in notice.body and "craftreview asked to move their account" in notice.body
    assert "/confirm-email-change/" not in notice.body and notice.body.rstrip().count("/reset-password\n") == 1  # no token
    assert len(mails_to(db, "free.address@example.net")) == 1


def test_two_accounts_can_never_hold_one_address(client, db, make_user, settled):
    """Both ask for the same free address; the first link used takes it, the second is refused and changes nothing."""
    other = make_user("other")
    second = client.application.test_client()
    login(client, settled)
    login(second, other)
    for who in (client, second):
        assert _change(who, "shared@example.net").status_code == 302
    first_link, second_link = (link_in(m, "/confirm-email-change/") for m in mails_to(db, "shared@example.net"))
    assert client.post(first_link).status_code == 302
    refused = second.post(second_link)
    assert refused.status_code == 409 and "Another account uses this email." in refused.get_data(as_text=True)
    fresh(db)
    assert db.get(User, settled.id).email == "shared@example.net" and db.get(User, other.id).email == other.email
