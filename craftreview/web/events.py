"""Security events from requests: who, from where, what happened; plus no-store for private pages."""
from __future__ import annotations

import hashlib
import logging
import sys

from flask import Flask, request
from flask_login import current_user
from werkzeug.exceptions import HTTPException

from ..security_events import LOGGER_NAME, log_event

# endpoint -> event for POSTs whose outcome the status tells: a redirect means it was done.
OUTCOME_EVENTS = {
    "auth.login": "login", "auth.logout": "logout", "auth.logout_everywhere": "logout_everywhere",
    "auth.change_password": "password_change",
    "moderation.hide": "moderation_hide", "moderation.restore": "moderation_restore",
    "moderation.dismiss": "moderation_dismiss", "moderation.suspend": "moderation_suspend",
}


def log_to_stderr(name: str, line_format: str) -> None:
    """Send logger `name`'s INFO and above to stderr, where the server's log collects them, unless it already has a
    handler of its own (a NullHandler, as libraries add to stay quiet, counts for nothing). Once per process: apps made
    again (in tests) add none."""
    logger = logging.getLogger(name)
    if any(not isinstance(h, logging.NullHandler) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(line_format))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def init_app(app: Flask) -> None:
    """Log security events after each request and keep private pages out of caches."""
    log_to_stderr(LOGGER_NAME, "%(message)s")
    app.after_request(_log_outcome)
    app.after_request(_no_store)


def record(event: str, outcome: str, user=None, **details) -> dict:
    """Log an event for the current request (the address is the client's, after ProxyFix)."""
    if user is None and current_user and current_user.is_authenticated:
        user = current_user
    return log_event(event, outcome=outcome, user_id=getattr(user, "id", None), address=request.remote_addr,
                     path=request.path, **details)


def account_ref(email: str | None) -> str | None:
    """A short, stable reference to the account an attempt named, without writing the address down."""
    if not email:
        return None
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def form_field(name: str) -> str | None:
    """A field of the posted form, or None when the body cannot be read (too large, malformed).

    Rate-limit keys and the after-request log read the form too, also for a request already refused
    for its body: reading it again raises the same 413, which there would become a 500.
    """
    try:
        return request.form.get(name)
    except HTTPException:
        return None


def _log_outcome(response):
    event = OUTCOME_EVENTS.get(request.endpoint or "")
    anonymous_redirect = not current_user.is_authenticated and event not in (None, "login", "logout", "logout_everywhere")
    if request.method == "POST" and event and response.status_code < 500 and not anonymous_redirect:
        outcome = "success" if response.status_code in (302, 303) else "failure"
        if response.status_code == 429:
            return response  # the rate-limit handler logged it
        extra = {"account": account_ref(form_field("email"))} if event == "login" else {}
        extra.update(_target())
        record(event, outcome, **extra)
    elif response.status_code == 403:
        record("permission_denied", "denied", endpoint=request.endpoint)
    return response


def _target() -> dict:
    return {f"target_{k}": v for k, v in (request.view_args or {}).items() if k.endswith("_id")}


def _no_store(response):
    """Pages for a logged-in user, and every page with a form, must not be kept by any cache."""
    private = current_user and current_user.is_authenticated
    if private or _has_post_form(response):
        response.headers["Cache-Control"] = "no-store"
    return response


def _has_post_form(response) -> bool:
    if response.mimetype != "text/html" or response.is_streamed or response.direct_passthrough:
        return False
    return b'method="post"' in response.get_data()
