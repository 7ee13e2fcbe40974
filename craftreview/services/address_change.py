"""The notice to the address an account leaves: if someone else changed it, that inbox is where its owner hears.

It goes only to a confirmed address (one never confirmed may be a stranger's, a typo at sign-up) and carries no
secret link: the change is undone by logging in, never by a link in a mail.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ..emails import masked
from ..models import User
from .mail import Mailer, mailer_for
from .mail_render import RenderedMail, queue_mail, render_templated

SUBJECT = "Your craftreview email address was changed"


def _render(mailer: Mailer, old_email: str, display_name: str, new_email: str, now: datetime) -> RenderedMail:
    return render_templated(to=old_email, subject=SUBJECT, template="email_changed", display_name=display_name,
                            old_email=old_email, new_email=masked(new_email), when=now.strftime("%Y-%m-%d %H:%M UTC"),
                            account=mailer.link("auth.account"))


def prepare_change_notice(session: Session, user: User, new_email: str, now: datetime) -> RenderedMail | None:
    """Before the write lock: the notice to the user's current address if it is confirmed (None without a mailer)."""
    mailer = mailer_for(session)
    if mailer is None or not user.email_confirmed:
        return None
    return _render(mailer, user.email, user.display_name, new_email, now)


def send_change_notice(session: Session, old_email: str, display_name: str, new_email: str, now: datetime,
                       prepared: RenderedMail | None) -> None:
    """Inside the change's transaction, once the replaced address is known to be confirmed: queue the notice,
    rendered again if the address it was prepared for is not the one replaced (another change came first)."""
    mailer = mailer_for(session)
    if mailer is None:
        return
    if prepared is None or prepared.to != old_email:
        prepared = _render(mailer, old_email, display_name, new_email, now)
    queue_mail(session, prepared)
