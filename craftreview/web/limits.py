"""Abuse limits: named in config, applied by decorators here; 429 pages say when to retry."""
from __future__ import annotations

import math
import secrets
import time
from datetime import UTC, datetime

from flask import Flask, current_app, g, render_template, request, url_for
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeSerializer
from limits import parse_many

from . import kept_text
from .events import account_ref, form_field, record
from .security import limiter, referring_page
from .signing import serializer

DEVICE_COOKIE = "craftreview_device"
DEVICE_MEMORY = 5  # accounts one browser is remembered as trusted for
DEVICE_DAYS = 180


def init_app(app: Flask) -> None:
    """Answer every rate-limit breach with Retry-After and a page that says when to retry; let pages that offer a
    limited button say beforehand when a spent budget frees up."""
    app.register_error_handler(RateLimitExceeded, _too_many)
    app.add_template_global(confirmation_wait, "confirmation_wait")
    app.add_template_global(invitation_wait, "invitation_wait")


def named(name: str):
    """The configured value of limit `name` (RATELIMIT_<NAME>), read per request so tests and envs can set it."""
    return lambda: current_app.config[f"RATELIMIT_{name.upper()}"]


def _user_key() -> str:
    if not current_user.is_authenticated:
        return "user:anonymous"  # login_required turns these away; nothing is written
    return f"user:{current_user.get_id().partition(':')[0]}"


# What an account (or a client address) has used up, for the 429 page (which adds when to retry): "Too many attempts" said neither what
# was counted nor that the form itself was fine.
REASONS = {
    "review": "This account has published as many reviews as it may for now.",
    "flag": "This account has sent as many reports to the moderators as it may for now.",
    "invitation": "This maker profile has sent as many invitations as it may for now (new orders and new links).",
    "confirmation_mail": "We have sent this account as many confirmation links as we may for now.",
    "confirmation_resend": "Your network address has asked for as many confirmation links as it may for now.",
    "password_check": "Too many wrong passwords were entered for this account.",
    "login_account-account": "Too many wrong passwords were tried for this account.",
    "register": "Your network address has signed up as many accounts as it may for now.",
    "login_address": "Too many failed logins came from your network address.",
    "password_reset": "Your network address has asked for as many password reset links as it may for now.",
    # Said whether or not the address has an account, as the reset form's own answer is.
    "password_reset-account": "This address has been sent as many password reset links as we may send for now (if "
                              "it has an account): the newest link in its inbox works for an hour after it was sent.",
    "search": "Your network address has searched as many times as it may in a minute.",
}
# Where a refused page leads instead of only back home (the limit's scope -> link and its words).
WAYS_ON = {
    "register": ("auth.login", "Log in to an existing account"),
    "search": ("makers.index", "Browse makers instead"),
}


def per_account(name: str):
    """Limit successful POSTs of the logged-in account (reviews, flags, invitations): failed forms cost nothing."""
    return _one_at_a_time(name, limiter.limit(named(name), key_func=_user_key, methods=["POST"], scope=name,
                                              deduct_when=_done, error_message=REASONS[name]))


def per_account_shared(name: str, exempt_when=None):
    """Like per_account, but one budget across every route it decorates (each of them sends the same mail); a
    request exempt_when picks is neither checked nor counted (it can only be answered with a refusal)."""
    return _one_at_a_time(name, limiter.shared_limit(named(name), scope=name, key_func=_user_key, methods=["POST"],
                                                     deduct_when=_done, error_message=REASONS[name],
                                                     exempt_when=exempt_when))


# A budget that counts only work done (deduct_when) is checked before the view and charged after it: requests of one
# account sent at once all passed the check before any was charged (an audit: 20 email changes at once mailed 7
# links against a budget of 5). Each such budget lets one request of an account in at a time, through a counter in
# the limiter's own storage (Redis across hosts), so the next is checked once the last is charged. A request waits
# at most HOLD_WAIT_SECONDS (then goes on, as before); a hold left by a crashed worker lapses after HOLD_SECONDS.
HOLD_SECONDS, HOLD_WAIT_SECONDS, HOLD_POLL_SECONDS = 10, 5.0, 0.05
HELD = "craftreview_budget_held"  # g: the storage key this request holds


def _one_at_a_time(name: str, limit):
    def decorate(view):
        limited = limit(view)
        limited.one_at_a_time = name  # copied outward by functools.wraps (login_required, keeps_typed_text)
        return limited
    return decorate


def hold_budgets(app: Flask) -> None:
    """Before the limiter's own check (register this first): take the account's hold on the budget of the view."""
    app.before_request(_take_hold)
    app.teardown_request(_release_hold)


def _take_hold() -> None:
    view = current_app.view_functions.get(request.endpoint or "")
    scope = getattr(view, "one_at_a_time", None)
    if scope is None or request.method != "POST" or not limiter.enabled or not current_user.is_authenticated:
        return
    if getattr(limiter, "_storage_dead", False):  # Redis down: budgets are per process now, and each try would wait
        return
    key = "/".join(_bucket("craftreview-hold", scope, _user_key()))
    deadline = time.monotonic() + HOLD_WAIT_SECONDS
    while True:
        try:
            held = limiter.storage.incr(key, HOLD_SECONDS) == 1
        except Exception:  # noqa: BLE001 - storage down: the limiter falls back to per-process budgets, unheld
            return
        if held:
            setattr(g, HELD, key)
            return
        if time.monotonic() >= deadline:
            return
        time.sleep(HOLD_POLL_SECONDS)


def _release_hold(_error=None) -> None:
    key = g.pop(HELD, None)
    if key:
        try:
            limiter.storage.clear(key)
        except Exception:  # noqa: BLE001 - it lapses after HOLD_SECONDS
            pass


def password_checks(view):
    """Refused password re-checks of the signed-in account, one budget across the routes that re-check it: a stolen
    session cookie must not be a way to guess the password (each refusal costs; a right password costs nothing)."""
    return limiter.shared_limit(named("password_check"), scope="password_check", key_func=_user_key,
                                methods=["POST"], deduct_when=lambda response: g.get("password_refused", False),
                                error_message=REASONS["password_check"])(view)


def declined() -> None:
    """The view turned the request away after the limits let it through, and redirects back with the reason: it sent
    and wrote nothing, so the budgets that count work done (per_account, sends_per_address) must not count it."""
    g.limit_declined = True


def counted_anyway() -> None:
    """The view refused the form in a way the limit must still count (a registration refused because the address has
    an account: free, it would let a script test addresses without limit)."""
    g.limit_counts = True


def _done(response) -> bool:
    return response.status_code in (302, 303) and not g.get("limit_declined", False)


def done_or_counted(response) -> bool:
    """deduct_when of a limit that counts work done and the refusals the view marked counted_anyway."""
    return _done(response) or g.get("limit_counts", False)


def _refused_not_by_a_limit(response) -> bool:
    """A login that failed on its merits: a request another limit refused (429) tried no password."""
    return not _done(response) and response.status_code != 429


def sends_per_address(name: str, exempt_when=None):
    """Limit the POSTs from one client address that were done (each sent a mail); a declined one costs nothing, and
    one exempt_when picks is not checked either."""
    return per_address(name, ["POST"], deduct_when=_done, exempt_when=exempt_when)


def per_address(name: str, methods: list[str] | None = None, deduct_when=None, exempt_when=None):
    """Limit requests from one client address (after ProxyFix) to a route (every one, or those deduct_when picks)."""
    return limiter.limit(named(name), methods=methods, scope=name, deduct_when=deduct_when, exempt_when=exempt_when,
                         error_message=REASONS.get(name))


def _account_key() -> str:
    return f"account:{account_ref(form_field('email')) or '-'}"


def _named_account_on_this_browser() -> tuple[str | None, str | None, bool]:
    """This browser's id, the account the form names, and whether this browser has logged in to it (the signed
    device cookie says so)."""
    device, accounts = _device()
    ref = account_ref(form_field("email"))
    return device, ref, ref is not None and ref in accounts


def _untrusted_account_key() -> str:
    device, ref, trusted = _named_account_on_this_browser()
    if trusted:
        # A browser the account logged in from: a budget of its own, which guesses from elsewhere never fill. Only
        # its own (a copied cookie included) do: it is no licence to guess without limit.
        return f"device:{device}:{ref}"
    return _account_key()


def _account_scope(name: str) -> str:
    return f"{name}-account"


def per_named_account(name: str, key_func=_account_key, deduct_when=None):
    """Limit POSTs that name one account by email, from any address (every one, or those deduct_when picks)."""
    return limiter.limit(named(name), key_func=key_func, methods=["POST"], scope=_account_scope(name),
                         deduct_when=deduct_when, error_message=REASONS.get(_account_scope(name)))


def _trusted_for_named_account() -> bool:
    return _named_account_on_this_browser()[2]


def login_limits(view):
    """Failed attempts per client address, and per named account.

    A browser the account has logged in from before counts apart (a budget per browser), so an attacker
    rotating addresses cannot lock the real user out: they get no more guesses, and the real user still gets in.
    Only failures count, per address too: guessing is what these limits stop, and people who log in
    and out, or share one address (an office, a mobile carrier), must not use up each other's logins.
    A success resets neither count. Were it to reset the account's, the owner's own logins would hand
    an attacker guessing on their address a fresh budget each time; were it to reset the address's, an
    attacker could interleave logins to an account of their own with their guesses. (Flask-Limiter counts
    a failure once it is answered, so a burst of parallel guesses may overrun a limit by the requests
    in flight at that moment, no more.)

    A browser the named account has logged in from is not held to its address's count either: other people's
    failures behind the same address (an office, a carrier) must not keep the owner out. A request one limit refused
    tried no password, so the other does not count it.
    """
    account = per_named_account("login_account", _untrusted_account_key, deduct_when=_refused_not_by_a_limit)
    return per_address("login_address", ["POST"], deduct_when=_refused_not_by_a_limit,
                       exempt_when=_trusted_for_named_account)(account(view))


def _bucket(*parts: str) -> list[str]:
    """Flask-Limiter's key parts for a count this module reads or clears itself: its configured key prefix
    (RATELIMIT_KEY_PREFIX) first, as its own checks put it, then `parts`."""
    prefix = getattr(limiter, "_key_prefix", "")
    return [prefix, *parts] if prefix else list(parts)


def _route_bucket(endpoint: str, scope: str) -> str:
    """Flask-Limiter's bucket for a limit of one route (not a shared one): the route, then the limit's scope."""
    return f"{endpoint}:{scope}"


_LOGIN_ACCOUNT_BUCKET = _route_bucket("auth.login", _account_scope("login_account"))


def forget_failed_logins(email: str) -> None:
    """After a password reset by mail: the failed logins counted against this account, from anywhere and from this
    browser, start again. Whoever reset it holds the mailbox, which the guessing was no threat to any more; the owner
    must not be kept out for a quarter of an hour by someone else's guesses (the per-address counts stay)."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    ref = account_ref(email)
    device, _accounts = _device()
    keys = [f"account:{ref}"] + ([f"device:{device}:{ref}"] if device else [])
    for item in parse_many(current_app.config["RATELIMIT_LOGIN_ACCOUNT"]):
        for key in keys:
            limiter.limiter.clear(item, *_bucket(key, _LOGIN_ACCOUNT_BUCKET))


def _account_lockout(exc: RateLimitExceeded) -> bool:
    """Whether a refused login was refused for the account's failures (not this address's)."""
    return request.endpoint == "auth.login" and exc.limit.scope == _account_scope("login_account")


def password_reset_limits(view):
    """Per address and per named account; every request counts, since each may send a mail."""
    return per_address("password_reset", ["POST"])(per_named_account("password_reset")(view))


def _device_serializer() -> URLSafeSerializer:
    return serializer("craftreview.trusted-device")


def _device() -> tuple[str | None, list[str]]:
    """This browser's id and the accounts that logged in from it, from the signed cookie; (None, []) without one.

    A cookie of the older shape (a bare list, no id) vouches for nothing: the id it lacks is what keeps its copies
    on one budget, and the browser gets a new cookie at its next login.
    """
    try:
        value = _device_serializer().loads(request.cookies.get(DEVICE_COOKIE, ""))
    except BadSignature:
        return None, []
    if not (isinstance(value, dict) and isinstance(value.get("id"), str) and isinstance(value.get("accounts"), list)):
        return None, []
    return value["id"], [a for a in value["accounts"] if isinstance(a, str)]


def trust_device(response, email: str):
    """After a successful login: remember (signed, in a cookie) that this browser belongs to the account.

    The browser keeps its id: a cookie vouching for an account never comes back under a new id, budget and all.
    """
    device, known = _device()
    ref = account_ref(email)
    accounts = [ref] + [a for a in known if a != ref]
    value = {"id": device or secrets.token_urlsafe(12), "accounts": accounts[:DEVICE_MEMORY]}
    response.set_cookie(DEVICE_COOKIE, _device_serializer().dumps(value),
                        max_age=DEVICE_DAYS * 86400, httponly=True, samesite="Lax",
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return response


def _seconds_until_free(name: str, key: str, bucket: str) -> int | None:
    """Seconds until limit `name` lets one more through for `key` in Flask-Limiter's `bucket` (a shared limit's
    scope, or "<endpoint>:<scope>"); None while some of it is left."""
    if not (current_app.config.get("RATELIMIT_ENABLED", True) and limiter.enabled):
        return None
    waits = []
    for item in parse_many(current_app.config[f"RATELIMIT_{name.upper()}"]):
        stats = limiter.limiter.get_window_stats(item, *_bucket(key, bucket))
        if stats.remaining <= 0:
            waits.append(max(1, math.ceil(stats.reset_time - time.time())))
    return max(waits, default=None)


def _wait_words(seconds: int | None) -> str | None:
    return None if seconds is None else f"in {_retry_words(seconds)}"


def _retry_words(seconds: int) -> str:
    """'40 minutes (after 22:45 UTC)'."""
    when = datetime.fromtimestamp(time.time() + seconds, UTC).strftime("%H:%M UTC")
    return f"{_duration(seconds)} (after {when})"


def confirmation_wait() -> str | None:
    """For the account's "Resend confirmation link" button: when another may be asked for, if this account's or this
    address's budget is spent ("in 40 minutes (after 22:45 UTC)"); None while one may."""
    return _wait_words(max(filter(None, (
        _seconds_until_free("confirmation_mail", _user_key(), "confirmation_mail"),
        _seconds_until_free("confirmation_resend", request.remote_addr or "",
                            _route_bucket("accounts.resend_confirmation", "confirmation_resend")))), default=None))


def invitation_wait() -> str | None:
    """For the dashboard's order form and "Send a new link" buttons: when the maker's daily invitations free up,
    if they are spent; None while some are left."""
    return _wait_words(_seconds_until_free("invitation", _user_key(), "invitation"))


def _retry_seconds() -> int:
    breached = [lim for lim in limiter.current_limits if lim.breached] or limiter.current_limits
    reset_at = max((lim.reset_at for lim in breached), default=time.time() + 60)
    return max(1, math.ceil(reset_at - time.time()))


def _too_many(exc: RateLimitExceeded):
    seconds = _retry_seconds()
    event = "login_lockout" if request.endpoint == "auth.login" else "rate_limited"
    record(event, "blocked", endpoint=request.endpoint, limit=str(exc.limit.limit),
           account=account_ref(form_field("email")) if request.endpoint == "auth.login" else None)
    reason = exc.description if exc.limit.error_message else "Too many attempts."
    typed = kept_text.typed_text()
    if typed is not None:  # a form with text worth keeping: drawn again as typed
        message = kept_text.too_many_message(typed, reason, _retry_words(seconds))
        return kept_text.form_again(typed, message, 429, {"Retry-After": str(seconds)})
    message = f"{reason} Please try again in {_retry_words(seconds)}."
    # A refused button (resend a link, send a new invitation): the way back to its page, not only to the home page.
    back = referring_page() if request.method == "POST" else None
    action = (back, "Back to the page you were on") if back and back != request.path else None
    if exc.limit.scope in WAYS_ON:
        endpoint, words = WAYS_ON[exc.limit.scope]
        action = (url_for(endpoint), words)
    if _account_lockout(exc):  # the owner locked out by someone's guesses has a way in now: a reset by mail
        message += " If this is your account, resetting its password by email lets you log in straight away."
        action = (url_for("accounts.forgot_password"), "Reset your password")
    response = current_app.make_response((render_template("error.html", status=429, message=message, action=action),
                                          429))
    response.headers["Retry-After"] = str(seconds)
    response.headers["Cache-Control"] = "no-store"
    return response


def _duration(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"
