"""Mail bodies rendered from templates/mail/ as plain text and HTML (Jinja2, no Flask)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy.orm import Session

from ..config import PROJECT_ROOT
from .mail import mailer_for

MAIL_TEMPLATES = PROJECT_ROOT / "templates" / "mail"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # HTML is escaped (user text such as review titles goes into it); text is not markup.
    return Environment(loader=FileSystemLoader(str(MAIL_TEMPLATES)), undefined=StrictUndefined,
                       autoescape=select_autoescape(enabled_extensions=("html",), default=False),
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def compile_templates() -> None:
    """Compile every mail template now (a worker's warm-up), not in the first write that sends mail."""
    env = _environment()
    for name in env.list_templates():
        env.get_template(name)


def render_mail(name: str, **context) -> tuple[str, str]:
    """(text, html) of the mail templates `<name>.txt` and `<name>.html`."""
    env = _environment()
    return env.get_template(f"{name}.txt").render(**context), env.get_template(f"{name}.html").render(**context)


@dataclass(frozen=True)
class RenderedMail:
    """A mail rendered before the write transaction that queues it."""

    to: str
    subject: str
    body: str
    html: str


def render_templated(*, to: str, subject: str, template: str, **context) -> RenderedMail:
    """Render one mail from its templates (no database, no lock)."""
    text, html = render_mail(template, subject=subject, **context)
    return RenderedMail(to=to, subject=subject, body=text, html=html)


def queue_mail(session: Session, mail: RenderedMail) -> None:
    """Inside the caller's transaction: hand a rendered mail to the app's backend (nothing without a mailer)."""
    mailer = mailer_for(session)
    if mailer is not None:
        mailer.backend.send(session, to=mail.to, subject=mail.subject, body=mail.body, html=mail.html)
