"""Login manager (session-versioned ids), CSRF, rate limits and security headers."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, flash, g, redirect, request, session, url_for
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, login_url
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from ..models import User
from ..services import login_sessions
from . import input_guard
from .context import get_db
from .events import log_to_stderr

login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def init_app(app: Flask) -> None:
    """Wire authentication, CSRF protection, rate limiting and response headers."""
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to continue."
    login_manager.login_message_category = "info"
    login_manager.init_app(app)
    # First of the request checks: a malformed request is refused before CSRF or a rate limit could draw its form
    # again by running its view (kept_text), which would read a NUL path (PostgreSQL refuses it) from the database.
    input_guard.init_app(app)
    csrf.init_app(app)
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    _degrade_gracefully(app)
    from .limits import hold_budgets
    hold_budgets(app)        # before the limiter's check: one request of an account per budget at a time
    limiter.init_app(app)
    app.after_request(_security_headers)
    from . import events, limits  # they use this module's limiter
    events.init_app(app)     # security events log; no-store on private and form pages
    limits.init_app(app)     # 429 pages with Retry-After
    if app.config.get("PROXY_COUNT"):
        # Only behind that many trusted proxies is X-Forwarded-For the client's address.
        hops = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


LIMITER_LOGGER = "flask-limiter"


def _degrade_gracefully(app: Flask) -> None:
    """Shared rate-limit storage down: log a warning and limit per process, never fail the request. flask-limiter
    logs only to a NullHandler: its "storage unreachable - falling back to in-memory storage" reached no log, so
    limits loosened per worker without a word."""
    log_to_stderr(LIMITER_LOGGER, "%(levelname)s %(name)s: %(message)s")
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    if app.config["RATELIMIT_STORAGE_URI"].startswith(("redis://", "rediss://")):
        # An unreachable host must cost a second, not a request timeout.
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 1.0, "socket_timeout": 1.0})


@login_manager.user_loader
def load_user(login_id: str) -> User | None:
    """Accept `<id>:<session_version>:<key>` only while the version is current, the login not ended and the user
    active (services/login_sessions.py)."""
    return login_sessions.logged_in_user(get_db(), login_id)


LOGGED_OUT_FORM = "Your session had ended, so that was not done. Log in, then try again."
# Where a page opened while logged out needs more than "log in" said: what the login is for, and with which account.
LOGIN_FOR = {"reviews.invitation": "To write your verified review through this link, log in with the email address "
                                   "the maker recorded for your order (no account yet? Register with that address)."}


ENDED_ELSEWHERE = ("Your login on this device has ended: “Log out everywhere” or a new password on another device ends "
                   "it, for instance. Log in again to continue.")


def _why_log_in() -> str:
    """The login page's first words: what the login is for, or that this browser's login was ended elsewhere (its
    session still names a login the loader refused: logging out here clears that), or the general request."""
    if request.endpoint in LOGIN_FOR:
        return LOGIN_FOR[request.endpoint]
    return ENDED_ELSEWHERE if session.get("_user_id") else login_manager.login_message


@login_manager.unauthorized_handler
def _log_in_first():
    """To the login page, then back; a form sent after the session ended (logged out on another device) comes back
    to a page showing it, since its own address may answer only POST (a 405 after login)."""
    if request.method in ("GET", "HEAD"):
        flash(_why_log_in(), login_manager.login_message_category)
        return redirect(login_url(login_manager.login_view, request.url))
    if g.get("refused_submission") is None:  # a refused form drawn again (kept_text) says why on its own page
        flash(LOGGED_OUT_FORM, "info")
    here = request.full_path.rstrip("?")
    target = next((path for path in (here, referring_page()) if path and _shows_a_page(path)), None)
    return redirect(url_for(login_manager.login_view, next=target))


def _shows_a_page(path: str) -> bool:
    """Whether a GET of this local path reaches a view (not a 404, a 405 or a redirect)."""
    try:
        current_app.url_map.bind(request.host).match(urlsplit(path).path, method="GET")
    except HTTPException:
        return False
    return True


def page_above(path: str) -> str | None:
    """The nearest page above a form-only address (/account above /account/password, a review's moderation page above
    its hide form), or None when only the home page is: where a GET of the form's address belongs."""
    parts = path.rstrip("/").split("/")
    while len(parts) > 2:
        parts.pop()
        if _shows_a_page("/".join(parts)):
            return "/".join(parts)
    return None


def _on_this_site(url: str) -> bool:
    """Whether `url` names this site's host: the request's, or the configured public address's (a proxy may pass on
    a Host of its own)."""
    own = {request.host, urlsplit(current_app.config.get("PUBLIC_URL") or "").netloc} - {""}
    return url_host(url) in own


def url_host(url: str) -> str | None:
    """The host (and port) a URL a browser sent names (an Origin or a Referer), or None when it is no URL: urllib
    refuses some (an unclosed IPv6 bracket, "http://["), and a header is whatever the sender typed."""
    try:
        return urlsplit(url).netloc
    except ValueError:
        return None


def referring_page() -> str | None:
    """The page of this site the browser says the request came from (path and query), if it said so."""
    referrer = request.referrer
    if not referrer or not _on_this_site(referrer):
        return None
    parts = urlsplit(referrer)
    return safe_next(parts.path + (f"?{parts.query}" if parts.query else ""))


def sent_from_this_site() -> bool:
    """Whether a POST came from a page of this site, by the Origin browsers send with every POST (the Referer where
    none was sent), for a form that can carry no CSRF token (compare's: see web/compare.py). A browser that sends
    neither is let through; a form on another site, or in a sandboxed frame (Origin "null"), is not."""
    sender = request.headers.get("Origin") or request.headers.get("Referer")
    return sender is None or _on_this_site(sender)


# Session key: the local page a new account goes back to once it confirms its address (an invitation, say).
AFTER_CONFIRMATION = "after_confirmation"
# Longer targets are not remembered: the session is a cookie, and browsers drop one over 4 KB (logging the visitor out).
MAX_REMEMBERED_TARGET = 1000


def return_after_confirmation(target: str | None) -> None:
    """Remember the local page this session goes back to once its account confirms its address."""
    if target and len(target) <= MAX_REMEMBERED_TARGET:
        session[AFTER_CONFIRMATION] = target


def safe_next(target: str | None) -> str | None:
    """A local path to return to after login, or None when the target could leave the site."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def local_page(target: str | None) -> str | None:
    """`target` when it is a page of this site that a GET shows (a safe `next` to return to), else None."""
    target = safe_next(target)
    return target if target and _shows_a_page(target) else None


def _security_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    if request.path.startswith("/invite/"):
        response.headers["Referrer-Policy"] = "no-referrer"  # the token must not leak
    return response
