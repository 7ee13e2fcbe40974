"""Request glue for the listings: parse the browse filters, keep the per-app filter-count cache."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, request, url_for

from ..models import CRAFTS
from ..services.browse import LEAD_TIMES, SORTS, TIERS, BrowseFilters, CountsCache
from ..services.home import HOME_SECONDS
from ..services.ttl_cache import TtlCache
from ..text import clean_input

MAX_TEXT = 100


def browse_filters() -> BrowseFilters:
    """BrowseFilters from the query string; unknown values are ignored, never an error page."""
    args = request.args
    craft, tier, sort = args.get("craft", ""), args.get("tier", ""), args.get("sort", "score")
    lead = args.get("max_lead", type=int)
    return BrowseFilters(
        craft=craft if craft in CRAFTS else "",
        place=clean_input(args.get("place"))[:MAX_TEXT],  # no NUL (PostgreSQL refuses one) nor other controls
        tier=tier if tier in TIERS else "",
        custom=args.get("custom") in {"1", "on", "yes"},
        max_lead=lead if lead in LEAD_TIMES else None,
        sort=sort if sort in SORTS else "score",
        after=args.get("after", "")[:MAX_TEXT],
        before=args.get("before", "")[:MAX_TEXT],
    )


def home_cache() -> TtlCache:
    """The app's cache of the home page's view model."""
    return current_app.extensions.setdefault("craftreview.home_cache", TtlCache(HOME_SECONDS, size=1))


def forget_home() -> None:
    """Drop this process's copy of the home page after a write it must not show for HOME_SECONDS more: an account
    deletion that took a maker profile, or reviews, from its shelves (the deleted account lands there next). Other
    processes keep theirs until it expires; their links to the profile answer 404 "No maker with that address."."""
    home_cache().clear()


def counts_cache() -> CountsCache:
    """The app's filter-count cache (one per app, so tests never share counts)."""
    return current_app.extensions.setdefault("craftreview.browse_counts", CountsCache())


def listing_url(**changes) -> str:
    """This listing's URL with some arguments changed (None drops one); any page cursor is dropped."""
    args = {k: v for k, v in request.args.to_dict().items() if k not in {"after", "before"}}
    args.update(changes)
    kept = {k: v for k, v in args.items() if v not in (None, "")}
    # Encoded here, never passed to url_for: names such as `endpoint` or `_anchor` are url_for's own.
    query = urlencode(kept)
    base = url_for(request.endpoint, **(request.view_args or {}))
    return f"{base}?{query}" if query else base
