"""Mail bodies rendered from templates/mail/ as plain text and HTML (Jinja2, no Flask)."""
from __future__ import annotations

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


def render_mail(name: str, **context) -> tuple[str, str]:
    """(text, html) of the mail templates `<name>.txt` and `<name>.html`."""
    env = _environment()
    return env.get_template(f"{name}.txt").render(**context), env.get_template(f"{name}.html").render(**context)


def send_templated(session: Session, *, to: str, subject: str, template: str, **context) -> bool:
    """Render and queue one mail through the app's backend; False when no mailer is configured."""
    mailer = mailer_for(session)
    if mailer is None:
        return False
    text, html = render_mail(template, subject=subject, **context)
    mailer.backend.send(session, to=to, subject=subject, body=text, html=html)
    return True
