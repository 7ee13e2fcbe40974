"""/compare: up to four makers side by side; the list lives in the URL and a small cookie (no script needed)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, url_for

from ..services.maker_addresses import moved_makers
from ..services.maker_page import MAX_COMPARE, compare_page
from ..services.makers import get_maker_by_address
from ..services.review_facts import STAR_DIMENSIONS
from ..text import clean_input
from .context import get_db
from .security import referring_page

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
    """How many makers the visitor's compare list holds (read from the cookie; no query)."""
    return len(_remembered())


def _came_from() -> str | None:
    """The page of this site the visitor clicked "add to compare" on, if the browser said so."""
    target = referring_page()
    return None if target and urlsplit(target).path == url_for("compare.index") else target


def _remember(response, slugs: list[str]):
    response.set_cookie(COOKIE, ",".join(slugs), max_age=30 * 86400, httponly=True, samesite="Lax")
    return response


def _add(slug: str):
    """Put one maker on the list and go back to the page the visitor was on (the compare page otherwise)."""
    maker = get_maker_by_address(get_db(), slug)
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
    back = _came_from() or url_for("compare.index", makers=",".join(shown))
    return _remember(redirect(back), listed)


def _own_edit() -> bool:
    """?mine=1: the visitor's own edit of their list (a remove link on it, or "make these makers your list")."""
    return request.args.get("mine") == "1"


def _keeps_own_list(linked: bool, shown: list[str], remembered: list[str]) -> bool:
    """Whether a page showing `shown` leaves the visitor's remembered list alone.

    A shared link (?makers=a,b) shows its makers without replacing a list the visitor built: the page offers to adopt
    it instead. The visitor's own edits (_own_edit) are remembered."""
    return linked and not _own_edit() and bool(remembered) and shown != remembered


@bp.get("/compare")
def index():
    """Compare makers; ?add=slug appends one to the remembered list, ?makers=a,b shows exactly those
    (and becomes the visitor's list with &mine=1, or when the visitor had none)."""
    added = request.args.get("add", "").strip().lower()
    if added and not SLUG.match(added):
        abort(400, "That is not a maker's address.")
    if added:
        return _add(added)
    linked = "makers" in request.args
    slugs = _slugs(request.args.get("makers")) if linked else _remembered()
    view = compare_page(get_db(), [s for s in slugs if SLUG.match(s)])
    moved = moved_makers(get_db(), view.unknown)  # no query unless an address is unknown
    if moved:
        # The same list at the makers' current addresses: permanent for a link, not for the visitor's own list.
        current = ",".join(_at_current_addresses(slugs))
        mine = {"mine": "1"} if _own_edit() else {}
        return redirect(url_for("compare.index", makers=current, **mine), 301 if linked and not mine else 302)
    malformed = [s for s in slugs if not SLUG.match(s)]
    shown = [c.maker.slug for c in view.columns]
    if _own_edit() and not malformed and not view.unknown and not view.dropped:
        # Saved, then shown at the address without mine=1: copied from the address bar and sent on, the link is a
        # shared one again, which never replaces the list its receiver built.
        return _remember(redirect(url_for("compare.index", makers=",".join(shown))), shown)
    remembered = _remembered()
    kept = _keeps_own_list(linked, shown, remembered)
    response = make_response(render_template(
        "compare.html", view=view, unknown=malformed + view.unknown, max_compare=MAX_COMPARE,
        dimensions=STAR_DIMENSIONS, own_list_kept=len(remembered) if kept else 0))
    if kept or (slugs and not shown and linked):
        return response  # a shared, mistyped or stale link leaves the visitor's own list as it was
    return _remember(response, shown)
