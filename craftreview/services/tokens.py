"""Single-use, expiring account tokens (email confirmation, password reset); only hashes are stored."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from ..db import reread_locked
from ..errors import NotFound
from ..models import AccountToken, OutgoingMail, User, as_utc
from .mail import ACCOUNT_LINK_PATHS, link_tokens

CONFIRM_EMAIL = "confirm_email"  # a link that confirms the address it was mailed to (confirmation.py)
RESET_PASSWORD = "reset_password"  # named here too: account changes that must spend reset links import it
CHANGE_EMAIL = "change_email"  # a link that moves the account to the address it was mailed to (email_change.py)
# What a new password spends: a reset link would set yet another password, and an address change was asked for with
# the old password (whoever learned it would otherwise move the account to their mailbox, and its resets with it).
SPENT_BY_NEW_PASSWORD = (RESET_PASSWORD, CHANGE_EMAIL)
NOT_VALID = "This link is not valid. Check that you copied all of it, or ask for a new one."
LIFETIMES = {CONFIRM_EMAIL: timedelta(hours=48), RESET_PASSWORD: timedelta(hours=1), CHANGE_EMAIL: timedelta(hours=48)}


def token_digest(token: str) -> str:
    """SHA-256 of a link token: a database leak must not leak live links."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    """A link token (drawn before the write lock, so the mail carrying it can be rendered there too)."""
    return secrets.token_urlsafe(32)


def issue_token(session: Session, user: User, purpose: str, now: datetime, token: str | None = None,
                email: str | None = None) -> str:
    """Store `token` (a fresh one if None) for `purpose` and the address it is mailed to (`email`, else the
    account's); earlier unused tokens of the same purpose stop working."""
    revoke_tokens(session, user.id, purpose, now)
    token = token or new_token()
    session.add(AccountToken(user_id=user.id, purpose=purpose, token_hash=token_digest(token), email=email or user.email,
                             expires_at=now + LIFETIMES[purpose], created_at=now))
    return token


def revoke_tokens(session: Session, user_id: int, purpose: str, now: datetime) -> None:
    """Spend every unused token of this purpose (a newer link, or the address changed)."""
    session.execute(update(AccountToken).where(
        AccountToken.user_id == user_id, AccountToken.purpose == purpose, AccountToken.used_at.is_(None))
        .values(used_at=now))


def drop_unsent_link_mail(session: Session, user_id: int, address: str) -> None:
    """Inside the caller's transaction: delete the mails to `address` not yet sent that carry one of the user's
    confirmation or reset links for it. The caller (an email change) leaves every such link dead: sent later, the
    mail would only lead to 'this link no longer works'. Mail already sent stays on record."""
    issued = set(session.scalars(select(AccountToken.token_hash).where(
        AccountToken.user_id == user_id, AccountToken.email == address)))
    if not issued:
        return
    pending = session.execute(select(OutgoingMail.id, OutgoingMail.body).where(
        OutgoingMail.to_email == address, OutgoingMail.sent_at.is_(None),
        or_(*(OutgoingMail.body.contains(path) for path in ACCOUNT_LINK_PATHS)))).all()
    dead = [mail.id for mail in pending if issued & {token_digest(t) for t in link_tokens(mail.body)}]
    if dead:  # sent_at again: a relay may have claimed one meanwhile (it then went out; nothing to drop)
        session.execute(delete(OutgoingMail).where(OutgoingMail.id.in_(dead), OutgoingMail.sent_at.is_(None)))


def token_row(session: Session, token: str, purpose: str) -> AccountToken | None:
    """The stored row of a link token, live or not."""
    return session.scalar(select(AccountToken).where(
        AccountToken.token_hash == token_digest(token or ""), AccountToken.purpose == purpose))


def lock_link(session: Session, token: str, purpose: str) -> None:
    """Inside write_transaction, before a link is re-checked and spent: its row and its account's read as stored now
    and locked until the commit. The same link sent from several tabs at once (or a script) is then spent once on
    PostgreSQL too: the others wait, then read it used. (Without the lock, each re-checked the rows its session had
    read before the write: three requests spent one email-change link, and two mailed the new address that it had
    been changed from itself; several reset one password, and all but one were told a password that did not work.)
    The account is locked first, in the order an account deletion locks them (it erases the account's links): the
    other way round, a link used during a deletion and the deletion waited for each other (a deadlock on PostgreSQL);
    now the link waits, and its row, erased meanwhile, is not valid as any erased link."""
    row = token_row(session, token, purpose)
    if row is None:
        return
    user = session.get(User, row.user_id)
    if user is not None:
        reread_locked(session, user)
    reread_locked(session, row, gone=NOT_VALID)


def find_token(session: Session, token: str, purpose: str, now: datetime) -> AccountToken:
    """The live token row; NotFound (with the reason) when unknown, used or expired."""
    return _live(token_row(session, token, purpose), now)


def _live(row: AccountToken | None, now: datetime) -> AccountToken:
    if row is None:
        raise NotFound(NOT_VALID)
    if row.used_at is not None:
        raise NotFound("This link has already been used, or it no longer works: a newer link or a change to the "
                       "account replaced it. Ask for a new one.")
    if as_utc(row.expires_at) <= now:
        raise NotFound("This link has expired. Ask for a new one.")
    return row


def link_user(session: Session, token: str, purpose: str, now: datetime) -> User:
    """The account of a live link while it still uses the address the link was mailed to; NotFound otherwise."""
    row = token_row(session, token, purpose)
    user = session.get(User, row.user_id) if row is not None else None
    if row is not None and (user is None or user.deleted_at is not None or user.email != row.email):
        # The address changed since the link was sent: it no longer proves anything. Said first, as the most
        # useful reason, also for a link the change of address has spent.
        raise NotFound("This link was for an address the account no longer uses. Ask for a new one.")
    _live(row, now)
    return user
