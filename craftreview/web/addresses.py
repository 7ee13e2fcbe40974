"""Pages under a maker's former address, or under an address in capitals: a request is redirected permanently to the
same page at the current one.

A GET or HEAD gets a 301; a form sent to the old address (opened before the move) gets a 308, which has the browser
send the same body to the new one: a review typed there is not lost to a 404. An address with a trailing slash that no
page has is sent the same way to the page without it, where there is one.

Kept apart from helpers.py: that module is part of the stored maker pages' layout stamp, and this one draws nothing.
"""
from __future__ import annotations

from functools import wraps
from urllib.parse import quote

from flask import Flask, current_app, redirect, request, url_for
from werkzeug.exceptions import HTTPException

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
            return moved(url_for(request.endpoint, **{**request.view_args, "slug": current}))
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


def moved(path: str):
    """A permanent redirect to path, with the request's query string: 301 for a GET or HEAD, 308 (the same method
    and body) for a form."""
    # The query string as sent (a query value named like a route parameter stays a query value); bytes a URL
    # may not hold are escaped, so nothing the client sent reaches the header raw.
    query = quote(request.query_string, safe="/?:@!$&'()*+,;=%-._~")
    response = redirect(path + (f"?{query}" if query else ""), 301 if request.method in ("GET", "HEAD") else 308)
    # Permanent for search engines, but not cached by browsers: the maker may take the address back, and a cached
    # redirect would then loop.
    response.headers["Cache-Control"] = "no-cache"
    return response


def init_app(app: Flask) -> None:
    """Send an address with a trailing slash that no page has to the page without it."""
    app.before_request(_drop_trailing_slash)


def _drop_trailing_slash():
    """Before a request no route matched: /makers/hollow-oak/ is /makers/hollow-oak when that is a page (links pasted
    from elsewhere often end in a slash). Only paths on this site: '//' would make the redirect leave it."""
    path = request.path
    if request.url_rule is not None or len(path) < 2 or not path.endswith("/"):
        return None
    bare = path.rstrip("/")
    if not bare.startswith("/") or bare.startswith("//"):
        return None
    try:
        current_app.url_map.bind_to_environ(request.environ).match(bare, method=request.method)
    except HTTPException:  # no page there either (RequestRedirect, a routing redirect, is one too)
        return None
    return moved(bare)
