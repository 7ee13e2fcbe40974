"""/compare: up to four makers side by side; the list lives in the URL and a small cookie (no script needed)."""
from __future__ import annotations

import re

from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for

from ..services.maker_page import MAX_COMPARE, compare_page
from ..services.review_facts import STAR_DIMENSIONS
from .context import get_db

bp = Blueprint("compare", __name__)
COOKIE = "compare"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MAX_SLUGS = 20  # a longer list is cut here (the page then says which makers it left out)


def _slugs(text: str | None) -> list[str]:
    """Slugs from 'a,b,c' in order, without blanks or repeats (shape is checked by the page, not here)."""
    parts = [p.strip().lower() for p in (text or "").split(",")]
    return list(dict.fromkeys(p for p in parts if p))[:MAX_SLUGS]


def _remembered() -> list[str]:
    return [s for s in _slugs(request.cookies.get(COOKIE)) if SLUG.match(s)][:MAX_COMPARE]


@bp.get("/compare")
def index():
    """Compare makers; ?add=slug appends one to the remembered list, ?makers=a,b shows exactly those."""
    added = request.args.get("add", "").strip().lower()
    if added and not SLUG.match(added):
        abort(400, "That is not a maker's address.")
    if added:
        listed = _remembered()
        listed = listed if added in listed else listed + [added]  # a fifth is named on the page as left out
        return redirect(url_for("compare.index", makers=",".join(listed)))
    slugs = _slugs(request.args.get("makers")) if "makers" in request.args else _remembered()
    view = compare_page(get_db(), [s for s in slugs if SLUG.match(s)])
    malformed = [s for s in slugs if not SLUG.match(s)]
    response = make_response(render_template(
        "compare.html", view=view, unknown=malformed + view.unknown, max_compare=MAX_COMPARE,
        dimensions=STAR_DIMENSIONS))
    response.set_cookie(COOKIE, ",".join(c.maker.slug for c in view.columns), max_age=30 * 86400,
                        httponly=True, samesite="Lax")
    return response

