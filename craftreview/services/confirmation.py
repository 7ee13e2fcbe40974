"""Email confirmation: a single-use, expiring link mailed to the address being confirmed."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ..db import write_transaction
from ..errors import InvalidInput, NotFound
from ..models import User, utcnow
from . import page_stamps
from .link_mail import LinkMail, prepare_link_mail, send_link_mail
from .queries import email_confirmed_now
from .review_effects import after_author_confirmation, after_voice_change, prepare_author_confirmation
from .still_there import lock_actor
from .tokens import CONFIRM_EMAIL, LIFETIMES, find_token, link_user, lock_link, token_row
from .voices import link_earlier_account

PURPOSE = CONFIRM_EMAIL


def prepare_confirmation(session: Session, display_name: str, email: str) -> LinkMail | None:
    """Before the write lock: a confirmation link for `email` and its mail (None without a mailer)."""
    return prepare_link_mail(session, PURPOSE, to=email, endpoint="accounts.confirm_email",
                             subject="Confirm your email address on craftreview", template="confirm_email",
                             display_name=display_name, email=email,
                             hours=int(LIFETIMES[PURPOSE].total_seconds() // 3600))


def send_confirmation(session: Session, user: User, now: datetime, prepared: LinkMail | None) -> None:
    """Inside the caller's transaction: issue the prepared link for the user's current address and mail it."""
    send_link_mail(session, user, now, prepared,
                   lambda: prepare_confirmation(session, user.display_name, user.email))


def resend_confirmation(session: Session, user: User, now: datetime | None = None) -> None:
    """A new confirmation link (the earlier ones stop working)."""
    if user.email_confirmed:
        raise InvalidInput("Your email address is already confirmed.")
    prepared = prepare_confirmation(session, user.display_name, user.email)
    with write_transaction(session):
        lock_actor(session, user)  # deleted meanwhile (another tab): no link in its name, no mail to its erased address
        send_confirmation(session, user, now or utcnow(), prepared)


class AlreadyConfirmed(NotFound):
    """A spent (or expired) confirmation link whose address is confirmed: nothing is left to do."""

    def __init__(self, email: str):
        super().__init__(f"{email} is already confirmed: there is nothing more to do with this link.")
        self.email = email


class AddressMovedOn(NotFound):
    """A link for an address the account has left for another it confirmed since (an email change confirms the new
    address): nothing is left to confirm, so no new link is offered. The new address is not named: the old mailbox's
    holder may not be the account's owner."""

    def __init__(self):
        super().__init__("This link was for an address the account no longer uses, and the address it uses now is "
                         "confirmed: there is nothing to do with this link.")


def _nothing_left(session: Session, token: str) -> NotFound | None:
    """Why a dead confirmation link has nothing left to do: the address it was for is confirmed (AlreadyConfirmed), or
    the account has confirmed another since (AddressMovedOn); None when its holder needs a new link."""
    row = token_row(session, token, PURPOSE)
    user = session.get(User, row.user_id) if row is not None else None
    if user is None or user.deleted_at is not None or not user.email_confirmed:
        return None
    return AlreadyConfirmed(user.email) if user.email == row.email else AddressMovedOn()


def check_confirmation(session: Session, token: str, now: datetime | None = None) -> User:
    """The account a live confirmation link belongs to (for the confirm page); NotFound otherwise
    (AlreadyConfirmed when the link is spent but its address is confirmed: reusing it is not an error;
    AddressMovedOn when the account has confirmed another address since)."""
    try:
        return link_user(session, token, PURPOSE, now or utcnow())
    except NotFound:
        done = _nothing_left(session, token)
        if done is not None:
            raise done from None
        raise


def confirm_email(session: Session, token: str, now: datetime | None = None) -> User:
    """Spend the link and mark the address confirmed; the makers of the author's order-backed reviews are
    rescored in the same write (those reviews count as verified again)."""
    now = now or utcnow()
    rescored = prepare_author_confirmation(session, check_confirmation(session, token, now), now, now)
    with write_transaction(session):
        lock_link(session, token, PURPOSE)
        user = check_confirmation(session, token, now)   # re-checked under the write lock
        find_token(session, token, PURPOSE, now).used_at = now
        mark_confirmed(session, user, now, rescored)
    return user


def mark_confirmed(session: Session, user: User, now: datetime, prepared: dict) -> None:
    """Inside the caller's transaction: the address is confirmed (a confirmation link, a reset link that reached the
    inbox, or a changed address's link); `prepared`: prepare_author_confirmation's work from before the lock. An
    address a deleted account had confirmed links this account to it (voices.py), whether or not the account was
    confirmed already under another address."""
    linked = link_earlier_account(session, user)
    if not email_confirmed_now(session, user.id):
        user.email_confirmed_at = now
        page_stamps.touch_author(session, user.id)  # their reviews through orders show as verified again
        after_author_confirmation(session, user.id, now, prepared)
    if linked is not None:
        after_voice_change(session, user.id, now)
