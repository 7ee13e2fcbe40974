"""Registers blueprints, template filters and error pages."""
from __future__ import annotations

from flask import Flask, Response, jsonify, redirect, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import BadHost

from ..errors import DomainError
from . import addresses, charts, filters, fragments, kept_text, session_end
from .security import page_above


def init_app(app: Flask) -> None:
    """Attach every blueprint, the Jinja filters and the error handlers."""
    from . import account_views, auth, compare, makers, moderation, notification_views, reviews, search_views, site

    for module in (site, auth, makers, reviews, moderation, search_views, account_views, notification_views, compare):
        app.register_blueprint(module.bp)
    addresses.init_app(app)
    filters.init_app(app)
    charts.init_app(app)
    fragments.init_app(app)
    app.register_error_handler(DomainError, _domain_error)
    app.register_error_handler(CSRFError, _csrf_error)
    for code in (400, 403, 404, 405, 409, 413, 415, 429, 500):
        app.register_error_handler(code, _http_error)


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def _render_error(status: int, message: str):
    if _wants_json():
        return jsonify(error=message), status
    if isinstance(request.routing_exception, BadHost):
        # A Host werkzeug could not read (a label over 63 characters) leaves no URL adapter: no page link can be built.
        return Response(message, mimetype="text/plain"), status
    return render_template("error.html", status=status, message=message, kept=_typed_here(status)), status


# Refusals a marked form's view answers with an error page once it ran (the invitation replaced while the review was
# typed, the review hidden meanwhile, the account suspended): the page shows what was typed, to copy.
_KEEPS_TYPED = (403, 404, 409)


def _typed_here(status: int) -> list[str]:
    """The text this POST to a form marked keeps_typed_text carried, when its refusal is an error page."""
    typed = kept_text.typed_text() if status in _KEEPS_TYPED else None
    return kept_text.kept_fields(typed) if typed is not None else []


def _domain_error(exc: DomainError):
    return _render_error(exc.status, exc.message)


def _csrf_error(exc: CSRFError):
    from .events import record
    record("csrf_failure", "denied", endpoint=request.endpoint)
    typed, opened = kept_text.typed_text(), session_end.opened_before(exc.description)
    if typed is not None and kept_text.from_this_site():
        return kept_text.form_again(typed, kept_text.expired_session_message(typed, exc.description), 400)
    if opened and kept_text.from_this_site():
        return _render_error(400, f"{opened}. Nothing was changed: go back, reload the page and try again.")
    return _render_error(400, "The form expired or was sent from elsewhere. Go back, reload the page and try again.")


MESSAGES = {
    400: "The request could not be understood.",
    403: "You do not have permission to do that.",
    404: "That page does not exist.",
    405: "That action is not allowed here.",
    409: "That conflicts with the current state; reload and try again.",
    413: "What you sent is too large.",
    415: "Send this form from its page on the site.",
    429: "Too many attempts. Wait a minute and try again.",
    500: "Something went wrong on our side. It has been logged; please try again.",
}


NO_PAGE = "This address only takes a form sent from its page on the site; it has no page to show."


def _http_error(exc):
    status = getattr(exc, "code", 500) or 500
    description = getattr(exc, "description", None)
    message = description if status in (400, 403, 404) and description and _custom(description) else MESSAGES.get(status, "Error.")
    allowed = sorted(getattr(exc, "valid_methods", None) or [])  # a 405 must name the methods the address takes
    if allowed and request.method == "GET" and "GET" not in allowed:
        # A form refused on its own address is drawn there with its errors; opening that address again (the address
        # bar, history) goes to the page the form is on rather than a dead end.
        page = page_above(request.path)
        if page:
            return redirect(page, 303)
        message = NO_PAGE
    body, status = _render_error(status, message)
    return body, status, {"Allow": ", ".join(allowed)} if allowed else {}


def _custom(description: str) -> bool:
    # Werkzeug's stock descriptions are long and technical; ours are short sentences.
    return len(description) < 160 and "browser" not in description and "server" not in description
