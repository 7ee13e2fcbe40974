"""The notice that an account's password changed: if someone who learned the old one changed it, and logged the owner
out everywhere, this mail is how the owner hears.

It goes only to a confirmed address (a reset link reaching it confirms it), carries no secret link (only the address
of the page that mails a reset link), and is queued in the change's own transaction, so a refused change mails
nothing.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ..models import User
from .mail import mailer_for
from .mail_render import RenderedMail, queue_mail, render_templated

SUBJECT = "Your craftreview password was changed"


def prepare_password_notice(session: Session, user: User, now: datetime, how: str,
                            confirmed: bool | None = None) -> RenderedMail | None:
    """Before the write lock: the notice for `user`'s address (None without a mailer, or for an address never
    confirmed: it may be a stranger's). `how`: "changed" (on the account page) or "reset" (through a mailed link)."""
    mailer = mailer_for(session)
    if mailer is None or not (user.email_confirmed if confirmed is None else confirmed):
        return None
    return render_templated(to=user.email, subject=SUBJECT, template="password_changed", how=how,
                            display_name=user.display_name, when=now.strftime("%Y-%m-%d %H:%M UTC"),
                            reset=mailer.link("accounts.forgot_password"))


def send_password_notice(session: Session, prepared: RenderedMail | None) -> None:
    """Inside the change's transaction: queue the notice prepared for it."""
    if prepared is not None:
        queue_mail(session, prepared)
