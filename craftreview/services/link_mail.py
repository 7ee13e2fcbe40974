"""Mails that carry a single-use account link (email confirmation, password reset).

The token is drawn and the mail rendered before the write transaction; inside it only the token's hash
is stored and the mail queued. If the account's address changed in between, the mail is prepared again
for the new address under the lock: a link must only ever reach the address it was issued for.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ..models import User
from .mail import mailer_for
from .mail_render import RenderedMail, queue_mail, render_templated
from .tokens import issue_token, new_token


@dataclass(frozen=True)
class LinkMail:
    purpose: str
    token: str
    mail: RenderedMail


def prepare_link_mail(session: Session, purpose: str, *, to: str, endpoint: str, subject: str, template: str,
                      **context) -> LinkMail | None:
    """A fresh token and its mail to `to`, linking to `endpoint`; None when no mailer is configured."""
    mailer = mailer_for(session)
    if mailer is None:
        return None
    token = new_token()
    mail = render_templated(to=to, subject=subject, template=template,
                            link=mailer.link(endpoint, token=token), **context)
    return LinkMail(purpose, token, mail)


def send_link_mail(session: Session, user: User, now: datetime, prepared: LinkMail | None,
                   prepare_again: Callable[[], LinkMail | None]) -> None:
    """Inside the caller's transaction: store the link's token for the user's address and queue its mail."""
    session.refresh(user, ["email", "display_name"])  # read again under the lock: another request may have changed it
    if prepared is not None and prepared.mail.to != user.email:
        prepared = prepare_again()
    if prepared is not None:
        issue_token(session, user, prepared.purpose, now, prepared.token)
        queue_mail(session, prepared.mail)
