"""Email confirmation: a single-use, expiring link mailed to the address being confirmed."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ..db import write_transaction
from ..errors import InvalidInput, NotFound
from ..models import User, utcnow
from . import page_stamps
from .mail import mailer_for
from .mail_render import send_templated
from .tokens import LIFETIMES, find_token, issue_token

PURPOSE = "confirm_email"


def send_confirmation(session: Session, user: User, now: datetime) -> None:
    """Inside the caller's transaction: issue a token for the user's current address and mail it."""
    mailer = mailer_for(session)
    if mailer is None:
        return
    token = issue_token(session, user, PURPOSE, now)
    send_templated(session, to=user.email, subject="Confirm your email address on craftreview",
                   template="confirm_email", display_name=user.display_name, email=user.email,
                   link=mailer.link("accounts.confirm_email", token=token),
                   hours=int(LIFETIMES[PURPOSE].total_seconds() // 3600))


def resend_confirmation(session: Session, user: User, now: datetime | None = None) -> None:
    """A new confirmation link (the earlier ones stop working)."""
    if user.email_confirmed:
        raise InvalidInput("Your email address is already confirmed.")
    with write_transaction(session):
        send_confirmation(session, user, now or utcnow())


def check_confirmation(session: Session, token: str, now: datetime | None = None) -> User:
    """The account a live confirmation link belongs to (for the confirm page); NotFound otherwise."""
    row = find_token(session, token, PURPOSE, now or utcnow())
    user = session.get(User, row.user_id)
    if user is None or user.deleted_at is not None or user.email != row.email:
        # The address changed since the link was sent: it no longer proves anything.
        raise NotFound("This link was for an address the account no longer uses. Ask for a new one.")
    return user


def confirm_email(session: Session, token: str, now: datetime | None = None) -> User:
    """Spend the link and mark the address confirmed."""
    now = now or utcnow()
    with write_transaction(session):
        user = check_confirmation(session, token, now)   # re-checked under the write lock
        find_token(session, token, PURPOSE, now).used_at = now
        user.email_confirmed_at = now
        page_stamps.touch_author(session, user.id)  # their reviews through orders show as verified again
    return user
