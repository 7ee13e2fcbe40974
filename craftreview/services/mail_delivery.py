"""Delivery of queued mail over SMTP, after the transaction that queued it has committed."""
from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..models import OutgoingMail, utcnow
from .mail import SmtpMailBackend, SmtpSettings

BATCH = 50
log = logging.getLogger(__name__)


def build_message(mail: OutgoingMail, sender: str) -> EmailMessage:
    """A text mail with its HTML alternative."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, mail.to_email, mail.subject
    message.set_content(mail.body)
    if mail.html_body:
        message.add_alternative(mail.html_body, subtype="html")
    return message


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    cls = smtplib.SMTP_SSL if settings.ssl else smtplib.SMTP
    client = cls(settings.host, settings.port, timeout=settings.timeout)
    if settings.starttls:
        client.starttls()
    if settings.username:
        client.login(settings.username, settings.password or "")
    return client


def _claim(engine: Engine, mail_id: int) -> bool:
    """Mark one row as sent before sending, so two workers never deliver the same mail."""
    with Session(engine) as session, write_transaction(session):
        claimed = session.execute(update(OutgoingMail).where(
            OutgoingMail.id == mail_id, OutgoingMail.sent_at.is_(None)).values(sent_at=utcnow()))
        return claimed.rowcount == 1


def _release(engine: Engine, mail_id: int) -> None:
    with Session(engine) as session, write_transaction(session):
        session.execute(update(OutgoingMail).where(OutgoingMail.id == mail_id).values(sent_at=None))


def deliver_pending(engine: Engine, backend: SmtpMailBackend, limit: int = BATCH) -> int:
    """Send up to `limit` unsent mails through the relay; failed ones stay queued. Returns mails sent."""
    with Session(engine) as session:
        pending = list(session.scalars(select(OutgoingMail).where(OutgoingMail.sent_at.is_(None))
                                       .order_by(OutgoingMail.id).limit(limit)))
    if not pending:
        return 0
    sent = 0
    try:
        client = _connect(backend.settings)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("mail relay %s:%s unreachable: %s", backend.settings.host, backend.settings.port, exc)
        return 0
    with client:
        for mail in pending:
            if not _claim(engine, mail.id):
                continue
            try:
                client.send_message(build_message(mail, backend.sender))
            except (OSError, smtplib.SMTPException) as exc:
                log.warning("mail %s not delivered: %s", mail.id, exc)
                _release(engine, mail.id)
                continue
            sent += 1
    return sent
