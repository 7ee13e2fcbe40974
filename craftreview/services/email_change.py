"""Changing an account's address: nothing changes until the new address proves it is the owner's.

The answer to a request is the same whether or not another account has the address, so the form cannot be used to
learn who has an account here. A free address is mailed a single-use link that makes the change; a taken one is
mailed a notice telling its owner that someone asked to move an account there and that nothing changed (no link).
Either way the account keeps its address, and its page says a change waits for its link. The link checks again,
under the write lock, that the address is still free: one address, one account, whatever happened meanwhile.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..emails import email_key, masked
from ..errors import Conflict, NotFound, Problems
from ..models import AccountToken, User, as_utc, utcnow
from .accounts import TAKEN_MESSAGE, check_free_for, check_password_again, validated_new_email
from .address_change import prepare_change_notice, send_change_notice
from .confirmation import mark_confirmed
from .link_mail import prepare_link_mail
from .mail import mailer_for
from .mail_render import RenderedMail, queue_mail, render_templated
from .review_effects import prepare_author_confirmation
from .still_there import lock_actor
from .tokens import (
    CHANGE_EMAIL,
    CONFIRM_EMAIL,
    LIFETIMES,
    NOT_VALID,
    RESET_PASSWORD,
    drop_unsent_link_mail,
    find_token,
    issue_token,
    lock_link,
    new_token,
    revoke_tokens,
    token_row,
)
from .voices import remember_address

PURPOSE = CHANGE_EMAIL
TAKEN_NOTICE_SUBJECT = "Someone asked to use your address on craftreview"


def request_email_change(session: Session, user: User, *, new_email: str, password: str,
                         now: datetime | None = None) -> str:
    """After re-checking the password: the link to `new_email` (or, if another account has it, the notice to that
    account) is queued and the account's pending change recorded; its address stays as it is. Returns the address."""
    now = now or utcnow()
    with Problems() as problems:
        email = problems.check(validated_new_email, session, user, new_email)
        problems.check(check_password_again, user, password)
    holder = _holder(session, user, email)
    link = None if holder else prepare_link_mail(
        session, PURPOSE, to=email, endpoint="accounts.confirm_email_change", subject="Confirm your new email address "
        "on craftreview", template="confirm_email_change", display_name=user.display_name, email=email,
        old_email=masked(user.email), hours=int(LIFETIMES[PURPOSE].total_seconds() // 3600))
    notice = _taken_notice(session, holder) if holder else None
    with write_transaction(session):
        lock_actor(session, user)  # deleted meanwhile (another tab): no link mailed, no token kept for it
        # Recorded the same way either way (the page shows it as pending); a taken address's token is mailed nowhere.
        issue_token(session, user, PURPOSE, now, link.token if link else new_token(), email=email)
        for mail in (link.mail if link else None, notice):
            if mail is not None:
                queue_mail(session, mail)
    return email


def _holder(session: Session, user: User, email: str) -> User | None:
    """The other account that has this address (under its key), if any."""
    return session.scalar(select(User).where(User.email_key == email_key(email), User.id != user.id).limit(1))


def _taken_notice(session: Session, holder: User) -> RenderedMail | None:
    mailer = mailer_for(session)
    if mailer is None:
        return None
    return render_templated(to=holder.email, subject=TAKEN_NOTICE_SUBJECT, template="email_change_taken",
                            display_name=holder.display_name, email=holder.email,
                            reset=mailer.link("accounts.forgot_password"))


def pending_email_change(session: Session, user: User, now: datetime | None = None) -> str | None:
    """The address a live change link waits on, if any (for the account page)."""
    row = session.scalar(select(AccountToken).where(
        AccountToken.user_id == user.id, AccountToken.purpose == PURPOSE, AccountToken.used_at.is_(None))
        .order_by(AccountToken.id.desc()).limit(1))
    return row.email if row is not None and as_utc(row.expires_at) > (now or utcnow()) else None


class ChangeMade(NotFound):
    """A spent change link whose address its account uses now (the mail opened again): the change is made, and no new
    link is needed. The address is named: the link was mailed to it."""

    def __init__(self, email: str):
        super().__init__(f"This link has done its work: your account uses {email} already. There is nothing more to "
                         "do with it.")


def check_email_change(session: Session, token: str, now: datetime | None = None) -> tuple[User, str]:
    """The account and new address of a live change link; NotFound otherwise (ChangeMade: it was used, and made)."""
    row = _live_link(session, token, now or utcnow())
    user = session.get(User, row.user_id)
    if user is None or user.deleted_at is not None:
        raise NotFound(NOT_VALID)
    return user, row.email


def _live_link(session: Session, token: str, now: datetime) -> AccountToken:
    try:
        return find_token(session, token, PURPOSE, now)
    except NotFound:
        row = token_row(session, token, PURPOSE)
        user = session.get(User, row.user_id) if row is not None and row.used_at is not None else None
        if user is not None and user.deleted_at is None and user.email == row.email:
            raise ChangeMade(row.email) from None
        raise


def confirm_email_change(session: Session, token: str, now: datetime | None = None) -> User:
    """Spend the link and give the account its new, confirmed address; the old one, if confirmed, is told. An address
    another account took meanwhile is refused (Conflict) and nothing changes. Links and mail for the old address die."""
    now = now or utcnow()
    user, email = check_email_change(session, token, now)
    rescored = prepare_author_confirmation(session, user, now, now)  # an unconfirmed author's reviews count now
    notice = prepare_change_notice(session, user, email, now)
    try:
        with write_transaction(session):
            # deleted meanwhile (another tab), and the link with it: said as such
            lock_actor(session, user, exclusive=True)
            lock_link(session, token, PURPOSE)
            user, email = check_email_change(session, token, now)  # re-checked under the write lock
            find_token(session, token, PURPOSE, now).used_at = now
            check_free_for(session, user, email)
            session.refresh(user, ["email", "display_name", "email_confirmed_at"])
            old_email, name, was_confirmed = user.email, user.display_name, user.email_confirmed
            remember_address(session, user)  # links its owner's next account, should this one be deleted (voices.py)
            user.email = email
            mark_confirmed(session, user, now, rescored)
            user.email_confirmed_at = now  # the link reached this address
            if was_confirmed:
                send_change_notice(session, old_email, name, email, now, notice)
            for purpose in (RESET_PASSWORD, CONFIRM_EMAIL):  # links of the old address
                revoke_tokens(session, user.id, purpose, now)
            drop_unsent_link_mail(session, user.id, old_email)
    except IntegrityError as exc:
        raise Conflict(TAKEN_MESSAGE, field="email") from exc
    return user
