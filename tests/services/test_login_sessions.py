"""One browser's login at a time (services/login_sessions.py): ended alone, ended all together, pruned, bounded."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from craftreview.models import LoginSession, utcnow
from craftreview.services import accounts, login_sessions


def _rows(db, user) -> int:
    return db.scalar(select(func.count()).select_from(LoginSession).where(LoginSession.user_id == user.id))


def test_ending_one_login_leaves_the_others(db, make_user):
    user = make_user()
    here, phone = login_sessions.start(db, user), login_sessions.start(db, user)
    login_sessions.end(db, here)
    assert login_sessions.logged_in_user(db, here) is None
    assert login_sessions.logged_in_user(db, phone) is user


def test_a_new_session_version_ends_every_login_and_the_next_login_prunes_their_rows(db, make_user):
    user = make_user()
    old = [login_sessions.start(db, user) for _ in range(3)]
    accounts.end_sessions(db, user)
    assert all(login_sessions.logged_in_user(db, login_id) is None for login_id in old)
    new = login_sessions.start(db, user)
    assert _rows(db, user) == 1 and login_sessions.logged_in_user(db, new) is user


def test_a_login_lasts_a_year_at_most(db, make_user):
    user = make_user()
    begun = utcnow() - login_sessions.LIFETIME - timedelta(minutes=1)
    stale = login_sessions.start(db, user, now=begun)
    assert login_sessions.logged_in_user(db, stale, now=begun + timedelta(days=1)) is user
    assert login_sessions.logged_in_user(db, stale) is None
    login_sessions.start(db, user)
    assert _rows(db, user) == 1  # the year-old row was deleted at the next login


def test_a_suspended_account_is_not_logged_in(db, make_user):
    user = make_user(suspended=True)
    assert login_sessions.logged_in_user(db, login_sessions.start(db, user)) is None


def test_malformed_login_ids_are_anonymous_and_end_nothing(db, make_user):
    user = make_user()
    live = login_sessions.start(db, user)
    for login_id in ("", "x", f"{user.id}", f"{user.id}:1", f"{user.id}:x:key", "a:1:key", f"{user.id}:1:"):
        assert login_sessions.logged_in_user(db, login_id) is None
        login_sessions.end(db, login_id)
    assert login_sessions.logged_in_user(db, live) is user
