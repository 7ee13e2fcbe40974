"""Pluggable mail delivery. Every backend queues in the `mail_outbox` table inside the caller's
transaction; the SMTP backend then delivers the queued rows after commit (see mail_delivery)."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import OutgoingMail

# Paths whose last part is a secret (the routes with a <token>): confirmation, password reset, invitation,
# one-click unsubscribe. Whoever reads such a link can act as its recipient, so only the recipient's
# mail carries it: moderators and the stored copy of a sent mail see "/reset-password/[hidden]".
ACCOUNT_LINK_PATHS = ("/confirm-email/", "/confirm-email-change/", "/reset-password/")  # their tokens are account_tokens rows
INVITATION_LINK_PATH = "/invite/"  # a maker's invitation to write a verified review: the mailbox owner's
SECRET_LINK_PATHS = (*ACCOUNT_LINK_PATHS, INVITATION_LINK_PATH, "/unsubscribe/")
HIDDEN = "[hidden]"
_SECRET_LINK = re.compile("(" + "|".join(map(re.escape, SECRET_LINK_PATHS)) + r")([^\s\"'<>?#/]+)")

QUEUED = "craftreview.mail.queued"   # session.info: this transaction queued mail
MAILER = "craftreview.mailer"        # session.info: the app's Mailer (see web/mailing.py)


class MailBackend(Protocol):
    def send(self, session: Session, *, to: str, subject: str, body: str, html: str | None = None) -> None:
        """Queue or send one message within the caller's transaction."""


class OutboxMailBackend:
    """Stores messages in `mail_outbox`; an operator's relay (or the dashboard) delivers them."""

    delivers = False

    def send(self, session: Session, *, to: str, subject: str, body: str, html: str | None = None) -> None:
        session.add(OutgoingMail(to_email=to, subject=subject[:200], body=body, html_body=html))
        session.info[QUEUED] = True


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to relay: parsed from a URL such as smtp://user:pass@host:587?starttls=1."""

    host: str
    port: int
    ssl: bool = False
    starttls: bool = False
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 10.0

    @classmethod
    def from_url(cls, url: str) -> SmtpSettings:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("mail URL must look like smtp://host:port or smtps://user:password@host:port")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        ssl = parts.scheme == "smtps"
        return cls(host=parts.hostname, port=parts.port or (465 if ssl else 25), ssl=ssl,
                   starttls=query.get("starttls", "0").lower() in ("1", "true", "yes"),
                   username=unquote(parts.username) if parts.username else None,
                   password=unquote(parts.password) if parts.password else None,
                   timeout=float(query.get("timeout", "10")))


class SmtpMailBackend(OutboxMailBackend):
    """Queues like the outbox (so nothing is lost if the relay is down), then an SMTP relay
    delivers the queued rows after the transaction commits (mail_delivery.deliver_pending)."""

    delivers = True

    def __init__(self, settings: SmtpSettings, sender: str):
        self.settings = settings
        self.sender = sender


BACKENDS: dict[str, type] = {"outbox": OutboxMailBackend, "smtp": SmtpMailBackend}


def make_mail_backend(name: str, url: str = "", sender: str = "craftreview <no-reply@localhost>") -> MailBackend:
    """The backend configured by name (CRAFTREVIEW_MAIL_BACKEND) or by URL (CRAFTREVIEW_MAIL_URL)."""
    if url:
        return SmtpMailBackend(SmtpSettings.from_url(url), sender)
    if name == "outbox":
        return OutboxMailBackend()
    if name in BACKENDS:
        raise ValueError(f"mail backend {name!r} needs CRAFTREVIEW_MAIL_URL")
    raise ValueError(f"unknown mail backend {name!r}; known: {', '.join(BACKENDS)}")


@dataclass
class Mailer:
    """What services need to send templated mail: a backend, absolute links and signing."""

    backend: MailBackend
    link: Callable[..., str]              # link(endpoint, **values) -> absolute URL
    unsubscribe_token: Callable[[int, str], str]


def mailer_for(session: Session) -> Mailer | None:
    """The app's mailer, attached to every session its factory makes (None outside an app)."""
    return session.info.get(MAILER)


def outbox_query():
    """Every mail in the outbox, newest first (the operators' page paginates it)."""
    return select(OutgoingMail).order_by(OutgoingMail.id.desc())


def link_tokens(text: str | None, path: str | None = None) -> set[str]:
    """The tokens of the secret-bearing links in `text` (only those to `path`, one of SECRET_LINK_PATHS, if given)."""
    return {match.group(2) for match in _SECRET_LINK.finditer(text or "") if path is None or match.group(1) == path}


def hide_secrets(text: str | None) -> str | None:
    """`text` with the token of every secret-bearing link replaced by "[hidden]" (the path stays readable)."""
    return None if text is None else _SECRET_LINK.sub(rf"\g<1>{HIDDEN}", text)


@dataclass(frozen=True)
class ModeratorMail:
    """A mail as moderators see it on /moderation/mail: what was sent to whom, with no usable link in it."""

    to_email: str
    subject: str
    body: str
    html_body: str | None
    created_at: datetime
    sent_at: datetime | None


def for_moderators(mail: OutgoingMail) -> ModeratorMail:
    """The moderators' view of one outbox row."""
    return ModeratorMail(to_email=mail.to_email, subject=mail.subject, body=hide_secrets(mail.body),
                         html_body=hide_secrets(mail.html_body), created_at=mail.created_at, sent_at=mail.sent_at)
