"""Email confirmation, password reset, mail preferences, unsubscribe, your data, account deletion."""
from __future__ import annotations

import json
from collections.abc import Callable

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from ..errors import Conflict, DomainError, Gone, NotFound
from ..models import NOTIFICATION_KINDS, SITE_ONLY_KINDS
from ..services import account_data, accounts, confirmation, email_change, notifications, password_reset
from . import session_end
from .account_forms import (
    DeleteAccountForm,
    EmailChangeForm,
    ForgotPasswordForm,
    ResetPasswordForm,
    preferences_form,
)
from .context import get_db
from .forms import ActionForm, DisplayNameForm, PasswordForm
from .helpers import actor, form_error, form_status, handle_form, validate
from .limits import (
    declined,
    forget_failed_logins,
    password_checks,
    password_reset_limits,
    per_account_shared,
    sends_per_address,
)
from .listing import forget_home
from .mailing import read_unsubscribe_token
from .security import AFTER_CONFIRMATION, safe_next

bp = Blueprint("accounts", __name__)
# A confirmation link goes to whatever address the account names: changes and resends share one budget (the
# resend's decorator names the same shared limit, with its exemption for a confirmed address).
confirmation_mail_limit = per_account_shared("confirmation_mail")
CONFIRM_LOGGED_OUT = ("This link confirms the address of a craftreview account: log in to that account to confirm it. "
                      "If you made no account here, someone gave one your address: ignore the mail (without the "
                      "password nobody can confirm it), or take that account over with a password reset for your "
                      "address.")
# The deletion page promised it (accounts/delete.html); the confirmation that links the accounts says it happened.
RETURNING = (" An account you deleted had this address and kept its reviews: a review you write of a maker you reviewed "
             "there counts together with them, as one buyer's.")
SAME_ANSWER = "If an account uses that address, we have sent it a link to reset the password. It works for one hour."


def _returning(was_linked: bool, user) -> str:
    """RETURNING where the write just linked the account to a deleted one (voices.py): any link that confirms an
    address may, a confirmation, reset or change-of-address link; an account linked before is not told again."""
    return RETURNING if user.earlier_account_id and not was_linked else ""


@bp.after_request
def _no_referrer(response):
    # Token links must not leak to other sites through the Referer header.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def account_page(**forms):
    """The /account page; a form given here (with its errors) replaces the fresh one."""
    user = actor()
    context = {
        "password_form": PasswordForm(prefix="pw"),
        "name_form": DisplayNameForm(prefix="nm", display_name=user.display_name),
        "email_form": EmailChangeForm(prefix="em"),
        "mail_form": preferences_form(notifications.mail_kinds(get_db(), user.id)),
    }
    context.update(forms)
    context["pending_email"] = email_change.pending_email_change(get_db(), user)
    return render_template("auth/account.html", mail_kinds=notifications.offered_kinds(get_db(), user.id), **context)


@bp.post("/account/email")
@login_required
@password_checks
@confirmation_mail_limit
def change_email():
    """Change the address (password required); it must be confirmed again."""
    form = EmailChangeForm(prefix="em")
    # The same answer whether or not another account has the address (services/email_change.py).
    done = handle_form(form, lambda: email_change.request_email_change(get_db(), actor(), new_email=form.email.data,
                                                                       password=form.password.data),
                       lambda email: f"We sent a confirmation link to {email}. Your address changes when you open it.",
                       lambda _r: url_for("auth.account"),
                       lambda: accounts.validated_new_email(get_db(), actor(), form.email.data or ""))
    return done or (account_page(email_form=form), form_status(form))


def _already_confirmed() -> bool:
    """A resend for a confirmed address: it is refused with the reason, whatever budget is left (it sends nothing)."""
    return current_user.is_authenticated and current_user.email_confirmed


@bp.post("/account/confirm/resend")
@login_required
@sends_per_address("confirmation_resend", exempt_when=_already_confirmed)
@per_account_shared("confirmation_mail", exempt_when=_already_confirmed)
def resend_confirmation():
    """Send a fresh confirmation link (earlier ones stop working); a refusal sends nothing and costs no budget."""
    form = ActionForm()
    if form.validate_on_submit():
        try:
            confirmation.resend_confirmation(get_db(), actor())
        except Gone:
            raise  # the account was deleted meanwhile (another tab): the error page says so
        except DomainError as exc:
            declined()
            flash(exc.message, "info")
        else:
            flash(f"We sent a new confirmation link to {actor().email}.", "success")
    return redirect(url_for("auth.account"))


@bp.route("/confirm-email/<token>", methods=["GET", "POST"])
def confirm_email(token: str):
    """GET shows a confirm button (a GET never writes); POST spends the link. Only the account the link confirms,
    logged in, may use it: anyone can register with a stranger's address, and a stranger who pressed "confirm" in
    that account's mail would hand it the address, and with it every invitation a maker records for that address."""
    try:
        user = confirmation.check_confirmation(get_db(), token)
    except confirmation.AlreadyConfirmed as done:
        return render_template("accounts/confirm_email.html", form=None, email=done.email, message=done.message)
    except confirmation.AddressMovedOn as moved:
        return _dead_link(moved)  # nothing left to confirm: no new link to ask for
    except NotFound as dead:
        return _dead_link(dead, url_for("auth.account"), "Send a new link from your account page")
    refused = _not_its_account(user, CONFIRM_LOGGED_OUT, _confirm_elsewhere)
    if refused:
        return refused
    form = ActionForm()
    if form.validate_on_submit():
        was_linked = user.earlier_account_id is not None
        user = confirmation.confirm_email(get_db(), token)
        flash(f"Thank you: {user.email} is confirmed.{_returning(was_linked, user)}", "success")
        return redirect(_after_confirmation())
    return render_template("accounts/confirm_email.html", form=form, email=user.email)


def _confirm_elsewhere(user, me: str) -> str:
    return (f"This link confirms the address of another craftreview account, not of {me} (the "
            "account you are logged in as), so nothing was confirmed. Only that account, logged in, can confirm it. "
            f"If {user.email} is your address and you did not make that account, ignore the mail: without its "
            "password the account cannot be confirmed, and a password reset for the address is mailed only there.")


@bp.route("/confirm-email-change/<token>", methods=["GET", "POST"])
def confirm_email_change(token: str):
    """GET shows what the link will change and a button (a GET never writes); POST makes the change. Only the account
    that asked for the change, logged in, may make it: a link mailed to a mistyped address must not hand the account
    to whoever holds that mailbox (a reset link for it would follow)."""
    try:
        user, email = email_change.check_email_change(get_db(), token)
    except NotFound as dead:
        return _dead_change_link(dead)
    refused = _not_its_account(
        user, "Log in to the account that asked for this change of address: the change is made from that account.",
        _change_elsewhere)
    if refused:
        return refused
    form = ActionForm()
    try:
        if form.validate_on_submit():
            was_linked = user.earlier_account_id is not None
            user = email_change.confirm_email_change(get_db(), token)
            flash(f"Your account now uses {email}, and it is confirmed.{_returning(was_linked, user)}", "success")
            return redirect(url_for("auth.account"))
        accounts.check_free_for(get_db(), user, email)  # taken since the link was mailed: said before the button, not after
    except Gone:
        raise  # the account was deleted meanwhile (another tab), and the link with it: the error page says so
    except NotFound as dead:  # spent meanwhile (another tab): not an address someone else took
        return _dead_change_link(dead)
    except Conflict as refused:  # another account took the address meanwhile: nothing changed
        return _taken_meanwhile(refused, email)
    return render_template("accounts/confirm_email_change.html", form=form, email=email, old_email=user.email)


def _dead_change_link(dead: NotFound):
    """A change link that no longer works: the way to a new one, unless the change it asked for is made."""
    if isinstance(dead, email_change.ChangeMade):
        return _dead_link(dead)
    return _dead_link(dead, url_for("auth.account"), "Ask for a new link from your account page")


def _change_elsewhere(user, me: str) -> str:
    return (f"This link changes the address of another craftreview account, not of {me} (the account you are logged "
            "in as), so nothing was changed. Only that account, logged in, can make the change. If you did not ask "
            "for it, ignore the mail: the other account keeps its address.")


def _not_its_account(user, log_in: str, other: Callable[[object, str], str]):
    """The answer to a mailed account link opened by anyone but its own account, logged in (None when it is): logged
    out, a login that comes back to the link; logged in as another account, a 403 saying so, with nothing changed, and
    a button that logs this browser out and comes back to the link (which then asks for that account's login)."""
    if not current_user.is_authenticated:
        flash(log_in, "info")
        return redirect(url_for("auth.login", next=request.path))
    if current_user.id != user.id:
        return render_template("error.html", status=403, message=other(user, current_user.email),
                               switch_account=True), 403
    return None


def _taken_meanwhile(refused: DomainError, email: str):
    """A change link whose address another account took after it was mailed (perhaps an account someone made with an
    address that is not theirs, and never confirmed): the holder of the mailbox can take that account over with a
    password reset, which only the mailbox receives. Said, with the way there, rather than a dead end."""
    message = (f"{refused.message} It was given to that account after this link was mailed, so nothing was changed. "
               f"The mailbox {email} is yours, so you can take that account over: a password reset for {email} is "
               "mailed there, and only there. Then delete that account, or give it another address, and ask for "
               "this change again from your account page.")
    page = render_template("error.html", status=refused.status, message=message,
                           action=(url_for("accounts.forgot_password"), f"Reset the password of {email}"))
    return page, refused.status


def _logged_in_as_other(user) -> bool:
    """Whether a mailed link was opened in a browser logged in as an account other than the link's."""
    return current_user.is_authenticated and current_user.id != user.id


def _after_confirmation() -> str:
    """Back to the page this account registered from (same session), else the account page."""
    return safe_next(session.pop(AFTER_CONFIRMATION, None)) or url_for("auth.account")


def _dead_link(refusal: NotFound, href: str | None = None, label: str = ""):
    """A mailed link that no longer works: the reason, and the way to a new one (not only the home page); without
    one, the link has nothing left to do, and the page's heading says that rather than that it does not work."""
    page = render_template("error.html", status=refusal.status, message=refusal.message,
                           action=(href, label) if href else None, dead_link=True, link_done=not href)
    return page, refusal.status


@bp.route("/reset-password", methods=["GET", "POST"])
@password_reset_limits
def forgot_password():
    """Ask for a reset link; the answer is the same whether or not the address has an account."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        password_reset.request_password_reset(get_db(), form.email.data)
        flash(SAME_ANSWER, "info")
        return redirect(url_for("accounts.forgot_password"))
    return render_template("accounts/forgot_password.html", form=form), form_status(form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Choose a new password from a live link; every other session ends."""
    try:
        owner = password_reset.check_reset_token(get_db(), token)
    except NotFound as dead:
        return _dead_link(dead, url_for("accounts.forgot_password"), "Ask for a new reset link")
    other = current_user.email if _logged_in_as_other(owner) else None  # the browser switches accounts
    was_linked = owner.earlier_account_id is not None
    form = ResetPasswordForm()
    if validate(form, lambda: accounts.check_new_password(form.password.data or "")):
        try:
            user = password_reset.reset_password(get_db(), token, form.password.data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            session_end.end_here("password")  # a fresh session; a login of another account here ends too
            forget_failed_logins(user.email)
            if user.is_suspended:  # logged in, it would be shown as logged out at the next page, with no reason
                flash("Your password is changed, but this account is suspended: it cannot log in until a moderator "
                      "reinstates it.", "info")
                return redirect(url_for("auth.login"))
            session_end.begin(user, "password")  # a login of its own, under the new session version
            switched = f" You are now logged in as {user.email}, not {other}." if other else ""
            flash(f"Your password is changed and every other device is logged out.{switched}"
                  f"{_returning(was_linked, user)}", "success")
            return redirect(url_for("site.home"))
    return render_template("accounts/reset_password.html", form=form, email=owner.email, other=other), form_status(form)


@bp.post("/account/mail-preferences")
@login_required
def mail_preferences():
    """Choose which notifications also come by mail."""
    form = preferences_form()
    offered = set(notifications.offered_kinds(get_db(), actor().id))  # unticked boxes it never showed are not 'off'
    kinds = {kind for kind in offered if getattr(form, kind).data}
    done = handle_form(form, lambda: notifications.set_mail_kinds(get_db(), actor(), kinds, among=offered),
                       "Mail preferences saved.", lambda _r: url_for("auth.account", _anchor="mail-preferences"))
    return done or (account_page(mail_form=form), form_status(form))


def _unsubscribe_target(token: str) -> tuple[int, str]:
    target = read_unsubscribe_token(token)
    if target is None or target[1] not in NOTIFICATION_KINDS | SITE_ONLY_KINDS:
        abort(404, "This unsubscribe link is not valid.")
    return target


def _no_longer_mailed(kind: str):
    """An old link for a kind that is shown on the site only now: nothing to stop, and nothing to switch back on."""
    return render_template("accounts/unsubscribe.html", label=SITE_ONLY_KINDS[kind], site_only=True)


@bp.get("/unsubscribe/<token>")
def unsubscribe(token: str):
    """Works logged out: shows what will stop and a button (a GET never writes)."""
    user_id, kind = _unsubscribe_target(token)
    if kind in SITE_ONLY_KINDS:
        return _no_longer_mailed(kind)
    notifications.check_unsubscribe(get_db(), user_id, kind)  # an account deleted since: no button to press
    already = kind not in notifications.mail_kinds(get_db(), user_id)  # the link opened again: nothing to ask
    return render_template("accounts/unsubscribe.html", label=NOTIFICATION_KINDS[kind], token=token, done=False,
                           already=already, form=ActionForm())


@bp.post("/unsubscribe/<token>")
def unsubscribe_confirm(token: str):
    """Stop one kind of mail (the signed token names the account; no login needed)."""
    user_id, kind = _unsubscribe_target(token)
    if kind in SITE_ONLY_KINDS:
        return _no_longer_mailed(kind)
    if not ActionForm().validate_on_submit():
        abort(400, "The form expired. Open the link from the mail again.")
    notifications.unsubscribe(get_db(), user_id, kind)
    return render_template("accounts/unsubscribe.html", label=NOTIFICATION_KINDS[kind], token=token, done=True)


@bp.get("/account/export")
@login_required
def export():
    """Download everything held about the account as JSON."""
    data = account_data.export_user_data(get_db(), actor())
    body = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": "attachment; filename=craftreview-my-data.json", "Cache-Control": "no-store"})


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
@password_checks
def delete_account():
    """Delete the account: the choice about reviews is stated before the password confirms it."""
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            done = account_data.delete_account(get_db(), actor(), password=form.password.data,
                                               reviews=form.reviews.data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            session_end.end_here("deleted")
            forget_home()  # the home page it is sent to must not list its profile or its reviews from a copy
            flash(_farewell(done), "info")
            return redirect(url_for("site.home"))
    return (render_template("accounts/delete.html", form=form, page=account_data.deletion_page(get_db(), actor())),
            form_status(form))


def _farewell(done: account_data.Deletion) -> str:
    """The message after a deletion: what became of what the account wrote (thanks only for what stays)."""
    wrote = " and ".join(_count(n, one, many) for n, one, many in (
        (done.reviews, "review", "reviews"), (done.replies, "reply", "replies")) if n)
    if not wrote:
        return "Your account is deleted."
    if done.choice == "remove":
        return f"Your account is deleted. We removed your {wrote}."
    verb, them = ("stays", "it") if done.reviews + done.replies == 1 else ("stay", "them")
    return f"Your account is deleted. Your {wrote} {verb}, without your name: thank you for writing {them}."


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
