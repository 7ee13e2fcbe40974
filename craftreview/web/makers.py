"""Maker profiles: list, create, show, edit, score explanation, maker dashboard."""
from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from ..errors import Conflict, DomainError, Gone
from ..models import Maker, as_utc, utcnow
from ..permissions import can_send_invitations, owns_maker
from ..services import browse, queries
from ..services import makers as maker_service
from ..services import orders as order_service
from ..services.mail import make_mail_backend
from ..services.maker_page import maker_page
from ..services.review_facts import parse_filters
from ..services.score_page import WEIGHTS_PER_PAGE, score_page
from . import stored_pages
from .addresses import follows_moved_maker
from .context import get_db
from .forms import ActionForm, MakerForm, OrderForm
from .helpers import Page, actor, form_error, form_status, handle_form, page_arg, paginate, stale_refusal, validate
from .kept_text import keeps_typed_text
from .limits import declined, per_account_shared
from .listing import browse_filters, counts_cache, listing_url
from .mailing import public_link

LINK_VERSION = re.compile(r"[0-9a-f]{16}")  # orders.link_version, sent back by "Send a new link"
bp = Blueprint("makers", __name__)
ORDERS_PAGE = 50  # recorded orders per dashboard page
WAITING_SHOWN = 20  # newest reviews waiting for a reply on the dashboard; the rest have their own page


@bp.get("/makers")
def index():
    """Browse makers: filters with counts, keyset pages."""
    tidy = _without_empty_args(url_for("makers.index"))
    if tidy is not None:
        return tidy
    filters = browse_filters()
    if filters.place:
        named = counts_cache().counts(get_db(), filters)[0].place_named(filters.place)
        if named:  # a typed address (?place=kyoto): the listing of the place as the filter names it
            return redirect(listing_url(place=named))

    def render() -> str:
        page = browse.browse_page(get_db(), filters, counts_cache())
        return render_template("makers/index.html", page=page, sorts=browse.SORTS, tiers=browse.TIERS,
                               lead_times=browse.LEAD_TIMES)
    if current_user.is_authenticated:
        return render()
    # The filter counts are a short-lived copy (browse.COUNTS_SECONDS): their digest is part of the key.
    counts_key = counts_cache().counts(get_db(), filters)[1]
    return stored_pages.listing_page((counts_key,), render)


def _maker_input(form: MakerForm) -> maker_service.MakerInput:
    return maker_service.MakerInput(
        name=form.name.data or "", slug=form.slug.data or "", craft=form.craft.data,
        location=form.location.data or "", bio=form.bio.data or "", website=form.website.data or "",
        accepts_custom=form.accepts_custom.data, lead_time_days=form.lead_time_days.data)


@bp.route("/makers/new", methods=["GET", "POST"])
@keeps_typed_text("profile", "name", "bio")
@login_required
def new():
    """Create the user's maker profile."""
    existing = maker_service.maker_owned_by(get_db(), actor())
    if existing:
        flash("You already have a maker profile; you can edit it here.", "info")
        return redirect(url_for("makers.edit", slug=existing.slug))
    form = MakerForm()
    form.slug.description += ". Left empty, it is made from the name."
    suggested = _suggest_address(form)
    done = handle_form(form, lambda: maker_service.create_maker(get_db(), actor(), _maker_input(form)),
                       lambda maker: "Your maker profile is live." + (
                           f" Its address, made from its name, is /makers/{maker.slug}: you can change it on the "
                           "edit page." if suggested else ""),
                       _maker_url, _maker_check(form, None))
    if not done and suggested:
        form.slug.data = ""  # made from the name sent: a new name must get its own, not this one
    return done or (render_template("makers/form.html", form=form, maker=None), form_status(form))


def _suggest_address(form: MakerForm) -> bool:
    """A new profile sent without an address gets one made from its name, where the name gives a free one."""
    if not form.is_submitted() or (form.slug.data or "").strip():
        return False
    form.slug.data = maker_service.suggested_address(get_db(), form.name.data or "") or ""
    return bool(form.slug.data)


def _maker_check(form: MakerForm, maker: Maker | None):
    return lambda: maker_service.validated_maker(_maker_input(form), get_db(), maker.id if maker else None)


def _maker_url(maker: Maker) -> str:
    return url_for("makers.show", slug=maker.slug)


def _owned_maker(slug: str) -> Maker:
    maker = maker_service.get_maker_by_slug(get_db(), slug)
    if not owns_maker(actor(), maker):
        abort(403, "Only the owner can change this maker profile.")
    return maker


@bp.route("/makers/<slug>/edit", methods=["GET", "POST"])
@keeps_typed_text("profile", "name", "bio")
@login_required
@follows_moved_maker
def edit(slug: str):
    """Edit the maker profile (owner only)."""
    maker = _owned_maker(slug)
    form = MakerForm(obj=maker)
    if not form.is_submitted():
        form.show_drawn(maker_service.profile_version(maker))
    done = handle_form(form, lambda: maker_service.update_maker(get_db(), actor(), maker, _maker_input(form),
                                                                drawn=form.drawn_from()),
                       "Profile saved.", _maker_url, _maker_check(form, maker))
    if done:
        return done
    changed = stale_refusal(form, maker_service.PROFILE_CHANGED_MEANWHILE, maker, maker_service.profile_version)
    return (render_template("makers/form.html", form=form, maker=maker, changed=changed),
            409 if changed else form_status(form))


@bp.get("/makers/<slug>")
@follows_moved_maker
def show(slug: str):
    """The maker page: profile, score, charts, delivery record, filtered and sorted reviews with replies."""
    tidy = _without_empty_args(url_for("makers.show", slug=slug))
    if tidy is not None:
        return tidy
    viewer = current_user if current_user.is_authenticated else None
    stored = stored_pages.stored_page(slug) if viewer is None else None
    if stored is not None:
        return stored  # rendered after the last write that changed the page: one query
    per_page = current_app.config["PER_PAGE"]
    view = maker_page(get_db(), slug, viewer, parse_filters(request.args), per_page)
    # The helpful-vote form (and its CSRF token) only shows to logged-in readers.
    context = stored_pages.show_context(view, per_page, ActionForm() if viewer else None)
    return render_template("makers/show.html", **context)


def _without_empty_args(here: str):
    """The filter forms (the maker listing's, a maker page's) send their "Any" choices as empty values
    (?craft=&place=, ?consistency=&delivery=&price=): the same page at its address `here` without them, or None when
    there are none. Tidy to read and share, and with nothing left it is the stored page's address (stored_pages serves
    a maker page only to requests without query arguments). The #reviews-heading a maker page's form names stays: a
    browser keeps the fragment through a redirect whose Location has none."""
    sent = list(request.args.items(multi=True))
    kept = [(name, value) for name, value in sent if value != ""]
    if len(kept) == len(sent):
        return None
    return redirect(f"{here}?{urlencode(kept)}" if kept else here, 303)


@bp.get("/makers/<slug>/score")
@follows_moved_maker
def score(slug: str):
    """How the score was reached."""
    viewer = current_user if current_user.is_authenticated else None
    view = score_page(get_db(), slug, viewer, page_arg())
    weights = Page(items=view.reviews, page=view.page, per_page=WEIGHTS_PER_PAGE, total=view.weighted_count)
    return render_template("makers/score.html", maker=view.maker, score=view.score, view=view, weights=weights)


@bp.route("/dashboard", methods=["GET", "POST"])
@keeps_typed_text("order", "buyer_email", "item")
@login_required
@per_account_shared("invitation")  # one maker profile per account: the maker's daily invitations, new links included
def dashboard():
    """The maker's dashboard: record orders, copy invitation links, reviews awaiting a reply."""
    db = get_db()
    maker = maker_service.maker_owned_by(db, actor())
    if maker is None:
        return render_template("makers/no_profile.html")
    form = OrderForm()
    can_invite = can_send_invitations(actor(), maker)  # said above the form; a submission without it is refused
    refused = form.is_submitted() and not can_invite
    if refused:
        form.form_errors.append(order_service.UNCONFIRMED_SENDER)
    elif validate(form, lambda: order_service.validated_order(actor(), _order_input(form), utcnow().date(), db, maker)):
        link = _record_order(maker, form)
        if link:
            # Post/redirect/get: a reload must not record the order twice. The link is
            # shown once, from the maker's own (signed) session.
            session["invitation_link"] = link
            return redirect(url_for("makers.dashboard"))
    if not maker.accepts_custom and not form.order_type.errors:  # said up front; once refused, the error says it
        form.order_type.description = order_service.STOCK_ONLY_HINT
    html = render_template(
        "makers/dashboard.html", maker=maker, form=form, can_invite=can_invite, link=session.pop("invitation_link", None),
        link_version=order_service.link_version,
        orders=paginate(db, order_service.maker_orders_query(maker), ORDERS_PAGE, scalars=False),
        unreplied=paginate(db, queries.unreplied_reviews_query(maker.id), WAITING_SHOWN, page=1))
    return html, (403 if refused else 400 if form.errors or form.form_errors else 200)


@bp.get("/dashboard/replies")
@login_required
def waiting():
    """Every review of the maker still waiting for a reply, a page at a time."""
    db = get_db()
    maker = maker_service.maker_owned_by(db, actor())
    if maker is None:
        return render_template("makers/no_profile.html")
    return render_template("makers/waiting.html", maker=maker,
                           page=paginate(db, queries.unreplied_reviews_query(maker.id)))


def _order_input(form: OrderForm) -> order_service.OrderInput:
    return order_service.OrderInput(
        buyer_email=form.buyer_email.data or "", item=form.item.data or "", order_type=form.order_type.data,
        price_band=form.price_band.data, ordered_on=form.ordered_on.data, promised_by=form.promised_by.data)


def _record_order(maker: Maker, form: OrderForm) -> str | None:
    data = _order_input(form)
    mail = make_mail_backend(current_app.config["MAIL_BACKEND"])
    now = utcnow()
    try:
        order, token = order_service.record_order(
            get_db(), actor(), maker, data, mail,
            invite_url=_invitation_link, now=now)
    except Gone:
        raise  # the account (and so the profile) deleted meanwhile, in another tab: no dashboard to draw again
    except DomainError as exc:
        form_error(form, exc)
        return None
    if as_utc(order.created_at) < now:  # recorded before: the one record got a fresh link
        flash("You had recorded this order already: it keeps its one record, with a fresh invitation queued for the "
              "buyer. The earlier link no longer works; you can also copy the new one below.", "success")
    else:
        flash("Order recorded. The invitation was queued for the buyer; you can also copy the link below.", "success")
    return _invitation_link(token)


@bp.post("/dashboard/orders/<int:order_id>/new-link")
@login_required
@per_account_shared("invitation")
def renew_invitation(order_id: int):
    """Mail the buyer a new link for an order not reviewed yet (a lost mail, an expired link); the old one stops."""
    db = get_db()
    maker = maker_service.maker_owned_by(db, actor())
    if maker is None:
        abort(404, "You have no maker profile, so no recorded orders.")
    if not ActionForm().validate_on_submit():
        abort(400, "The form expired; reload the dashboard and try again.")
    replaces = request.form.get("replaces", "")
    if not LINK_VERSION.fullmatch(replaces):
        abort(400, "The form did not say which link to replace; reload the dashboard and try again.")
    mail = make_mail_backend(current_app.config["MAIL_BACKEND"])
    try:
        order, token = order_service.renew_invitation(db, actor(), maker, order_id, mail, _invitation_link, replaces)
    except order_service.AlreadyRenewed as done:
        declined()  # nothing was sent: the daily invitation budget is not spent
        flash(done.message, "info")
        return redirect(url_for("makers.dashboard"))
    except Conflict as refused:  # reviewed, or its buyer's account deleted, since the dashboard was drawn
        declined()
        return render_template("error.html", status=refused.status, message=refused.message,
                               action=(url_for("makers.dashboard"), "Back to your dashboard")), refused.status
    flash(f"A new invitation for \"{order.item}\" was queued for {order.buyer_email}, good for "
          f"{order_service.INVITATION_DAYS} days. The earlier link no longer works; you can also copy the new one below.",
          "success")
    session["invitation_link"] = _invitation_link(token)
    return redirect(url_for("makers.dashboard"))


def _invitation_link(token: str) -> str:
    """The link a buyer redeems, on the site's public address (mailing.public_link), as the mailed one is."""
    return public_link(current_app, "reviews.invitation", token=token)
