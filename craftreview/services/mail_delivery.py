"""Delivery of queued mail over SMTP, after the transaction that queued it has committed."""
from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..models import OutgoingMail, utcnow
from .mail import HIDDEN, SECRET_LINK_PATHS, SmtpMailBackend, SmtpSettings, hide_secrets

BATCH = 50
log = logging.getLogger(__name__)


def build_message(mail: OutgoingMail, sender: str) -> EmailMessage:
    """A text mail with its HTML alternative. The subject is put on one line: it names makers, items and titles, and a
    line break stored in one before they were cleaned to one line (text.one_line) would end the header."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, mail.to_email, " ".join(mail.subject.split())
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


def _claim(engine: Engine, mail: OutgoingMail) -> bool:
    """Mark one row as sent before sending, so two workers never deliver the same mail.

    The stored copy loses its link tokens at the same time: once sent, only the recipient holds them.
    """
    with Session(engine) as session, write_transaction(session):
        claimed = session.execute(update(OutgoingMail).where(
            OutgoingMail.id == mail.id, OutgoingMail.sent_at.is_(None)).values(
            sent_at=utcnow(), body=hide_secrets(mail.body), html_body=hide_secrets(mail.html_body)))
        return claimed.rowcount == 1


def _release(engine: Engine, mail: OutgoingMail) -> None:
    """Queue a mail that failed to send again, with its links (`mail` still holds them)."""
    with Session(engine) as session, write_transaction(session):
        session.execute(update(OutgoingMail).where(OutgoingMail.id == mail.id).values(
            sent_at=None, body=mail.body, html_body=mail.html_body))


def hide_sent_secrets(engine: Engine, batch: int = BATCH) -> int:
    """Hide link tokens in mails marked sent that still show them (an outside relay's, or sent before
    tokens were hidden on sending), `batch` mails per transaction; returns how many were looked at."""
    holds_link = or_(*(OutgoingMail.body.contains(path) & ~OutgoingMail.body.contains(path + HIDDEN)
                       for path in SECRET_LINK_PATHS))
    after, seen = 0, 0
    while True:
        with Session(engine) as session, write_transaction(session):
            mails = list(session.scalars(select(OutgoingMail).where(
                OutgoingMail.sent_at.is_not(None), OutgoingMail.id > after, holds_link)
                .order_by(OutgoingMail.id).limit(batch)))
            for mail in mails:
                mail.body, mail.html_body = hide_secrets(mail.body), hide_secrets(mail.html_body)
                after = mail.id
        if not mails:
            return seen
        seen += len(mails)


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
            try:  # built before it is claimed: a mail that cannot be built stays queued, and the batch goes on
                message = build_message(mail, backend.sender)
            except (ValueError, TypeError) as exc:
                log.error("mail %s cannot be built, left queued: %s", mail.id, exc)
                continue
            if not _claim(engine, mail):
                continue
            try:
                client.send_message(message)
            except (OSError, smtplib.SMTPException) as exc:
                log.warning("mail %s not delivered: %s", mail.id, exc)
                _release(engine, mail)
                continue
            sent += 1
    return sent
