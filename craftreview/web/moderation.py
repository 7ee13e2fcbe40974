"""Moderation queue, actions and the audit log (moderators only)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import login_required

from ..errors import DomainError
from ..models import Review, User
from ..services import accounts, moderation, queries, signals, voices
from .context import get_db
from .forms import SUSPEND_CONFIRM_MESSAGE, HideForm, NoteForm, RestoreForm, SuspendForm
from .helpers import actor, form_error, handle_form, linked_message, moderator_required, page_arg, paginate, validate
from .input_guard import form_id
from .kept_text import keeps_typed_text
from .security import local_page, referring_page, safe_next

bp = Blueprint("moderation", __name__, url_prefix="/moderation")
QUEUE_PAGE = 25


def _lookahead_page(fetch) -> tuple[list, int, bool]:
    """One page from `fetch(session, limit, offset)`, reading one extra row to know if more follow."""
    page = page_arg()
    rows = fetch(get_db(), limit=QUEUE_PAGE + 1, offset=(page - 1) * QUEUE_PAGE)
    return rows[:QUEUE_PAGE], page, len(rows) > QUEUE_PAGE


def _restore_form() -> RestoreForm:
    return RestoreForm(prefix="restore", label="Why restore it? (audit log)")


def _dismiss_form() -> NoteForm:
    return NoteForm(prefix="dismiss", label="Why dismiss the flags? (audit log)")


def _suspend_form() -> SuspendForm:
    return SuspendForm(prefix="suspend", label="Reason for the account action (audit log)")


def _review(review_id: int) -> Review:
    review = get_db().get(Review, review_id)
    if review is None:
        abort(404, "No such review.")
    return review


@bp.get("")
@login_required
@moderator_required
def queue():
    """Flagged reviews, most flagged first."""
    items, page, has_next = _lookahead_page(moderation.moderation_queue)
    return render_template("moderation/queue.html", items=items, page=page, has_next=has_next)


@bp.get("/reviews/<int:review_id>")
@login_required
@moderator_required
def review(review_id: int):
    """One flagged review with its flags and the actions."""
    item = _review(review_id)
    return _review_page(item, HideForm(prefix="hide"), _restore_form(), _dismiss_form())


def _came_from() -> str | None:
    """The local page the moderator opened the review from (?next=, the hide form's `next`, else the Referer of the
    page's GET): hiding returns there, so one working through the ring signals or an account keeps their place."""
    sent = local_page(request.values.get("next"))
    return sent or (local_page(referring_page()) if request.method == "GET" else None)


# The page a review was opened from, named for the way back: the first prefix its path is, or is under.
_BACK_LABELS = (("/moderation/signals", "Ring signals"), ("/moderation/accounts", "The account"),
                ("/moderation/reviews", "The other review"), ("/moderation/log", "Audit log"),
                ("/moderation", "Moderation queue"), ("/makers", "Makers"), ("/search", "Search results"))


def _back_label(page: str) -> str:
    path = urlsplit(page).path
    if path.startswith("/makers/"):
        return "The maker page"
    return next((label for prefix, label in _BACK_LABELS if path == prefix or path.startswith(prefix + "/")), "Back")


def _back(came_from: str | None, item: Review) -> tuple[str, str] | None:
    """The way back a review's page offers besides the queue: (address, label), or None (no other page, or the queue,
    or this review's own page after a refused form)."""
    if not came_from or came_from in (url_for("moderation.queue"), url_for("moderation.review", review_id=item.id)):
        return None
    return came_from, _back_label(came_from)


def _review_page(item: Review, hide_form, restore_form, dismiss_form, status: int = 200, suspend_form=None):
    db = get_db()
    flags = moderation.open_flags(db, item)
    came_from = _came_from()
    return render_template(
        "moderation/review.html", review=item, flags=flags, versions=moderation.flagged_versions(db, item, flags),
        ring_signals=signals.signals_on_review(db, item.id), came_from=came_from, back=_back(came_from, item),
        hide_form=hide_form, restore_form=restore_form, dismiss_form=dismiss_form,
        suspend_form=suspend_form or _suspend_form()), status


@bp.post("/reviews/<int:review_id>/hide")
@keeps_typed_text("moderation decision", "hide-note")
@login_required
@moderator_required
def hide(review_id: int):
    """Hide a review for a policy reason."""
    item, form = _review(review_id), HideForm(prefix="hide")
    back = _came_from() or url_for("moderation.queue")
    done = handle_form(form, lambda: moderation.hide_review(get_db(), actor(), item, form.reason.data,
                                                            form.note.data or ""),
                       _hidden_message(item, back), lambda _r: back)
    return done or _review_page(item, form, _restore_form(), _dismiss_form(), 400)


HIDDEN = "Review hidden. The author can see why."


def _hidden_message(item: Review, back: str) -> str | dict:
    """What hiding says on the page it returns to: which review, with the way back to it, where its Restore is."""
    own_page = url_for("moderation.review", review_id=item.id)
    if back == own_page:
        return HIDDEN  # the page itself says so, and offers Restore
    return linked_message(HIDDEN, f"Review #{item.id}", own_page, name=item.title, after=": restore it there to undo.")


@bp.post("/reviews/<int:review_id>/restore")
@keeps_typed_text("moderation decision", "restore-note")
@login_required
@moderator_required
def restore(review_id: int):
    """Make a hidden review public again."""
    item, form = _review(review_id), _restore_form()
    done = handle_form(form, lambda: moderation.restore_review(get_db(), actor(), item, form.note.data or ""),
                       "Review restored." if item.withdrawn_at is None else
                       "Review restored. Its author has withdrawn it, so it stays out of public view until they "
                       "republish it.", lambda _r: url_for("moderation.review", review_id=item.id),
                       check=lambda: moderation.check_restore(item, form.note.data or ""))
    return done or _review_page(item, HideForm(prefix="hide"), form, _dismiss_form(), 400)


@bp.post("/reviews/<int:review_id>/dismiss")
@keeps_typed_text("moderation decision", "dismiss-note")
@login_required
@moderator_required
def dismiss(review_id: int):
    """Close the open flags without hiding the review."""
    item, form = _review(review_id), _dismiss_form()
    done = handle_form(form, lambda: moderation.dismiss_flags(get_db(), actor(), item, form.note.data or ""),
                       "Flags dismissed; the review stays public.", lambda _n: url_for("moderation.queue"),
                       check=lambda: moderation.check_dismiss(get_db(), item, form.note.data or ""))
    return done or _review_page(item, HideForm(prefix="hide"), _restore_form(), form, 400)


SUSPEND_ACTIONS = ("suspend", "reinstate")


@bp.post("/users/<int:user_id>/suspend")
@keeps_typed_text("account action", "suspend-note")
@login_required
@moderator_required
def suspend(user_id: int):
    """Suspend (or reinstate) an account; its sessions end at once."""
    form = _suspend_form()
    if get_db().get(User, user_id) is None:
        abort(404, "No such user.")
    action = request.form.get("action")
    if action not in SUSPEND_ACTIONS:  # the page's form always says which: anything else is refused, not guessed
        abort(400, "Say whether to suspend or reinstate the account (action=suspend or action=reinstate).")
    reinstate = action == "reinstate"
    valid = validate(form)  # a note too long, else the CSRF token; refused before the view ran: the form again
    if not (_confirmed(form, reinstate) and valid):
        return _suspend_form_again(form, user_id)
    try:
        target = accounts.set_suspended(get_db(), actor(), user_id, not reinstate, form.note.data or "")
    except DomainError as exc:
        if exc.field == "note":  # no reason given: the form again, with the request beside the note
            form.note.errors.append(exc.message)
            return _suspend_form_again(form, user_id)
        flash(exc.message, "error")  # back to the page, which now shows the account as it is
    else:
        flash(f"{target.display_name} is {'reinstated' if reinstate else 'suspended'}.", "success")
    back = safe_next(request.form.get("back"))
    return redirect(back if back and back.startswith("/moderation/") else url_for("moderation.queue"))


def _confirmed(form: SuspendForm, reinstate: bool) -> bool:
    """A suspension needs its box ticked; left unticked, a missing reason is said beside it in the same round."""
    if reinstate or form.confirm.data:
        return True
    form.confirm.errors = [SUSPEND_CONFIRM_MESSAGE]
    try:
        accounts.check_suspension_reason(form.note.data or "")
    except DomainError as exc:
        form_error(form, exc)
    return False


def _suspend_form_again(form: SuspendForm, user_id: int):
    """A note or confirmation the form (or the service) refused: the page the form was sent from — the review page
    (its hidden `review` field) or the account's own page (its `back` field) — again, with the note as typed and the
    problem beside it. An expired form, or a request from no such page, is refused with the reason alone."""
    problems = [*form.form_errors, *form.note.errors, *form.confirm.errors]
    item = get_db().get(Review, form_id("review") or 0)
    if problems and item is not None and item.author_id == user_id:
        return _review_page(item, HideForm(prefix="hide"), _restore_form(), _dismiss_form(), 400, suspend_form=form)
    if problems and request.form.get("back") == url_for("moderation.account", user_id=user_id):
        return _account_page(get_db().get(User, user_id), form, 400)
    abort(400, next(iter(problems), "The form expired; reload the page and try again."))


@bp.get("/log")
@login_required
@moderator_required
def log():
    """The audit log of moderation actions."""
    entries, page, has_next = _lookahead_page(moderation.audit_log)
    return render_template("moderation/log.html", entries=entries, page=page, has_next=has_next)


@bp.get("/signals")
@login_required
@moderator_required
def ring_signals():
    """Ring signals with their evidence: leads for moderators, never automatic hiding."""
    kind = request.args.get("kind", "")
    if kind and kind not in signals.KINDS:
        abort(400, f"There is no signal kind {kind[:40]!r}: pick one of the page's filters, or none for all.")
    page = signals.signals_page(get_db(), page=page_arg(), per_page=QUEUE_PAGE, kind=kind)
    return render_template("moderation/signals.html", data=page, kinds=signals.KINDS)


@bp.get("/accounts/<int:user_id>")
@login_required
@moderator_required
def account(user_id: int):
    """One account as moderators see it: age, address status and everything it wrote."""
    user = get_db().get(User, user_id)
    if user is None:
        abort(404, "No such user.")
    return _account_page(user, _suspend_form())


def _account_page(user: User, suspend_form: SuspendForm, status: int = 200):
    page = paginate(get_db(), queries.reviews_by_author_query(user.id))
    return render_template("moderation/account.html", account=user, page=page, suspend_form=suspend_form,
                           ring_signals=signals.signals_on_account(get_db(), user.id),
                           same_buyer=voices.same_buyer(get_db(), user)), status
