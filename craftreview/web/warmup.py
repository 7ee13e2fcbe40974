"""Per-worker warm-up: pay first-use costs before the worker takes its first request."""
from __future__ import annotations

import logging

from flask import Flask

from .. import search
from ..services import fits
from . import memory, stored_pages
from .context import session_factory

log = logging.getLogger(__name__)


def warm(app: Flask) -> None:
    """Decode the stored model fit and open the search backend, so a worker's first write is not slow."""
    try:
        with session_factory(app)() as session:
            fits.current_fit(session)
        search.get_backend(app)
        stored_pages.layout(app)  # the digest of the templates stored maker pages are checked against
    except Exception:  # noqa: BLE001 - a cold worker still serves; it just pays on first use
        log.warning("worker warm-up failed; the first requests will be slower", exc_info=True)
    memory.settle()
