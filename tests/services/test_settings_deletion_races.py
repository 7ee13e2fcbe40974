"""Account settings written by an account whose deletion (another tab) committed after the request read it: a new
password, a new display name, notifications marked read, "log out everywhere", an address-change link spent.

Each must be refused under its write lock with the reason (errors.Gone, ACCOUNT_GONE) and change nothing: before, a
password change gave the deleted account a working password again (and the view logged it back in), a new name undid
its "Former member", and the others wrote to a deleted account's row (test_deletion_races.py has the other writes)."""
from __future__ import annotations

import re

import pytest

from craftreview.db import write_transaction
from craftreview.errors import Gone, NotFound
from craftreview.models import AccountToken, LoginSession, Notification, OutgoingMail, User
from craftreview.services import (
    account_data,
    accounts,
    confirmation,
    email_change,
    notifications,
    password_reset,
)
from craftreview.services.names import FORMER_MEMBER
from craftreview.services.still_there import ACCOUNT_GONE
from tests.concurrency import race
from tests.conftest import PASSWORD, fresh
from tests.mail_helpers import link_in, mails_to
from tests.services.test_deletion_races import count, delete_elsewhere, deleting

NEW_PASSWORD = "a quite different passphrase 8231"
SETTINGS = ["password", "display name", "read all", "read one", "log out everywhere", "confirmation resend"]


def _write(db, user: User, setting: str, notification_id: int):
    return {"password": lambda: accounts.change_password(db, user, current=PASSWORD, new=NEW_PASSWORD),
            "display name": lambda: accounts.change_display_name(db, user, "Back Again"),
            "read all": lambda: notifications.mark_read(db, user),
            "read one": lambda: notifications.mark_read(db, user, notification_id),
            "log out everywhere": lambda: accounts.end_sessions(db, user),
            "confirmation resend": lambda: confirmation.resend_confirmation(db, user)}[setting]


def _as_stored(db, user_id: int) -> tuple:
    fresh(db)
    user = db.get(User, user_id)
    return user.display_name, user.password_hash, user.session_version


@pytest.mark.parametrize("setting", SETTINGS)
def test_a_setting_changed_by_an_account_deleted_meanwhile_is_refused_and_changes_nothing(
        app, db, make_user, setting):
    user = make_user("leaving")
    with write_transaction(db):
        notifications.notify(db, user.id, "reply", "The maker answered your review.")
    notification_id = db.scalar(notifications.notifications_query(user.id)).id
    write, version = _write(db, user, setting, notification_id), user.session_version
    delete_elsewhere(app, user.id)  # (this session's objects keep what the request read)
    with pytest.raises(Gone, match=re.escape(ACCOUNT_GONE)):
        write()
    assert _as_stored(db, user.id) == (FORMER_MEMBER, "!deleted", version + 1)  # as the deletion left it
    assert count(db, OutgoingMail) == 0  # the deletion took the notice's mail; no "your password was changed" either
    assert count(db, Notification) == count(db, LoginSession, LoginSession.user_id == user.id) == 0
    assert count(db, AccountToken, AccountToken.user_id == user.id) == 0  # no link issued in its name


def test_an_address_change_link_spent_while_its_account_is_deleted_is_refused(app, db, make_user, monkeypatch):
    """The link's account was read before the deletion committed; under the lock the deletion had taken the link
    with it. Before: "What this was about was deleted..." (PostgreSQL) or "This link is not valid" (SQLite), and the
    confirmation page wrapped either in "It was given to that account after this link was mailed" (another account
    taking the address)."""
    user = make_user("moving")
    email_change.request_email_change(db, user, new_email="moved@example.net", password=PASSWORD)
    token = _the_link(db)
    address = user.email

    def confirm(s):
        return email_change.confirm_email_change(s, token)
    first, second = race(app, monkeypatch, account_data, "_erase_personal_rows", deleting(user.id), confirm)
    assert isinstance(first, account_data.Deletion), first
    assert isinstance(second, Gone) and second.message == ACCOUNT_GONE, second
    fresh(db)
    moved = db.get(User, user.id)
    assert moved.email not in (address, "moved@example.net") and moved.deleted_at is not None
    assert count(db, AccountToken, AccountToken.user_id == user.id) == 0


def _the_link(db) -> str:
    """The token of the address-change link just mailed (the database holds only its hash)."""
    return link_in(mails_to(db, "moved@example.net")[-1], "/confirm-email-change/").rsplit("/", 1)[1]



def _mailed_link(db, user: User, kind: str) -> str:
    if kind == "password reset":
        password_reset.request_password_reset(db, user.email)
    else:
        confirmation.resend_confirmation(db, user)
    marker = {"password reset": "/reset-password/", "email confirmation": "/confirm-email/"}[kind]
    return link_in(mails_to(db, user.email)[-1], marker).rsplit("/", 1)[1]


@pytest.mark.parametrize("kind", ["password reset", "email confirmation"])
def test_a_mailed_link_used_while_its_account_is_being_deleted_answers_not_valid(app, db, make_user, monkeypatch,
                                                                                  kind):
    """The link locked its token row, then its account's; the deletion, its account's row, then (erasing the
    account's links) the token's: on PostgreSQL each waited for the other, and the link's request failed as a
    deadlock (a 500). Both now lock the account first: the link waits, then is not valid, as any deleted link."""
    user = make_user("leaving")
    user.email_confirmed_at = None
    db.commit()
    token = _mailed_link(db, user, kind)

    def use(s):
        if kind == "password reset":
            return password_reset.reset_password(s, token, NEW_PASSWORD)
        return confirmation.confirm_email(s, token)
    # the deletion held after it locked the account, before it erases the account's links
    first, second = race(app, monkeypatch, account_data, "_drop_votes", deleting(user.id), use)
    assert isinstance(first, account_data.Deletion), first
    assert isinstance(second, NotFound) and "This link is not valid" in second.message, second
    assert _as_stored(db, user.id)[1] == "!deleted" and db.get(User, user.id).email_confirmed_at is None
