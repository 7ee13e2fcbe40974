"""Password reset by a single-use link valid for one hour; using it ends every other session."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ..db import write_transaction
from ..errors import InvalidInput
from ..models import User, utcnow
from .accounts import find_user_by_email, personal_values
from .confirmation import mark_confirmed
from .link_mail import LinkMail, prepare_link_mail, send_link_mail
from .password_notice import prepare_password_notice, send_password_notice
from .passwords import hash_password, password_problem
from .review_effects import prepare_author_confirmation
from .tokens import LIFETIMES, RESET_PASSWORD, SPENT_BY_NEW_PASSWORD, find_token, link_user, lock_link, revoke_tokens

PURPOSE = RESET_PASSWORD


def _prepare_reset(session: Session, user: User) -> LinkMail | None:
    return prepare_link_mail(session, PURPOSE, to=user.email, endpoint="accounts.reset_password",
                             subject="Reset your craftreview password", template="reset_password",
                             display_name=user.display_name, minutes=int(LIFETIMES[PURPOSE].total_seconds() // 60))


def request_password_reset(session: Session, email: str, now: datetime | None = None) -> None:
    """Mail a reset link if the address has an account; callers answer the same either way."""
    now = now or utcnow()
    user = find_user_by_email(session, email or "")
    if user is None or user.deleted_at is not None:
        return
    prepared = _prepare_reset(session, user)  # the link and its mail, before the write lock
    if prepared is None:
        return
    with write_transaction(session):
        send_link_mail(session, user, now, prepared, lambda: _prepare_reset(session, user))


def check_reset_token(session: Session, token: str, now: datetime | None = None) -> User:
    """The account a live reset link belongs to, while it still uses the address the link was mailed to;
    NotFound with the reason otherwise (whoever holds a mailbox the account left gets no way in)."""
    return link_user(session, token, PURPOSE, now or utcnow())


def reset_password(session: Session, token: str, new_password: str, now: datetime | None = None) -> User:
    """Set a new password, spend the link (and a pending address change) and end every session of the account."""
    now = now or utcnow()
    user = check_reset_token(session, token, now)
    problem = password_problem(new_password or "", personal_values(user))  # the policy, and not the account's own words
    if problem:
        raise InvalidInput(problem, field="password")
    new_hash = hash_password(new_password)  # slow: outside the write lock
    rescored = prepare_author_confirmation(session, user, now, now)
    notice = prepare_password_notice(session, user, now, "reset", confirmed=True)  # the link reached this address
    with write_transaction(session):
        lock_link(session, token, PURPOSE)
        user = check_reset_token(session, token, now)  # re-checked under the write lock
        find_token(session, token, PURPOSE, now).used_at = now
        user.password_hash = new_hash
        user.session_version = User.session_version + 1
        for purpose in SPENT_BY_NEW_PASSWORD:  # a pending address change was asked for with the old password
            revoke_tokens(session, user.id, purpose, now)
        mark_confirmed(session, user, now, rescored)  # the link reached the inbox: the address is theirs
        send_password_notice(session, notice)
    session.refresh(user)
    return user
