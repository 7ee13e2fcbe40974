"""Search: one interface, two backends (whoosh, postgres), an outbox drained after commit."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.orm import Session

from ..background import Drainer, process_drainer
from ..db import is_sqlite, read_snapshot
from .base import LockTimeout, SearchBackend
from .documents import count_docs, iter_all_docs
from .outbox import (
    COMMITTED,
    discard_outbox,
    drain_outbox,
    enqueue,
    forget_pending,
    mark_committed,
    outbox_ids,
    pending_count,
    run_drain,
)
from .query import SearchRequest, request_from_args
from .service import SearchPage, run_search

if TYPE_CHECKING:
    from flask import Flask, Response

__all__ = ["init_app", "get_backend", "warm", "drain", "rebuild", "optimize", "check", "search", "enqueue",
           "SearchRequest", "SearchPage", "request_from_args", "LockTimeout", "CheckReport"]
EXTENSION = "craftreview.search"
DRAINER = "craftreview.search.drainer"
# A request never waits for the writer lock: the process holding it drains the request's rows too.
REQUEST_LOCK_TIMEOUT = 0.0
COMMAND_LOCK_TIMEOUT = 60.0  # CLI drains and rebuilds may wait longer
EXIT_WAIT_SECONDS = 10.0


def init_app(app: Flask) -> None:
    """Attach the configured search backend and the post-commit outbox drain."""
    factory = app.extensions["craftreview.sessions"]
    event.listen(factory, "after_commit", mark_committed)
    event.listen(factory, "after_soft_rollback", forget_pending)
    app.after_request(_drain_after_response)


def _app(app: Flask | None) -> Flask:
    # Flask is imported here, not at module level: services import search.outbox and stay flask-free.
    from flask import current_app
    return app or current_app._get_current_object()


def get_backend(app: Flask | None = None) -> SearchBackend:
    """The app's search backend (created on first use)."""
    app = _app(app)
    backend = app.extensions.get(EXTENSION)
    if backend is None:
        backend = app.extensions[EXTENSION] = _make_backend(app)
    return backend


def warm(app: Flask | None = None) -> None:
    """A web worker's search warm-up, before its first request: the backend opened and its per-process
    state loaded (Whoosh: searchers, postings files, columns, standings), and the English word list
    spelling checks every unknown word against (110 ms on first use)."""
    from .dictionary import english_hashes
    get_backend(app).warm()
    english_hashes()


def _make_backend(app: Flask) -> SearchBackend:
    kind = app.config.get("SEARCH_BACKEND", "whoosh")
    if kind == "whoosh":
        from .standing import StandingTable
        from .whoosh_backend import WhooshBackend
        return WhooshBackend(app.config["SEARCH_INDEX_DIR"], app.config["SEARCH_REBUILD_WORKER_MB"],
                             StandingTable(_engine(app)), int(app.config.get("SEARCH_CACHE_MB", 32) * 2**20))
    if kind == "postgres":
        from .pg_backend import PostgresBackend
        engine = _engine(app)
        if is_sqlite(engine):
            raise RuntimeError("SEARCH_BACKEND=postgres needs DATABASE_URL to point at PostgreSQL")
        return PostgresBackend(engine)
    raise RuntimeError(f"unknown SEARCH_BACKEND {kind!r} (use 'whoosh' or 'postgres')")


def _engine(app: Flask):
    return app.extensions["craftreview.engine"]


def _drain_after_response(response: Response) -> Response:
    from flask import g
    session: Session | None = g.get("db_session")
    if session is not None and session.info.pop(COMMITTED, False):
        app = _app(None)
        if app.config.get("SEARCH_DRAIN_SYNC", app.testing):
            # Tests read the index right after a request whose response they may never close.
            _drain_quietly(app)
        else:
            # In this process's drain thread: neither the user nor the worker waits for index work.
            drainer(app).wake()
    return response


def _drain_quietly(app: Flask) -> None:
    run_drain(_engine(app), get_backend(app), app.config.get("SEARCH_LOCK_TIMEOUT", REQUEST_LOCK_TIMEOUT))


def drainer(app: Flask | None = None) -> Drainer:
    """This process's background drain of the app's outbox (a forked worker starts its own)."""
    app = _app(app)
    return process_drainer(app.extensions, DRAINER, lambda: _drain_quietly(app), "search-outbox-drain",
                           EXIT_WAIT_SECONDS)


def drain(app: Flask | None = None, lock_timeout: float | None = None) -> int:
    """Apply all pending outbox rows to the index; returns rows processed (raises LockTimeout)."""
    app = _app(app)
    timeout = COMMAND_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
    return drain_outbox(_engine(app), get_backend(app), timeout)


def rebuild(app: Flask | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the whole index from the database and swap it in; returns documents indexed."""
    app = _app(app)
    backend, engine = get_backend(app), _engine(app)
    with backend.writer_lock(COMMAND_LOCK_TIMEOUT):
        with read_snapshot(engine) as conn:  # every document from one consistent snapshot
            covered = outbox_ids(conn)
            count = backend.rebuild(iter_all_docs(conn), progress, expected=count_docs(conn))
        # Outbox rows the snapshot saw describe changes the new index already holds: replaying
        # them would only re-read and compare every document they name (after `flask rescore`,
        # every document).
        discard_outbox(engine, covered)
        backend.after_rebuild()
    # Changes committed during the rebuild waited in the outbox; apply them to the new index.
    drain(app)
    return count


def optimize(app: Flask | None = None) -> int:
    """Merge the index's segments (Whoosh; a no-op elsewhere); returns how many were merged away."""
    backend = get_backend(app)
    merge = getattr(backend, "optimize", None)
    if merge is None:
        return 0
    with backend.writer_lock(COMMAND_LOCK_TIMEOUT):
        return merge()


@dataclass
class CheckReport:
    """Differences between the index and the database."""

    missing: list[str]
    stale: list[str]
    extra: list[str]
    pending: int
    documents: int

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def check(app: Flask | None = None) -> CheckReport:
    """Compare every expected document's fingerprint with the index's copy."""
    app = _app(app)
    engine = _engine(app)
    with read_snapshot(engine) as conn:
        expected = {d.key: d.fingerprint() for d in iter_all_docs(conn)}
    actual = get_backend(app).fingerprints()
    return CheckReport(
        missing=sorted(k for k in expected if k not in actual),
        stale=sorted(k for k in expected if k in actual and actual[k] != expected[k]),
        extra=sorted(k for k in actual if k not in expected),
        pending=pending_count(engine), documents=len(expected))


def search(session: Session, request: SearchRequest, app: Flask | None = None) -> SearchPage:
    """Run one search page against the app's backend. On a server database a session that has not
    begun yet reads in autocommit: no BEGIN and ROLLBACK round trips around the page's row loads
    (READ COMMITTED gave each statement its own snapshot anyway). A write later in the same session
    still gets its own transaction: write_transaction ends this one first."""
    if not session.in_transaction() and not is_sqlite(session):
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    return run_search(session, get_backend(app), request)
