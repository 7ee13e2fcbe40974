"""Account settings sent while the account is deleted in another tab: the request was logged in when it started, its
service runs after the deletion committed. The answer is the error page saying the account went (404), and the
deleted account stays deleted and logged out: before, a new password was stored and this browser logged in to the
deleted account again, a new name replaced "Former member", and an address-change link was refused as if another
account had taken the address (test_deleted_meanwhile.py has the other forms)."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from craftreview.db import write_transaction
from craftreview.models import LoginSession, MailOptOut, User
from craftreview.services import accounts, confirmation, email_change, notifications
from craftreview.services.names import FORMER_MEMBER
from craftreview.services.still_there import ACCOUNT_GONE
from tests.conftest import PASSWORD, fresh, login
from tests.mail_helpers import link_in, mails_to
from tests.web.test_deleted_meanwhile import delete_first, said

NEW_PASSWORD = "a quite different passphrase 8231"
# (path, form, the service module and name the view calls, with the deletion slipped in before it)
FORMS = {
    "password": ("/account/password", {"pw-current_password": PASSWORD, "pw-new_password": NEW_PASSWORD,
                                       "pw-confirm": NEW_PASSWORD}, accounts, "change_password"),
    "display name": ("/account/name", {"nm-display_name": "Back Again"}, accounts, "change_display_name"),
    "mail preferences": ("/account/mail-preferences", {}, notifications, "set_mail_kinds"),
    "read all": ("/notifications/read", {}, notifications, "mark_read"),
    "read one": ("/notifications/{notice}/read", {}, notifications, "mark_read"),
    "log out everywhere": ("/logout-everywhere", {}, accounts, "end_sessions"),
    "confirmation resend": ("/account/confirm/resend", {}, confirmation, "resend_confirmation"),
}


def _notice(db, user: User) -> int:
    with write_transaction(db):
        notifications.notify(db, user.id, "reply", "The maker answered your review.")
    return db.scalar(select(func.max(notifications.Notification.id)))


def _live_logins(db, user: User) -> int:
    """Logins that authenticate the account as stored now (the deletion's new session version ended the others)."""
    return db.scalar(select(func.count()).select_from(LoginSession).where(
        LoginSession.user_id == user.id, LoginSession.session_version == user.session_version))


@pytest.mark.parametrize("setting", FORMS)
def test_a_setting_sent_while_the_account_is_deleted_gets_a_page_saying_so(app, client, db, make_user, monkeypatch,
                                                                           setting):
    path, form, module, name = FORMS[setting]
    user = make_user("leaving")
    path = path.format(notice=_notice(db, user))
    login(client, user)
    delete_first(app, monkeypatch, module, name, user.id)
    response = client.post(path, data=form)
    assert response.status_code == 404, response.status_code
    assert ACCOUNT_GONE in said(response)
    fresh(db)
    stored = db.get(User, user.id)
    assert (stored.display_name, stored.password_hash) == (FORMER_MEMBER, "!deleted")
    assert _live_logins(db, stored) == 0
    assert db.scalar(select(func.count()).select_from(MailOptOut)) == 0
    assert client.get("/account").status_code == 302  # logged out, to the login page


def test_an_address_change_link_sent_while_the_account_is_deleted_says_the_account_went(app, client, db, make_user,
                                                                                        monkeypatch):
    """Before: "This link is not valid… It was given to that account after this link was mailed… The mailbox … is
    yours, so you can take that account over", the answer to an address another account took."""
    user = make_user("moving")
    login(client, user)
    assert client.post("/account/email", data={"em-email": "moved@example.net", "em-password": PASSWORD}
                       ).status_code == 302
    link = link_in(mails_to(db, "moved@example.net")[-1], "/confirm-email-change/")
    # the deletion lands where the wait is longest: while the link's rescoring is worked out, before the write lock
    delete_first(app, monkeypatch, email_change, "prepare_author_confirmation", user.id)
    response = client.post(link)
    assert response.status_code == 404
    page = said(response)
    assert ACCOUNT_GONE in page and "take that account over" not in page
    fresh(db)
    assert db.get(User, user.id).email != "moved@example.net"
