"""Logins one browser at a time: a login id is "<user id>:<session version>:<key>", and it authenticates while the
account's session version is still that one and the LoginSession row of its key exists.

Logging out in one browser deletes that browser's row: its session cookie and remember-me cookie stop working, copies
included, and the account's other logins go on. Ending every login ("log out everywhere", a new password, a suspension,
a deletion) bumps the session version, as before; a deletion also erases the account's rows
(account_data._erase_personal_rows), since the account never logs in again to prune them. Only the key's SHA-256 is stored: a database leak names no live
login (the cookie is signed besides).
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..models import LoginSession, User, as_utc, utcnow

# A login ends a year after it began at the latest (Flask-Login's remember-me cookie lasts as long); rows that old,
# or of an older session version, are deleted at the account's next login.
LIFETIME = timedelta(days=365)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _parse(login_id: str) -> tuple[int, int, str] | None:
    """(user id, session version, key) of a well-formed login id; None for anything else (ids issued before login
    sessions existed carry no key and no longer authenticate)."""
    user_id, version, key = (login_id.split(":", 2) + ["", ""])[:3]
    if not (user_id.isdigit() and version.isdigit() and key):
        return None
    return int(user_id), int(version), key


def start(session: Session, user: User, now: datetime | None = None) -> str:
    """Record a new login of `user` and return its login id (what the session and remember-me cookies carry)."""
    now = now or utcnow()
    key = secrets.token_urlsafe(24)
    with write_transaction(session):
        session.execute(delete(LoginSession).where(LoginSession.user_id == user.id, or_(
            LoginSession.session_version != user.session_version, LoginSession.created_at < now - LIFETIME)))
        session.add(LoginSession(user_id=user.id, key_hash=_digest(key), session_version=user.session_version,
                                 created_at=now))
    return f"{user.id}:{user.session_version}:{key}"


def end(session: Session, login_id: str) -> None:
    """End one login (this browser's logout): its cookies, and any copy of them, stop authenticating."""
    parsed = _parse(login_id)
    if parsed is None:
        return
    with write_transaction(session):
        session.execute(delete(LoginSession).where(LoginSession.user_id == parsed[0],
                                                   LoginSession.key_hash == _digest(parsed[2])))


def logged_in_user(session: Session, login_id: str, now: datetime | None = None) -> User | None:
    """The user a login id authenticates (one statement), or None: malformed, ended, too old, of an older session
    version, or the account suspended."""
    parsed = _parse(login_id)
    if parsed is None:
        return None
    user_id, version, key = parsed
    found = session.execute(
        select(User, LoginSession.created_at).join(LoginSession, LoginSession.user_id == User.id)
        .where(User.id == user_id, User.session_version == version, LoginSession.key_hash == _digest(key))).first()
    if found is None or found[0].is_suspended or as_utc(found[1]) < (now or utcnow()) - LIFETIME:
        return None
    return found[0]
