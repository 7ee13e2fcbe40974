"""Pages under a maker's former address, or under an address in capitals: a request is redirected permanently to the
same page at the current one.

A GET or HEAD gets a 301; a form sent to the old address (opened before the move) gets a 308, which has the browser
send the same body to the new one: a review typed there is not lost to a 404.

Kept apart from helpers.py: that module is part of the stored maker pages' layout stamp, and this one draws nothing.
"""
from __future__ import annotations

from functools import wraps
from urllib.parse import quote

from flask import redirect, request, url_for

from ..errors import NotFound
from ..services.maker_addresses import current_address
from ..services.makers import get_maker_by_address
from .context import get_db


def follows_moved_maker(view):
    """Decorate a `/makers/<slug>/...` view: a request for a former address is sent to the maker's current one."""
    @wraps(view)
    def wrapper(slug: str, **kwargs):
        try:
            return view(slug=slug, **kwargs)
        except NotFound:
            # Looked up only once the address is unknown: pages at current addresses pay nothing for it.
            current = _current_address(slug)
            if current is None:
                raise
            return _moved(url_for(request.endpoint, **{**request.view_args, "slug": current}))
    return wrapper


def _current_address(slug: str) -> str | None:
    """Where the maker once or now at `slug` is (addresses are lower-case, so in any case); None: no maker, or here."""
    canonical = slug.lower()
    if canonical == slug:
        return current_address(get_db(), slug)
    try:
        address = get_maker_by_address(get_db(), canonical).slug
    except NotFound:
        return None
    return address if address != slug else None


def _moved(path: str):
    # The query string as sent (a query value named like a route parameter stays a query value); bytes a URL
    # may not hold are escaped, so nothing the client sent reaches the header raw.
    query = quote(request.query_string, safe="/?:@!$&'()*+,;=%-._~")
    response = redirect(path + (f"?{query}" if query else ""), 301 if request.method in ("GET", "HEAD") else 308)
    # Permanent for search engines, but not cached by browsers: the maker may take the address back, and a cached
    # redirect would then loop.
    response.headers["Cache-Control"] = "no-cache"
    return response
