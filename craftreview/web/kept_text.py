"""A form refused before its view ran keeps what was typed.

CSRF protection (an expired session: 400) and the rate limits (429) answer before the view, with an error page: a
review typed for twenty minutes was gone. A view marked `keeps_typed_text` is run again instead, in *refused* mode:
`helpers.validate` then neither validates nor lets the service run, but puts the reason on the form, so the view draws
its form again filled in as sent, with a fresh CSRF token. Nothing is written. Where the view cannot draw it (the
session ended and the form needs a login), the error page shows the typed text to copy.

A submission refused for its CSRF token is only redrawn when the browser says it came from this site (Origin or
Referer): a page elsewhere must not be able to fill in a reader's form for them.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, g, render_template, request, url_for
from flask_login import current_user
from werkzeug.exceptions import HTTPException

from ..errors import DomainError
from . import session_end
from .security import limiter, referring_page, url_host

_MARK = "craftreview_keeps_typed_text"


@dataclass(frozen=True)
class TypedText:
    """What a view's form is called in messages ("review") and the fields holding the text worth keeping."""

    noun: str
    fields: tuple[str, ...]


def keeps_typed_text(noun: str, *fields: str):
    """Decorator (directly under the route): a refused submission of this view comes back as its form, as typed."""
    def mark(view):
        setattr(view, _MARK, TypedText(noun, fields))
        return view
    return mark


def refusal() -> str | None:
    """The reason this request was refused, while its view draws the form again (else None)."""
    return g.get("refused_submission")


# The rate limits let the redrawn form through: the request was counted (or refused) once, and it writes nothing.
limiter.request_filter(lambda: refusal() is not None)


def note_refusal(form) -> bool:
    """In refused mode: the reason on the form (once), and True: the form must not be validated nor acted on."""
    message = refusal()
    if message is None:
        return False
    if message not in form.form_errors:
        form.form_errors.append(message)
    return True


def expired_session_message(typed: TypedText, refusal_reason: str | None) -> str:
    """Why a marked form failed its CSRF check (refusal_reason: the CSRF error's description): what ended its
    session, where this browser's session says so."""
    opened = session_end.opened_before(refusal_reason)
    if opened and session_end.account_deleted():
        return f"{opened}: your {typed.noun} was not posted, and cannot be now. Copy it below if you want to keep it."
    if opened:
        return f"{opened}: your {typed.noun} was not posted — check it and submit again."
    return f"Your session expired; your {typed.noun} was not posted — check it and submit again."


def too_many_message(typed: TypedText, reason: str, wait: str) -> str:
    return f"{reason} Your {typed.noun} was not posted. Please try again in {wait}: your text is kept below."


def typed_text() -> TypedText | None:
    """The marked form view this POST was sent to, if any."""
    view = current_app.view_functions.get(request.endpoint or "")
    return getattr(view, _MARK, None) if request.method == "POST" else None


def from_this_site() -> bool:
    """Whether the browser says the request was sent from a page of this site."""
    origin = request.headers.get("Origin") or request.referrer
    return bool(origin) and url_host(origin) == request.host


def form_again(typed: TypedText, message: str, status: int, headers: dict[str, str] | None = None):
    """The refused form's page again, filled in as sent and with `message` on top; where the view cannot draw it
    (it redirects: to log in, say), the error page with the typed text to copy."""
    g.refused_submission = message
    try:
        response = current_app.make_response(
            current_app.ensure_sync(current_app.view_functions[request.endpoint])(**(request.view_args or {})))
    except (HTTPException, DomainError):
        response = None
    finally:
        g.pop("refused_submission", None)
    if response is None or response.status_code != 400 or not response.mimetype == "text/html":
        login = None if current_user.is_authenticated or session_end.account_deleted() else (
            url_for("auth.login", next=referring_page()), "Log in")
        response = current_app.make_response((render_template(
            "error.html", status=status, message=message, kept=kept_fields(typed), action=login), status))
    response.status_code = status
    response.headers.update(headers or {})
    response.headers["Cache-Control"] = "no-store"
    return response


def kept_fields(typed: TypedText) -> list[str]:
    """The typed text worth keeping that this request sent, non-empty fields only."""
    return [text for name in typed.fields if (text := request.form.get(name, "").strip())]
