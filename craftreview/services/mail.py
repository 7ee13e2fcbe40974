"""Pluggable mail delivery. The default backend writes to the mail outbox table."""
from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm import Session

from ..models import OutgoingMail


class MailBackend(Protocol):
    def send(self, session: Session, *, to: str, subject: str, body: str) -> None:
        """Queue or send one message within the caller's transaction."""


class OutboxMailBackend:
    """Stores messages in `mail_outbox`; an operator's relay (or the dashboard) delivers them."""

    def send(self, session: Session, *, to: str, subject: str, body: str) -> None:
        session.add(OutgoingMail(to_email=to, subject=subject, body=body))


BACKENDS: dict[str, type] = {"outbox": OutboxMailBackend}


def make_mail_backend(name: str) -> MailBackend:
    """The backend configured by name (CRAFTREVIEW_MAIL_BACKEND)."""
    try:
        return BACKENDS[name]()
    except KeyError:
        raise ValueError(f"unknown mail backend {name!r}; known: {', '.join(BACKENDS)}") from None
