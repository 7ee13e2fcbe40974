"""/compare: up to four makers side by side; the list lives in the URL and a small cookie (no script needed).

Reading a compare page never edits the visitor's list except to adopt a shared link's makers when they had none: an
edit (add, remove, "make these makers your list") is a POST from a page of this site (security.sent_from_this_site)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, g, make_response, redirect, render_template, request, url_for

from ..errors import NotFound
from ..services.maker_addresses import moved_makers
from ..services.maker_page import MAX_COMPARE, ComparePage, compare_page
from ..services.makers import get_maker_by_address
from ..services.review_facts import STAR_DIMENSIONS
from ..text import clean_input
from .context import get_db
from .security import csrf, referring_page, sent_from_this_site

bp = Blueprint("compare", __name__)
COOKIE = "compare"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MAX_SLUGS = 20  # a longer list is cut here (the page then says which makers it left out)


def _slugs(text: str | None) -> list[str]:
    """Slugs from 'a,b,c' in order, without blanks or repeats (shape is checked by the page, not here)."""
    parts = [clean_input(p).lower() for p in (text or "").split(",")]  # no control characters echoed in the page
    return list(dict.fromkeys(p for p in parts if p))[:MAX_SLUGS]


def _remembered() -> list[str]:
    return [s for s in _slugs(request.cookies.get(COOKIE)) if SLUG.match(s)][:MAX_COMPARE]


def _at_current_addresses(slugs: list[str]) -> list[str]:
    """The list with each former address replaced by its maker's current one, each maker once."""
    moved = moved_makers(get_db(), slugs)
    return list(dict.fromkeys(moved[s].slug if s in moved else s for s in slugs))


@bp.app_template_global()
def compare_count() -> int:
    """How many makers the visitor's compare list holds (read from the cookie; no query), or will hold once this
    response's cookie is set (a shared link adopted: index)."""
    return len(g.compare_list) if "compare_list" in g else len(_remembered())


@bp.app_template_global()
def card_anchor(slug: str) -> str:
    """The id of a maker's card in a listing (the same for every visitor: cards are cached)."""
    return f"maker-{slug}"


def _came_from() -> str | None:
    """The page of this site the visitor clicked "add to compare" on, if the browser said so."""
    target = referring_page()
    return None if target and urlsplit(target).path == url_for("compare.index") else target


def _remember(response, slugs: list[str]):
    """The visitor's list in its cookie; an empty list is no cookie (one that held a list is removed): any cookie
    keeps maker pages and listings from being served stored or kept, so a look at an empty compare page must not
    leave one for 30 days."""
    if slugs:
        response.set_cookie(COOKIE, ",".join(slugs), max_age=30 * 86400, httponly=True, samesite="Lax")
    elif COOKIE in request.cookies:
        response.delete_cookie(COOKIE, httponly=True, samesite="Lax")
    return response


def _edit_allowed() -> None:
    """A compare edit carries no CSRF token: the maker cards that send it are cached for every visitor (fragments),
    and it changes nothing but the sender's own compare cookie. It must come from a page of this site."""
    if not sent_from_this_site():
        abort(403, "Compare lists are changed only from this site's own pages.")


def _maker_field(value: str | None) -> str:
    slug = (value or "").strip().lower()
    if not SLUG.match(slug):
        abort(400, "That is not a maker's address.")
    return slug


@bp.post("/compare/add")
@csrf.exempt
def add():
    """Put one maker on the list and go back to the page the visitor was on (the compare page otherwise)."""
    _edit_allowed()
    maker = get_maker_by_address(get_db(), _maker_field(request.form.get("maker")))
    slug = maker.slug  # a former address is listed as the maker's current one
    listed = _at_current_addresses(_remembered())  # the cookie may hold an address the maker has since left
    shown = listed
    if slug in listed:
        flash(f"{maker.name} is already on your compare list ({len(listed)} of {MAX_COMPARE}).", "info")
    elif len(listed) >= MAX_COMPARE:
        shown = listed + [slug]  # the compare page names it as left out
        flash(f"Your compare list is full ({MAX_COMPARE} makers): remove one on the compare page to add {maker.name}.",
              "error")
    else:
        listed = shown = listed + [slug]
        flash(f"Added {maker.name} to your compare list ({len(listed)} of {MAX_COMPARE}).", "success")
    came_from = _came_from()
    # Back at the card pressed (#maker-<address>, as a helpful vote returns to #review-<id>): on a phone, the top of a
    # long list was screens away from it. The flash says what happened, kept in view there (style.css).
    back = f"{came_from}#{card_anchor(slug)}" if came_from else url_for("compare.index", makers=",".join(shown))
    return _remember(redirect(back, 303), listed)


@bp.post("/compare/list")
@csrf.exempt
def save():
    """The visitor's own edit of their list: a remove button on it, or "make these makers your list" under a shared
    link. Makers that no longer exist are left out; the page then shows the saved list at its own address."""
    _edit_allowed()
    wanted = [_maker_field(s) for s in _slugs(request.form.get("makers"))]
    view = compare_page(get_db(), _at_current_addresses(wanted))
    shown = [c.maker.slug for c in view.columns]
    # Shown at an address without the edit: copied from the address bar and sent on, the link is a shared one, which
    # never replaces the list its receiver built. Makers still left out stay in it, so the page names them again.
    target = url_for("compare.index", makers=",".join(view.listed)) if shown else url_for("compare.index")
    _say_removed(request.form.get("removed"), view)
    return _remember(redirect(target, 303), shown)


def _say_removed(value: str | None, view: ComparePage) -> None:
    """A remove button's maker, named as adding names it: the button sits at the foot of the maker's column, screens
    below the top of the page it reloads. A full list sent means the last column is a maker that was left out."""
    shown = [c.maker.slug for c in view.columns]
    slug = (value or "").strip().lower()
    if not SLUG.match(slug) or slug in shown:
        return
    try:
        name = get_maker_by_address(get_db(), slug).name
    except NotFound:
        return  # the maker left the site meanwhile: the page no longer shows it either way
    left = f" ({len(shown)} of {MAX_COMPARE})." if shown else "; it is empty now."
    if len(shown) == MAX_COMPARE:
        left = f"; {view.columns[-1].maker.name} takes its place{left}"
    flash(f"Removed {name} from your compare list{left}", "success")


def _keeps_own_list(linked: bool, shown: list[str], remembered: list[str]) -> bool:
    """Whether a page showing `shown` leaves the visitor's remembered list alone.

    A shared link (?makers=a,b) shows its makers without replacing a list the visitor built: the page offers to adopt
    it instead (a POST to save)."""
    return linked and bool(remembered) and shown != remembered


def _with_added(slug: str):
    """An old "add to compare" link (?add=slug; the buttons now POST): the visitor's list with that maker shown as a
    link would show it, so following it saves nothing the visitor did not choose."""
    return redirect(url_for("compare.index", makers=",".join(_at_current_addresses(_remembered() + [slug]))))


@bp.get("/compare")
def index():
    """Compare the visitor's list; ?makers=a,b shows exactly those (and becomes the visitor's list when they had none)."""
    if "add" in request.args:
        return _with_added(_maker_field(request.args["add"]))
    linked = "makers" in request.args
    slugs = _slugs(request.args.get("makers")) if linked else _remembered()
    view = compare_page(get_db(), [s for s in slugs if SLUG.match(s)])
    moved = moved_makers(get_db(), view.unknown)  # no query unless an address is unknown
    if moved:
        # The same list at the makers' current addresses: permanent for a link; the visitor's own list is remembered
        # at them (the same makers), so the page it lands on is theirs, not a shared link's.
        current = _at_current_addresses(slugs)
        response = redirect(url_for("compare.index", makers=",".join(current)), 301 if linked else 302)
        return response if linked else _remember(response, current)
    malformed = [s for s in slugs if not SLUG.match(s)]
    shown = [c.maker.slug for c in view.columns]
    remembered = _remembered()
    kept = _keeps_own_list(linked, shown, remembered)
    # A shared, mistyped or stale link leaves the visitor's own list as it was; otherwise the page's makers become it.
    adopted = not (kept or (slugs and not shown and linked))
    if adopted:
        g.compare_list = shown  # the header counts the list this response leaves, not the one it replaces
    response = make_response(render_template(
        "compare.html", view=view, unknown=malformed + view.unknown, max_compare=MAX_COMPARE,
        dimensions=STAR_DIMENSIONS, own_list_kept=len(remembered) if kept else 0))
    return _remember(response, shown) if adopted else response
