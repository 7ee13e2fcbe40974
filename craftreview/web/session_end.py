"""Why this browser's session last began anew, so a form drawn in the session before can say why it stopped working.

CSRF tokens do not expire by time here (WTF_CSRF_TIME_LIMIT is None): a form from this site fails its check when the
session it was drawn in has ended since. Logging in, logging out, a new password and deleting the account each start
a fresh session (no state survives: session fixation); each also records which of them it was. A form drawn in another
tab before then says so instead of "the form expired". A session cookie that simply lapsed records nothing, and the
general words stand.
"""
from __future__ import annotations

from flask import session
from flask_login import login_user, logout_user

from ..services import login_sessions
from .context import get_db

_KEY = "renewed_by"
_WHY = {
    "login": "you last logged in",
    "logout": "you logged out",
    "logout_everywhere": "you logged out on every device",
    "password": "your password was changed",
    "deleted": "this account was deleted",
}


def renew(reason: str) -> None:
    """A fresh session (nothing from the old one survives) that remembers why it began: a key of _WHY."""
    if reason not in _WHY:
        raise ValueError(f"unknown reason {reason!r}")
    session.clear()
    session[_KEY] = reason


def begin(user, reason: str = "login", remember: bool = False) -> None:
    """Log `user` in, in a fresh session (no state from before survives: session fixation), as a login of its own
    (services/login_sessions.py) that this browser's logout can end alone."""
    renew(reason)
    login_user(user, remember=remember)
    session["_user_id"] = login_sessions.start(get_db(), user)  # what the remember-me cookie carries too


def end_here(reason: str = "logout") -> None:
    """Log this browser out: its login ends (its cookies and copies of them stop working), and a fresh session
    begins. Other logins of the account go on unless `reason` ended them too."""
    login_id = session.get("_user_id")
    if login_id:
        login_sessions.end(get_db(), str(login_id))
    logout_user()
    renew(reason)


def account_deleted() -> bool:
    """Whether this session began when its account was deleted (nothing it was drawn for can be done now)."""
    return session.get(_KEY) == "deleted"


# Flask-WTF's reasons for a token that was drawn in a session this browser no longer has: one signed by this site for
# another session, or any token once the session holds none (a fresh session has drawn no form yet). A token missing
# or altered says nothing about when its page was opened.
_DRAWN_IN_ANOTHER_SESSION = frozenset({"The CSRF tokens do not match.", "The CSRF session token is missing."})


def opened_before(refusal_reason: str | None) -> str | None:
    """"This page was opened before you logged out, so its form no longer works", or None when the token was not
    drawn in an earlier session (refusal_reason: the CSRF error's description) or the session's beginning is unknown:
    the start of what a form refused for its CSRF token says."""
    why = _why_renewed() if refusal_reason in _DRAWN_IN_ANOTHER_SESSION else None
    return None if why is None else f"This page was opened before {why}, so its form no longer works"


def _why_renewed() -> str | None:
    """Why the current session began, in words that follow "This page was opened before"; None if unknown."""
    return _WHY.get(session.get(_KEY))
