"""Register, log in, log out, account settings."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_required

from ..errors import DomainError, Gone
from ..services import accounts, email_change
from . import session_end
from .account_views import account_page
from .context import get_db
from .forms import ActionForm, DisplayNameForm, LoginForm, PasswordForm, RegisterForm
from .helpers import actor, form_error, form_status, handle_form, validate
from .limits import counted_anyway, done_or_counted, login_limits, password_checks, per_address, trust_device
from .security import return_after_confirmation, safe_next

bp = Blueprint("auth", __name__)


def _start_session(user, remember: bool = False, reason: str = "login") -> None:
    session_end.begin(user, reason, remember)  # no state from before login survives (session fixation)


@bp.route("/register", methods=["GET", "POST"])
@per_address("register", ["POST"], deduct_when=done_or_counted)
def register():
    """Create an account and log in; a safe `next` is remembered until the address is confirmed."""
    form = RegisterForm()
    target = safe_next(request.args.get("next"))
    if validate(form, lambda: accounts.validated_registration(get_db(), form.email.data or "",
                                                              form.display_name.data or "", form.password.data or "")):
        try:
            user = accounts.register_user(get_db(), email=form.email.data, display_name=form.display_name.data,
                                          password=form.password.data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            _start_session(user)
            return_after_confirmation(target)
            flash("Welcome to craftreview! Your account is ready. We sent you a link to confirm your email address.",
                  "success")
            return redirect(target or url_for("site.home"))
    if accounts.REGISTERED_MESSAGE in (form.email.errors or []):
        counted_anyway()  # an answer about an address: what a script testing addresses would collect
    return render_template("auth/register.html", form=form, next_path=target), form_status(form)


@bp.route("/login", methods=["GET", "POST"])
@login_limits
def login():
    """Log in; `next` may only point inside the site."""
    form = LoginForm()
    target = safe_next(request.args.get("next"))
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(get_db(), form.email.data, form.password.data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            _start_session(user, remember=form.remember.data)
            flash(f"Welcome back, {user.display_name}.", "success")
            return trust_device(redirect(target or url_for("site.home")), user.email)
    return render_template("auth/login.html", form=form, next_path=target), form_status(form)


def _session_form_expired():
    """The answer to a logout whose form token failed: nothing was ended."""
    if ActionForm().validate_on_submit():
        return None
    flash("Your session expired; please try again.", "error")
    return redirect(url_for("site.home"))


@bp.post("/logout")
@login_required
def logout():
    """Log this browser out: its login ends (copied cookies too); the account's other devices stay logged in. A local
    `next` (a mailed link opened as the wrong account) is where the browser goes then, else the home page."""
    expired = _session_form_expired()
    if expired:
        return expired
    session_end.end_here()
    flash("You are logged out.", "info")
    return redirect(safe_next(request.args.get("next")) or url_for("site.home"))


@bp.post("/logout-everywhere")
@login_required
def logout_everywhere():
    """Log out on every device: the session version changes, so every login of the account ends."""
    expired = _session_form_expired()
    if expired:
        return expired
    accounts.end_sessions(get_db(), actor())
    session_end.end_here("logout_everywhere")
    flash("You are logged out on every device.", "info")
    return redirect(url_for("site.home"))


@bp.get("/account")
@login_required
def account():
    """Account settings."""
    return account_page()


@bp.post("/account/password")
@login_required
@password_checks
def change_password():
    """Change password; other sessions end, this one is renewed."""
    form = PasswordForm(prefix="pw")
    if validate(form, lambda: accounts.check_new_password(form.new_password.data or "", "new_password")):
        pending = email_change.pending_email_change(get_db(), actor())  # a new password cancels it (tokens.py)
        try:
            accounts.change_password(get_db(), actor(), current=form.current_password.data, new=form.new_password.data)
        except Gone:
            raise  # the account was deleted meanwhile: no form to show again, and no new login for it
        except DomainError as exc:
            form_error(form, exc)
        else:
            _start_session(actor(), reason="password")
            cancelled = (f" The change of address to {pending} you asked for is cancelled with the old password: ask "
                         "for it again below if you still want it.") if pending else ""
            flash(f"Password changed. Other devices have been logged out.{cancelled}", "success")
            return redirect(url_for("auth.account"))
    return account_page(password_form=form), 400


@bp.post("/account/name")
@login_required
def change_name():
    """Change the display name."""
    form = DisplayNameForm(prefix="nm")
    done = handle_form(form, lambda: accounts.change_display_name(get_db(), actor(), form.display_name.data),
                       "Display name saved.", lambda _r: url_for("auth.account"))
    return done or (account_page(name_form=form), form_status(form))
