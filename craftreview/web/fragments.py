"""Template glue of the fragment cache: `{% call fragment(view.some_key) %}…{% endcall %}`.

The read service chooses the key (the data the fragment shows; None renders every time); the cache
is one per app and process, bounded by FRAGMENT_CACHE_ENTRIES and FRAGMENT_CACHE_MB.
"""
from __future__ import annotations

from flask import Flask, current_app, g

from ..services.fragments import FragmentCache

_LOOK_UP_ONLY = "craftreview_fragments_look_up_only"


def init_app(app: Flask) -> None:
    """Make `fragment` available to templates."""
    app.add_template_global(fragment, "fragment")


def fragment_cache() -> FragmentCache:
    """The app's fragment cache (one per app, so tests never share fragments)."""
    config = current_app.config
    return current_app.extensions.setdefault("craftreview.fragments", FragmentCache(
        config["FRAGMENT_CACHE_ENTRIES"], int(config["FRAGMENT_CACHE_MB"] * 2**20)))


def fragment(key, part: str, caller):
    """The call block's body rendered, or the copy rendered for the same key and part before."""
    if not key:
        return caller()
    return fragment_cache().get((part, key), caller, keep=not g.get(_LOOK_UP_ONLY, False))


def look_up_only() -> None:
    """In this app context, fragments already kept are used but new ones are not kept.

    For the stored-page renderer: it draws each written maker's page once, in the state the write left,
    for the copy anonymous readers are served from the database. Its fragments are keyed by that state,
    which only a live draw of the same maker before its next write could reuse, and keeping them filled
    a worker's cache to its bound within a few hundred writes (16 MB of the 150 MB budget, issue #12).
    """
    g.setdefault(_LOOK_UP_ONLY, True)
