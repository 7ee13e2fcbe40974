"""Stored maker pages: rendered after the commit that changed them, served in one query.

A write service bumps the maker's page revision in its transaction (services/page_stamps.py); after
the response, this process renders the makers its request touched (in a background thread, like the
search drain; synchronously under test) and stores each page at the revision read before its data.
The stored page is what a visitor sees who has no session, no cookies and no query arguments (no
login, flash message, compare list, filter or page number): such a visitor gets it when its revision
is the maker's current one and its layout stamp is this code's. Everyone else, or a maker not stored
yet, gets the live page. `flask pages render` renders every maker whose copy is missing or stale
(after a deploy, a rescore, or a crash between a commit and its render).
"""
from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterable

from flask import Flask, current_app, g, render_template, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..background import Drainer, per_process
from ..config import PROJECT_ROOT
from ..db import write_transaction
from ..errors import NotFound
from ..models import utcnow
from ..services import page_stamps
from ..services.maker_page import maker_page
from ..services.review_facts import parse_filters
from .fragments import fragment_cache, look_up_only
from .helpers import Page

log = logging.getLogger(__name__)
RENDERER = "craftreview.pages.renderer"
LAYOUT = "craftreview.pages.layout"
BATCH = 50  # makers rendered per write transaction that stores them
EXIT_WAIT_SECONDS = 10.0
# What the stored HTML depends on besides the data: the templates, the code that draws into them
# (filters, charts, words, the view model) and the settings they print. A deploy that changes any of
# it retires every stored copy; a release changing what the page shows elsewhere must say so and
# have `flask pages render --all` run.
_LAYOUT_SOURCES = ("templates", "craftreview/text.py", "craftreview/durations.py", "craftreview/web/filters.py",
                   "craftreview/web/charts.py", "craftreview/web/score_words.py", "craftreview/web/prices.py",
                   "craftreview/web/helpers.py", "craftreview/services/review_facts.py",
                   "craftreview/services/maker_page.py")
_LAYOUT_SETTINGS = ("PER_PAGE", "CURRENCY")


def init_app(app: Flask) -> None:
    """Track committed page bumps on every session; render them after the response."""
    factory = app.extensions["craftreview.sessions"]
    event.listen(factory, "after_commit", page_stamps.mark_committed)
    event.listen(factory, "after_soft_rollback", page_stamps.forget_touched)
    app.after_request(_render_after_response)


def layout(app: Flask | None = None) -> str:
    """This code's layout stamp (computed once per process)."""
    app = app or current_app._get_current_object()
    if LAYOUT not in app.extensions:
        digest = hashlib.sha256(repr([app.config.get(k) for k in _LAYOUT_SETTINGS]).encode())
        for source in _LAYOUT_SOURCES:
            path = PROJECT_ROOT / source
            for file in sorted(path.rglob("*.*")) if path.is_dir() else [path]:
                if file.suffix in (".html", ".py"):
                    digest.update(file.read_bytes())
        app.extensions[LAYOUT] = digest.hexdigest()[:16]
    return app.extensions[LAYOUT]


def listing_page(key: tuple, render) -> str:
    """A listing page for a visitor without session, cookies or login, kept per process under `key` plus the
    listing stamp (raised by every committed write that touched a maker page); rendered by `render()` otherwise."""
    if request.cookies:
        return render()
    with current_app.extensions["craftreview.engine"].connect() as conn:
        stamp = page_stamps.listing_stamp(conn)
    if stamp is None:
        return render()  # no write has raised the stamp yet: nothing to key a kept page by
    return fragment_cache().get(("listing", request.path, request.query_string, stamp, *key), render)


def stored_page(slug: str) -> str | None:
    """The maker's stored page, if current and if this request is one it was rendered for (one statement)."""
    if request.args or request.cookies:
        return None  # a query, a session (login, flash messages) or a compare list: the page differs
    with current_app.extensions["craftreview.engine"].connect() as conn:
        return page_stamps.stored_document(conn, slug, layout())


def _render_after_response(response):
    session = g.get("db_session")
    ids = session.info.pop(page_stamps.COMMITTED, None) if session is not None else None
    if ids:
        app = current_app._get_current_object()
        if app.config.get("PAGE_RENDER_SYNC", app.testing):
            render_pages(app, ids)  # tests read the stored page right after the write
        else:
            renderer(app).add(ids)
    return response


class Renderer:
    """This process's background renderer: makers queued by committed writes, rendered in one thread."""

    def __init__(self, app: Flask) -> None:
        self._app, self._queued, self._lock = app, set(), threading.Lock()
        self._drainer = Drainer(self._run, name="maker-page-render")
        self.pid = self._drainer.pid

    def add(self, maker_ids: Iterable[int]) -> None:
        """Queue makers for rendering; returns at once."""
        with self._lock:
            self._queued.update(maker_ids)
        self._drainer.wake()

    def start(self) -> None:
        """Start the render thread before the first write needs it (warm-up)."""
        self._drainer.start()

    @property
    def started(self) -> bool:
        """Whether the render thread is running."""
        return self._drainer.started

    def wait_idle(self, timeout: float) -> bool:
        """Wait until everything queued so far is rendered (process exit, benches)."""
        return self._drainer.wait_idle(timeout)

    def _run(self) -> None:
        with self._lock:
            ids, self._queued = self._queued, set()
        render_pages(self._app, ids)


def renderer(app: Flask) -> Renderer:
    """This process's renderer (a forked worker starts its own)."""
    return per_process(app.extensions, RENDERER, lambda: Renderer(app), EXIT_WAIT_SECONDS)


def render_pages(app: Flask, maker_ids: Iterable[int]) -> int:
    """Render and store these makers' parts; returns how many were stored."""
    ids, done = sorted(maker_ids), 0
    for start in range(0, len(ids), BATCH):
        done += _render_batch(app, ids[start:start + BATCH])
    return done


def _render_batch(app: Flask, maker_ids: list[int]) -> int:
    # A fresh app context: under test this runs inside the writer's request, whose g holds its user.
    with app.app_context(), app.extensions["craftreview.sessions"]() as session:
        look_up_only()
        rendered = [r for r in (_render_one(app, session, mid) for mid in maker_ids) if r]
        with write_transaction(session):  # the reads above happen before the write lock is taken
            for maker_id, revision, document in rendered:
                page_stamps.store_page(session, maker_id, revision, layout(app), document, utcnow())
    return len(rendered)


def _render_one(app: Flask, session: Session, maker_id: int) -> tuple[int, int, str] | None:
    """(maker id, revision, page) as a visitor without session, cookies or query arguments sees it."""
    # Nothing from the previous maker's render: an object kept in the identity map (a reviewer who wrote
    # for both) would not be read again, and could be older than the revision read below.
    session.expunge_all()
    found = page_stamps.page_revision(session, maker_id)  # first: the data read next is at least this new
    if found is None:
        return None  # deleted since
    revision, slug = found
    per_page = app.config["PER_PAGE"]
    try:
        view = maker_page(session, slug, None, parse_filters({}), per_page)
    except NotFound:
        return None  # renamed since (PostgreSQL reads each statement afresh): its own write queued it again
    with app.test_request_context(f"/makers/{slug}"):
        return maker_id, revision, render_template("makers/show.html", **show_context(view, per_page, None))


def show_context(view, per_page: int, action_form) -> dict:
    """What the maker page's templates read from a live view."""
    page = Page(items=view.reviews, page=view.page, per_page=per_page, total=view.counts.matched)
    return {"view": view, "maker": view.maker, "score": view.score, "page": page, "own_review": view.own_review,
            "voted": view.voted, "reported": view.reported, "action_form": action_form}


def render_stale(app: Flask, progress=None, everything: bool = False) -> int:
    """Render every maker whose stored copy is missing, stale or of another layout (or every maker); how many."""
    after, done = 0, 0
    while True:
        with app.extensions["craftreview.sessions"]() as session:
            ids = page_stamps.stale_ids(session, layout(app), after, everything=everything)
        if not ids:
            return done
        done += render_pages(app, ids)
        after = ids[-1]
        if progress:
            progress(done)
