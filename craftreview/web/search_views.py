"""The search page: parse arguments, run one search, render."""
from __future__ import annotations

import logging
from dataclasses import replace

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from .. import search as search_api
from ..search.query import SORTS, Filters, SearchRequest
from ..services.browse import BrowseFilters, FilterCounts
from .context import get_db
from .limits import per_address
from .listing import counts_cache

bp = Blueprint("search", __name__)
SORT_LABELS = {"relevance": "Best match", "score": "Highest score", "reviews": "Most reviewed", "newest": "Newest"}
TIPS = ('"exact phrase"', "-exclude", "NOT late", "mug OR vase")  # then a craft and a place makers here have
log = logging.getLogger(__name__)


@bp.get("/search")
@per_address("search")
def search():
    """Search makers and reviews."""
    req = search_api.request_from_args(request.args, per_page=current_app.config.get("PER_PAGE", 10))
    counts = counts_cache().counts(get_db(), BrowseFilters())[0]
    named = counts.location_filed(req.filters.location) if req.filters.location else None
    if named:  # a typed ?location=kyoto: the search as the place filter's own links write it
        return redirect(url_for("search.search", **req.to_args(filters=replace(req.filters, location=named))))
    examples = _examples(counts)
    try:
        page, status = search_api.search(get_db(), req), 200
    except Exception:  # noqa: BLE001 - an index outage must not take the page down with it
        log.exception("search failed for %r", req.q[:200])
        page, status = None, 503
    if page is not None:
        req = page.request  # the search may have read part of the query as a filter (craft:glass)
    return render_template("search/results.html", page=page, req=req, sorts=SORTS,
                           sort_labels=SORT_LABELS, tips=TIPS + examples, examples=examples, link=_linker(req),
                           no_filters=Filters()), status


def _examples(counts: FilterCounts) -> tuple[str, ...]:
    """A craft and a city that makers here have, as the box takes them (a hint's example must find something)."""
    crafts = [key for key, n in sorted(counts.crafts.items(), key=lambda kv: -kv[1]) if n]
    cities = sorted(((n, city) for place in counts.places for _location, city, n in place.cities if n and city),
                    reverse=True)
    city = cities[0][1].lower() if cities else None
    return tuple(filter(None, (crafts and f"craft:{crafts[0]}",
                               city and (f"location:{city}" if " " not in city else f'location:"{city}"'))))


def _linker(req: SearchRequest):
    """A template helper: URL of this search with some request fields changed (keeps filters)."""
    def link(**changes) -> str:
        if "filters" in changes or "tab" in changes or "sort" in changes or "q" in changes:
            changes.setdefault("page", 1)
        return url_for("search.search", **req.to_args(**changes))
    return link
