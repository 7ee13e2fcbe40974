"""Password reset: a single-use link valid for one hour; the same answer for any address; other sessions end."""
from __future__ import annotations

from datetime import timedelta

import pytest

from craftreview.db import write_transaction
from craftreview.models import AccountToken, User, utcnow
from craftreview.services.tokens import issue_token
from tests.conftest import PASSWORD, fresh, login
from tests.mail_helpers import change_email, link_in, mails_to

NEW = "a brand new long passphrase"
SAME_ANSWER = "If an account uses that address"


def _request_reset(client, email: str):
    return client.post("/reset-password", data={"email": email}, follow_redirects=True)


def _reset_link(client, db, user) -> str:
    _request_reset(client, user.email)
    return link_in(mails_to(db, user.email)[-1], "/reset-password/")


def test_known_and_unknown_addresses_get_the_same_answer(client, db, make_user):
    user = make_user("known")
    known = _request_reset(client, user.email)
    unknown = _request_reset(client, "nobody-here@example.com")
    assert known.status_code == unknown.status_code == 200
    assert SAME_ANSWER in known.get_data(as_text=True)
    assert known.get_data(as_text=True) == unknown.get_data(as_text=True)
    assert mails_to(db, "nobody-here@example.com") == []
    [mail] = mails_to(db, user.email)
    assert "Reset your craftreview password" in mail.subject and "60 minutes" in mail.body
    assert "Choose a new password" in mail.html_body


@pytest.mark.parametrize("typed", ["not-an-email", "@example.com", "name@", "name"])
def test_a_text_that_is_no_address_is_told_so_on_the_reset_and_login_forms(client, db, make_user, typed):
    """A format error beside the Email field, which says nothing about accounts: before, the reset form answered
    'if an account uses that address' and the login form 'email or password is incorrect' under the password."""
    make_user("known")
    for url, data in (("/reset-password", {"email": typed}), ("/login", {"email": typed, "password": PASSWORD})):
        response = client.post(url, data=data)
        html = response.get_data(as_text=True)
        assert response.status_code in (200, 400) and "Enter an email address in the form name@example.com." in html
        assert SAME_ANSWER not in html and "incorrect" not in html
    assert db.query(AccountToken).count() == 0


def test_an_address_stored_under_an_older_check_still_finds_its_account(client, db, make_user):
    """The lookup asks for nothing stricter than text on both sides of an @."""
    user = make_user("old")
    user.email = "old@localhost"
    db.commit()
    assert SAME_ANSWER in _request_reset(client, "old@localhost").get_data(as_text=True)
    assert len(mails_to(db, "old@localhost")) == 1


def test_the_link_sets_a_new_password_that_logs_in(client, db, make_user):
    user = make_user("forgetful")
    path = _reset_link(client, db, user)
    response = client.post(path, data={"password": NEW, "confirm": NEW})
    assert response.status_code == 302
    client.post("/logout")
    assert client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 400
    ok = client.post("/login", data={"email": user.email, "password": NEW})
    assert ok.status_code == 302


def test_using_the_link_ends_every_other_session(app, client, db, make_user):
    user = make_user("victim")
    other_device = app.test_client()
    login(other_device, user)
    assert "Your account" in other_device.get("/account").get_data(as_text=True)
    path = _reset_link(client, db, user)
    client.post(path, data={"password": NEW, "confirm": NEW})
    assert other_device.get("/account").headers["Location"].startswith("/login")
    assert client.get("/account").status_code == 200  # the browser that reset is logged in afresh


def test_a_suspended_account_is_told_it_stays_suspended_instead_of_being_logged_in(client, db, make_user):
    """The password changes (the owner is recovering the account), but a suspended account is not logged in: it used to
    be, then shown as logged out at the next page with no reason."""
    user = make_user("suspended")
    path = _reset_link(client, db, user)
    user.is_suspended = True
    db.commit()
    response = client.post(path, data={"password": NEW, "confirm": NEW})
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert "this account is suspended" in client.get("/login").get_data(as_text=True)
    assert client.get("/account").headers["Location"].startswith("/login")  # not logged in
    # the password did change: the old one is wrong, the new one is right but meets the suspension
    assert "incorrect" in client.post("/login", data={"email": user.email, "password": PASSWORD}).get_data(as_text=True)
    assert "suspended" in client.post("/login", data={"email": user.email, "password": NEW}).get_data(as_text=True)


def test_the_link_works_once(client, db, make_user):
    user = make_user("once")
    path = _reset_link(client, db, user)
    client.post(path, data={"password": NEW, "confirm": NEW})
    again = client.post(path, data={"password": "yet another passphrase", "confirm": "yet another passphrase"})
    assert again.status_code == 404 and "already been used" in again.get_data(as_text=True)


def test_the_link_expires_after_an_hour(client, db, make_user):
    user = make_user("slow")
    with write_transaction(db):
        token = issue_token(db, user, "reset_password", utcnow() - timedelta(minutes=61))
    response = client.post(f"/reset-password/{token}", data={"password": NEW, "confirm": NEW})
    assert response.status_code == 404 and "expired" in response.get_data(as_text=True)
    fresh(db)
    assert db.get(User, user.id).password_hash == user.password_hash


def test_a_link_still_within_the_hour_works(client, db, make_user):
    user = make_user("prompt")
    with write_transaction(db):
        token = issue_token(db, user, "reset_password", utcnow() - timedelta(minutes=59))
    assert client.post(f"/reset-password/{token}", data={"password": NEW, "confirm": NEW}).status_code == 302


def test_a_wrong_token_changes_nothing(client, db, make_user):
    user = make_user("target")
    _request_reset(client, user.email)
    response = client.post("/reset-password/guessed-token-value", data={"password": NEW, "confirm": NEW})
    assert response.status_code == 404 and "not valid" in response.get_data(as_text=True)
    fresh(db)
    assert db.get(User, user.id).password_hash == user.password_hash


def test_a_confirmation_token_is_not_a_reset_token(client, db, make_user):
    user = make_user("mixup")
    with write_transaction(db):
        token = issue_token(db, user, "confirm_email", utcnow())
    assert client.post(f"/reset-password/{token}", data={"password": NEW, "confirm": NEW}).status_code == 404


def test_a_newer_link_replaces_the_older_one(client, db, make_user):
    user = make_user("twice")
    first = _reset_link(client, db, user)
    second = _reset_link(client, db, user)
    assert client.post(first, data={"password": NEW, "confirm": NEW}).status_code == 404
    assert client.post(second, data={"password": NEW, "confirm": NEW}).status_code == 302


def test_a_weak_new_password_is_refused_and_the_link_stays_usable(client, db, make_user):
    user = make_user("weak")
    path = _reset_link(client, db, user)
    weak = client.post(path, data={"password": "passwordpassword", "confirm": "passwordpassword"})
    assert weak.status_code == 400 and "too common" in weak.get_data(as_text=True)
    assert client.post(path, data={"password": NEW, "confirm": NEW}).status_code == 302


def test_only_the_hash_of_the_reset_token_is_stored(client, db, make_user):
    user = make_user("hashed")
    token = _reset_link(client, db, user).rsplit("/", 1)[1]
    fresh(db)
    assert [t.token_hash for t in db.query(AccountToken).all() if token in t.token_hash] == []


def test_login_page_links_to_the_reset_form(client):
    assert "/reset-password" in client.get("/login").get_data(as_text=True)
    assert "Send reset link" in client.get("/reset-password").get_data(as_text=True)


def test_a_link_mailed_to_an_address_the_account_has_since_left_resets_nothing(client, db, make_user):
    # Whoever holds the old mailbox must not keep a way into the account after its owner moved away.
    user = make_user("mover")
    path = _reset_link(client, db, user)
    owner = client.application.test_client()
    login(owner, user)
    change_email(owner, db, "moved@example.net", PASSWORD)
    page = client.get(path)
    assert page.status_code == 404 and "no longer uses" in page.get_data(as_text=True)
    response = client.post(path, data={"password": NEW, "confirm": NEW})
    assert response.status_code == 404 and "no longer uses" in response.get_data(as_text=True)
    fresh(db)
    assert db.get(User, user.id).password_hash == user.password_hash


def _assert_spent(client, db, user, path: str) -> None:
    """The reset link is refused with its reason, and using it anyway changes nothing."""
    fresh(db)
    before = db.get(User, user.id).password_hash
    page = client.get(path)
    assert page.status_code == 404 and "no longer works" in page.get_data(as_text=True)
    assert client.post(path, data={"password": NEW, "confirm": NEW}).status_code == 404
    fresh(db)
    assert db.get(User, user.id).password_hash == before


def test_changing_the_password_spends_a_reset_link_sent_before(client, db, make_user):
    # The owner who changes the password (because they remembered it, or fear someone reads their mail) must not
    # leave a live way to set another one lying in the inbox.
    user = make_user("careful")
    path = _reset_link(client, db, user)
    owner = client.application.test_client()
    login(owner, user)
    changed = owner.post("/account/password", data={"pw-current_password": PASSWORD, "pw-new_password": NEW,
                                                    "pw-confirm": NEW})
    assert changed.status_code == 302
    _assert_spent(client, db, user, path)
    assert client.post("/login", data={"email": user.email, "password": NEW}).status_code == 302


def test_a_reset_link_for_an_address_the_account_left_stays_dead_when_it_moves_back(client, db, make_user):
    user = make_user("returning")
    path = _reset_link(client, db, user)
    owner = client.application.test_client()
    login(owner, user)
    for address in ("moved@example.net", user.email):
        change_email(owner, db, address, PASSWORD)
    _assert_spent(client, db, user, path)


def test_a_dead_reset_link_offers_a_new_one_on_its_page(client, db, make_user):
    """It said "Ask for a new one." with only a link to the home page: the way to ask was on the login page."""
    user = make_user("late")
    with write_transaction(db):
        token = issue_token(db, user, "reset_password", utcnow() - timedelta(minutes=61))
    for response in (client.get(f"/reset-password/{token}"), client.get("/reset-password/not-a-real-token")):
        assert response.status_code == 404
        assert '<a class="button" href="/reset-password">Ask for a new reset link</a>' in response.get_data(as_text=True)


def _ask_for_change(client, db, user, address: str = "thief@example.net") -> str:
    """Someone who knows the password asks to move the account to a mailbox of theirs: the path of the link mailed."""
    intruder = client.application.test_client()
    login(intruder, user)
    assert intruder.post("/account/email", data={"em-email": address, "em-password": PASSWORD}).status_code == 302
    return link_in(mails_to(db, address)[-1], "/confirm-email-change/")


def _assert_change_dead(client, db, user, path: str) -> None:
    assert client.get(path).status_code == 404 and client.post(path).status_code == 404
    fresh(db)
    assert db.get(User, user.id).email == user.email


def test_changing_the_password_cancels_an_address_change_asked_for_with_the_old_one(client, db, make_user):
    # The owner who changes a password someone else learned must not leave that someone a live link that moves the
    # account to their mailbox (and with it every later reset link).
    user = make_user("wary")
    path = _ask_for_change(client, db, user)
    owner = client.application.test_client()
    login(owner, user)
    changed = owner.post("/account/password", data={"pw-current_password": PASSWORD, "pw-new_password": NEW,
                                                    "pw-confirm": NEW}, follow_redirects=True)
    # Said, not only done: the account page's "a change waits for its link" would otherwise just vanish.
    assert "The change of address to thief@example.net you asked for is cancelled" in changed.get_data(as_text=True)
    assert "waits for its link" not in owner.get("/account").get_data(as_text=True)
    _assert_change_dead(client, db, user, path)


def test_resetting_the_password_cancels_an_address_change_asked_for_before(client, db, make_user):
    user = make_user("locked-out")
    path = _ask_for_change(client, db, user)
    client.post(_reset_link(client, db, user), data={"password": NEW, "confirm": NEW})
    _assert_change_dead(client, db, user, path)


def test_a_reset_link_opened_while_logged_in_as_another_account_says_whose_password_it_sets(client, db, make_user):
    # A shared computer: the page named no account, and afterwards the browser was silently the other account.
    owner, carol = make_user("owner"), make_user("carol")
    path = _reset_link(client, db, owner)
    login(client, carol)
    shown = client.get(path).get_data(as_text=True)
    assert f"for <strong>{owner.email}</strong>" in shown
    assert f"This link belongs to another account, not to {carol.email}" in shown
    page = client.post(path, data={"password": NEW, "confirm": NEW}, follow_redirects=True).get_data(as_text=True)
    assert f"You are now logged in as {owner.email}, not {carol.email}." in page


def test_a_reset_link_names_the_account_it_sets_the_password_of(client, db, make_user):
    user = make_user("named")
    shown = client.get(_reset_link(client, db, user)).get_data(as_text=True)
    assert f"for <strong>{user.email}</strong>" in shown and "another account" not in shown


NOTICE = "Your craftreview password was changed"


def _notices(db, user) -> list:
    fresh(db)
    return [m for m in mails_to(db, user.email) if m.subject == NOTICE]


def test_a_changed_password_is_mailed_to_a_confirmed_address_and_a_refused_change_mails_nothing(client, db,
                                                                                                make_user):
    """Someone who learned the password and changed it logged the owner out everywhere: the mail is how they hear."""
    user = make_user("owner")
    user.email_confirmed_at = utcnow()
    db.commit()
    login(client, user)
    refused = client.post("/account/password", data={"pw-current_password": "wrong guess", "pw-new_password": NEW,
                                                     "pw-confirm": NEW})
    assert refused.status_code == 400 and _notices(db, user) == []
    assert client.post("/account/password", data={"pw-current_password": PASSWORD, "pw-new_password": NEW,
                                                   "pw-confirm": NEW}).status_code == 302
    [notice] = _notices(db, user)
    assert "changed on its account page" in notice.body and "/reset-password" in notice.body
    assert NEW not in notice.body and "/reset-password/" not in notice.body  # no secret, no live link


def test_an_unconfirmed_address_gets_no_password_notice(client, db, make_user):
    user = make_user("newcomer")
    user.email_confirmed_at = None
    db.commit()
    login(client, user)
    assert client.post("/account/password", data={"pw-current_password": PASSWORD, "pw-new_password": NEW,
                                                   "pw-confirm": NEW}).status_code == 302
    assert _notices(db, user) == []


def test_a_password_reset_through_a_link_is_mailed_too(client, db, make_user):
    user = make_user("forgetful")
    assert client.post(_reset_link(client, db, user), data={"password": NEW, "confirm": NEW}).status_code == 302
    [notice] = _notices(db, user)
    assert "reset through a link mailed to this address" in notice.body
