"""Template glue of the fragment cache: `{% call fragment(view.some_key) %}…{% endcall %}`.

The read service chooses the key (the data the fragment shows; None renders every time); the cache
is one per app and process, bounded by FRAGMENT_CACHE_ENTRIES and FRAGMENT_CACHE_MB.
"""
from __future__ import annotations

from flask import Flask, current_app

from ..services.fragments import FragmentCache


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
    return fragment_cache().get((part, key), caller)
