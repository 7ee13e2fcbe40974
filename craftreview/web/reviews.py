"""Writing, editing, withdrawing, replying to, voting on and flagging reviews; invitations."""
from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..errors import Gone, NotFound
from ..models import Review, utcnow
from ..permissions import can_edit_review, can_flag, can_reply, can_see_review, can_vote
from ..services import engagement, orders, queries, replies
from ..services import makers as maker_service
from ..services import reviews as review_service
from ..services.moderation import latest_hide_entry
from .addresses import follows_moved_maker
from .context import get_db
from .forms import ActionForm, FlagForm, ReplyForm, ReviewForm, VerifiedReviewForm
from .helpers import actor, form_status, handle_form, paginate, stale_refusal
from .kept_text import keeps_typed_text
from .limits import per_account
from .security import return_after_confirmation, safe_next

bp = Blueprint("reviews", __name__)

REVIEW_UPDATED = "Review updated. The earlier version stays in its history."
REVIEW_UNCHANGED = "Your review is unchanged: it already said that."
REPLY_SAVED = {"published": "Your reply is published.", "updated": "Your reply is updated.",
               "unchanged": "Your reply is unchanged: it already said that."}


def _review_or_404(review_id: int) -> Review:
    review = get_db().get(Review, review_id)
    viewer = current_user if current_user.is_authenticated else None
    if review is None or not can_see_review(viewer, review):
        abort(404, "That review does not exist or is no longer public.")
    return review


def _review_input(form) -> review_service.ReviewInput:
    extra = {}
    if isinstance(form, ReviewForm):
        extra = {"order_type": form.order_type.data or None, "price_band": form.price_band.data or None,
                 "ordered_on": form.ordered_on.data}
    return review_service.ReviewInput(
        craftsmanship=form.craftsmanship.data, consistency=form.consistency.data, delivery=form.delivery.data,
        title=form.title.data or "", body=form.body.data or "", promised_by=form.promised_by.data,
        delivered_on=form.delivered_on.data, **extra)


@bp.route("/makers/<slug>/review", methods=["GET", "POST"])
@keeps_typed_text("review", "title", "body")
@login_required
@per_account("review")
@follows_moved_maker
def write(slug: str):
    """Write an (unverified) review of a maker."""
    db = get_db()
    maker = maker_service.get_maker_by_slug(db, slug)
    review_service.check_can_review(actor(), maker)
    existing = queries.own_review(db, actor(), maker)
    if existing and request.method == "POST":
        return _typed_over_existing(existing)
    if existing:
        flash("You have already reviewed this maker. You can edit your review.", "info")
        return redirect(url_for("reviews.edit", review_id=existing.id))
    form = ReviewForm()
    done = handle_form(form, lambda: review_service.submit_review(db, actor(), maker, _review_input(form)),
                       "Thank you! Your review is published.", _review_url,
                       lambda: review_service.validated_review(_review_input(form), utcnow().date()))
    return done or _written_meanwhile(lambda: queries.own_review(db, actor(), maker), ALREADY_REVIEWED) or (
        render_template("reviews/form.html", form=form, maker=maker, review=None, order=None,
                        order_reviews=queries.own_order_reviews(db, actor(), maker)), form_status(form))


def _written_meanwhile(find_existing, message: str):
    """A refused submission whose review another tab of the author's published while this one was on its way (both
    passed the view's first look): the edit form with the text typed here, as for a tab sent after the other, rather
    than this form saying the review exists. None otherwise; `find_existing` runs only for a refused POST."""
    if request.method != "POST":
        return None
    existing = find_existing()
    return _typed_over_existing(existing, message) if existing is not None else None


_KEPT_AS_EDIT = ("so this was not published. Below is your review's edit form with what you just typed: saving it "
                 "replaces your review, whose earlier version stays in its history.")
ALREADY_REVIEWED = f"You have already reviewed this maker (in another tab, say), {_KEPT_AS_EDIT}"
ALREADY_REDEEMED = f"You have already written your verified review through this invitation (in another tab, say), {_KEPT_AS_EDIT}"


def _typed_over_existing(existing: Review, message: str = ALREADY_REVIEWED):
    """A new review sent for a maker the author reviewed meanwhile: the edit form with the text just typed, not a
    redirect that would lose it; nothing is written."""
    form = VerifiedReviewForm().describe_promise(existing.recorded_promise, True) if existing.has_order else ReviewForm()
    form.show_drawn(existing.revision_count)  # saving this form replaces the review as it stands now
    form.form_errors.append(message)
    return render_template("reviews/form.html", form=form, maker=existing.maker, review=existing,
                           order=existing.order), 409


def _review_url(review) -> str:
    return url_for("reviews.show", review_id=review.id)


@bp.get("/reviews/<int:review_id>")
def show(review_id: int):
    """One review with its reply and edit history."""
    db = get_db()
    review = _review_or_404(review_id)
    hide_entry = latest_hide_entry(db, review) if review.hidden_at else None
    reply_history = replies.reply_history(db, review.reply) if review.reply else []
    viewer = current_user if current_user.is_authenticated else None
    voted, reported = queries.viewer_marks(db, viewer, [review.id])
    # The helpful-vote form only shows to logged-in readers. Made for a visitor, its CSRF token would start a
    # session, and with that cookie every later maker page and listing is drawn for them instead of kept.
    return render_template(
        "reviews/show.html", review=review, history=review_service.review_history(db, review),
        reply_history=reply_history, hide_entry=hide_entry, action_form=ActionForm() if viewer else None,
        voted=voted, reported=reported)


@bp.route("/reviews/<int:review_id>/edit", methods=["GET", "POST"])
@keeps_typed_text("edit", "title", "body")
@login_required
def edit(review_id: int):
    """The author edits their review; the earlier version is kept."""
    review = _review_or_404(review_id)
    if not can_edit_review(actor(), review):
        abort(403, "Only the author can edit this review.")
    form = (VerifiedReviewForm(obj=review).describe_promise(review.recorded_promise, True) if review.has_order
            else ReviewForm(obj=review))
    if not form.is_submitted():
        form.show_drawn(review.revision_count)
    revisions = review.revision_count  # an edit that changes nothing stores no revision, and says so
    done = handle_form(form, lambda: review_service.edit_review(get_db(), actor(), review, _review_input(form),
                                                                drawn=form.drawn_from()),
                       lambda r: REVIEW_UPDATED if r.revision_count != revisions else REVIEW_UNCHANGED, _review_url,
                       lambda: review_service.edit_values(review, _review_input(form), utcnow().date()))
    if done:
        return done
    changed = stale_refusal(form, review_service.EDITED_MEANWHILE, review, lambda r: r.revision_count)
    return (render_template("reviews/form.html", form=form, maker=review.maker, review=review, order=review.order,
                            changed=changed), 409 if changed else form_status(form))


@bp.post("/reviews/<int:review_id>/withdraw")
@login_required
def withdraw(review_id: int):
    """Withdraw (hide) one's own review; it can be republished."""
    return _set_withdrawn(review_id, True, "Your review is withdrawn. Only you can see it now.")


@bp.post("/reviews/<int:review_id>/republish")
@login_required
def republish(review_id: int):
    """Publish a withdrawn review again."""
    return _set_withdrawn(review_id, False, "Your review is public again.")


def _set_withdrawn(review_id: int, withdrawn: bool, message: str):
    review = _review_or_404(review_id)
    if not ActionForm().validate_on_submit():
        abort(400, "The form expired; reload the page and try again.")
    review_service.set_withdrawn(get_db(), actor(), review, withdrawn)
    if review.hidden_at is not None and not withdrawn:
        message = "Your review is no longer withdrawn, but it stays hidden: a moderator hid it (the reason is below)."
    flash(message, "info" if review.hidden_at is not None else "success")
    return redirect(url_for("reviews.show", review_id=review.id))


@bp.route("/reviews/<int:review_id>/reply", methods=["GET", "POST"])
@keeps_typed_text("reply", "body")
@login_required
def reply(review_id: int):
    """The reviewed maker writes or edits their public reply."""
    review = _review_or_404(review_id)
    if not can_reply(actor(), review):
        abort(403, "Only the maker who was reviewed can reply.")
    form = ReplyForm(obj=review.reply)
    if not form.is_submitted():
        form.show_drawn(replies.version_of(review.reply))
    done = handle_form(form, lambda: replies.save_reply(get_db(), actor(), review, form.body.data,
                                                        drawn=form.drawn_from()),
                       lambda saved: REPLY_SAVED[saved.outcome], lambda _saved: _review_url(review))
    if done:
        return done
    changed = stale_refusal(form, replies.CHANGED_MEANWHILE, review, lambda r: replies.version_of(r.reply))
    return (render_template("reviews/reply.html", form=form, review=review, changed=changed),
            409 if changed else form_status(form))


@bp.post("/reviews/<int:review_id>/helpful")
@login_required
def helpful(review_id: int):
    """Toggle the helpful vote."""
    review = _review_or_404(review_id)
    if not can_vote(actor(), review):
        abort(403, "You cannot vote on this review.")
    if not ActionForm().validate_on_submit():
        abort(400, "The form expired; reload the page and try again.")
    wanted = {"1": True, "0": False}.get(request.form.get("helpful", ""))  # what the button said; absent: toggle
    now_voted = engagement.toggle_helpful(get_db(), actor(), review, wanted)
    flash("Marked as helpful." if now_voted else "Helpful vote removed.", "success")
    # Back to the page, sort and filters the vote was cast on (page 2 of "lowest rated" is not the default page).
    back = safe_next(request.form.get("next"))
    if back is None:
        return redirect(url_for("makers.show", slug=review.maker.slug, _anchor=f"review-{review.id}"))
    return redirect(f"{urlsplit(back)._replace(fragment='').geturl()}#review-{review.id}")


def _why_not_reportable(review: Review) -> str:
    """The reason can_flag refused the logged-in user this review, in words."""
    if review.author_id == actor().id:
        return "This is your own review, so you cannot report it: you can edit or withdraw it instead."
    if not review.is_visible:
        return "This review is not public, so there is nothing to report."
    return "Your account cannot report reviews while it is suspended."


@bp.route("/reviews/<int:review_id>/flag", methods=["GET", "POST"])
@keeps_typed_text("report", "note")
@login_required
@per_account("flag")
def flag(review_id: int):
    """Report a review to the moderators."""
    review = _review_or_404(review_id)
    if not can_flag(actor(), review):
        abort(403, _why_not_reportable(review))
    if engagement.has_open_flag(get_db(), actor(), review):
        if request.method != "POST":
            return render_template("reviews/flag.html", form=None, review=review)
        kept = [note] if (note := request.form.get("note", "").strip()) else []
        return render_template("reviews/flag.html", form=None, review=review, kept=kept), 409
    form = FlagForm()
    done = handle_form(form, lambda: engagement.flag_review(get_db(), actor(), review, form.reason.data,
                                                            form.note.data or "",
                                                            form.seen_revision(review.id, actor().id)),
                       "Thank you. A moderator will look at this review.", lambda _flag: _review_url(review))
    if done:
        return done
    form.show_revision(review.id, review.revision_count, actor().id)  # the text this page shows, sent again or not
    return render_template("reviews/flag.html", form=form, review=review), form_status(form)


@bp.get("/me/reviews")
@login_required
def mine():
    """The reviews I wrote, with their status."""
    page = paginate(get_db(), queries.reviews_by_author_query(actor().id))
    return render_template("reviews/mine.html", page=page)


def _spent_by_reader(dead: NotFound, review: Review):
    """A spent invitation opened again by the buyer who spent it: the link has done its work (headed so, not "This link
    does not work"), and the way to the review it wrote."""
    message = f"{dead.message} You wrote your verified review through it: open your review to read or edit it."
    page = render_template("error.html", status=dead.status, message=message,
                           action=(url_for("reviews.show", review_id=review.id), "Your review"), dead_link=True,
                           link_done=True)
    return page, dead.status


def _submit_verified(token: str, form):
    """The verified review; a link that stopped working since this request opened it (replaced, or its order deleted
    with the maker's profile) is answered as the view answers a dead link, with an error page, not the form again;
    one this buyer spent meanwhile in another tab is left to _written_meanwhile (the edit form with the typed text)."""
    db = get_db()
    try:
        return orders.submit_verified_review(db, actor(), token, _review_input(form))
    except Gone:
        raise
    except NotFound as dead:
        if orders.redeemed_review(db, actor(), token) is not None:
            raise
        raise Gone(dead.message) from dead


def _closed_before_login(view):
    """An invitation that works for nobody (unknown, expired, or its maker has left) says so at once to a visitor
    not logged in, instead of asking them to log in, or to register with the order's address, for nothing."""
    @wraps(view)
    def wrapper(token: str):
        if not current_user.is_authenticated:
            closed = orders.closed_to_everyone(get_db(), token)
            if closed is not None:
                return render_template("error.html", status=closed.status, message=closed.message,
                                       dead_link=isinstance(closed, NotFound)), closed.status
        return view(token)
    return wrapper


@bp.route("/invite/<token>", methods=["GET", "POST"])
@_closed_before_login
@keeps_typed_text("verified review", "title", "body")
@login_required
@per_account("review")
def invitation(token: str):
    """Write a verified review through a maker's one-time invitation."""
    db = get_db()
    try:
        order = orders.redeemable_invitation(db, actor(), token)
    except orders.InvitationRefused as refusal:
        if refusal.reason == "unconfirmed":  # the confirmation link then comes back here, in this browser
            return_after_confirmation(request.path)
        return render_template("reviews/invitation_refused.html", refusal=refusal), refusal.status
    except NotFound as dead:
        existing = orders.redeemed_review(db, actor(), token)
        if existing is None and request.method == "POST":
            raise  # the error page with the text just typed, to copy (views._typed_here)
        if existing is None:
            return render_template("error.html", status=dead.status, message=dead.message, dead_link=True), dead.status
        if request.method == "GET":  # the buyer opening the spent link again (from the mail): the way to the review
            return _spent_by_reader(dead, existing)
        return _typed_over_existing(existing, ALREADY_REDEEMED)  # a second tab: the text just typed is kept
    # The maker's date until the buyer gives theirs.
    form = VerifiedReviewForm(promised_by=order.promised_by).describe_promise(order.promised_by, False)
    done = handle_form(form, lambda: _submit_verified(token, form),
                       "Thank you! Your verified review is published.", _review_url,
                       lambda: orders.verified_values(order, _review_input(form), utcnow().date()))
    return done or _written_meanwhile(lambda: orders.redeemed_review(db, actor(), token), ALREADY_REDEEMED) or (
        render_template("reviews/form.html", form=form, maker=order.maker, review=None, order=order), form_status(form))
