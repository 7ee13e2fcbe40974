"""Timed spans inside gunicorn workers, for bench/writes/phases.py (bench only; never imported by the app).

`profiled_app` is the bench app wrapped so that every request writes one JSON line (method, kind of
path, its whole time in the worker including work after the response, and the time of each named
span inside it) to $BENCH_PHASES_LOG. Spans are inclusive and nest; a statement that waits for a lock
(SQLite `BEGIN IMMEDIATE`, PostgreSQL `FOR UPDATE`/`FOR NO KEY UPDATE`) is also counted under
`wait <enclosing span>`. Sync workers serve one request at a time, so one module-level record is enough.
"""
from __future__ import annotations

import functools
import json
import os
import threading
import time
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.engine import Engine

_record: dict | None = None  # the request the main thread is serving
_background: dict = {}       # spans of the drain thread's current drain
_local = threading.local()   # each thread's open spans
_out = None


def _stack() -> list[str]:
    if not hasattr(_local, "stack"):
        _local.stack = []
    return _local.stack


def _in_request() -> bool:
    return threading.current_thread() is threading.main_thread()


def _add(name: str, seconds: float) -> None:
    spans = (_record["spans"] if _record is not None else None) if _in_request() else _background
    if spans is not None:
        spans[name] = spans.get(name, 0.0) + seconds


@contextmanager
def span(name: str):
    """Time a block as span `name` of the current request (or of the drain thread's current drain)."""
    stack = _stack()
    stack.append(name)
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds = time.perf_counter() - started
        _add(name, seconds)
        stack.pop()
        if not stack and not _in_request():
            _write({"kind": "drain thread", "pid": os.getpid(), "at": time.time(), "total": seconds,
                    "spans": dict(_background)})
            _background.clear()


def _write(record: dict) -> None:
    if _out is not None:
        _out.write(json.dumps(record) + "\n")
        _out.flush()


def timed(name: str, fn):
    """`fn`, timed as span `name` on every call."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with span(name):
            return fn(*args, **kwargs)
    return wrapper


def timed_cm(name: str, factory):
    """A context-manager factory whose whole `with` block is timed as span `name`."""
    @contextmanager
    def wrapper(*args, **kwargs):
        with span(name), factory(*args, **kwargs) as value:
            yield value
    return wrapper


def _waits(statement: str) -> bool:
    text = statement.lstrip().upper()
    return text.startswith("BEGIN IMMEDIATE") or " FOR UPDATE" in text or " FOR NO KEY UPDATE" in text


def _watch_sql() -> None:
    @event.listens_for(Engine, "before_cursor_execute")
    def before(conn, cursor, statement, parameters, context, executemany):
        conn.info["bench.started"] = time.perf_counter()

    @event.listens_for(Engine, "after_cursor_execute")
    def after(conn, cursor, statement, parameters, context, executemany):
        seconds = time.perf_counter() - conn.info.pop("bench.started", time.perf_counter())
        _add("sql", seconds)
        if _waits(statement):
            stack = _stack()
            _add(f"wait {stack[-1] if stack else 'request'}", seconds)


def _patch(module, name: str, label: str, cm: bool = False) -> None:
    original = getattr(module, name)
    setattr(module, name, (timed_cm if cm else timed)(label, original))


def install() -> None:
    """Wrap the functions a review submission and its index drain go through."""
    from craftreview.search import outbox, pg_backend, whoosh_backend
    from craftreview.services import notifications, reviews, scores

    _watch_sql()
    for module, name, label in [
        (reviews, "submit_review", "submit_review"), (reviews, "_prepare", "prepare (before lock)"),
        (scores, "_compute", "score compute"),
        (reviews, "refresh_maker_score", "score refresh (in tx)"),
        (reviews, "refresh_maker_signals", "ring signals (in tx)"),
        (notifications, "record_notice", "notice record (in tx)"),
        (outbox, "drain_outbox", "drain"), (outbox, "_drain_batch", "drain batch"),
        (outbox, "discard_outbox", "drain discard rows"), (outbox, "pending_count", "drain pending count"),
        (outbox, "_changed_only", "drain fingerprints"),
    ]:
        _patch(module, name, label)
    _patch(reviews, "write_transaction", "write tx (submit)", cm=True)
    for backend in (whoosh_backend.WhooshBackend, pg_backend.PostgresBackend):
        _patch(backend, "apply", "drain index apply")


def _kind(environ: dict) -> str:
    path = environ.get("PATH_INFO", "")
    if path.endswith("/review"):
        return f"{environ['REQUEST_METHOD']} review form"
    return f"{environ['REQUEST_METHOD']} other"


class _Body:
    """The response body; closing it (after the last byte is sent) runs the app's after-response work."""

    def __init__(self, body, record: dict, started: float):
        self.body, self.record, self.started = body, record, started

    def __iter__(self):
        yield from self.body
        self.record["sent"] = time.perf_counter() - self.started

    def close(self):
        global _record
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            self.record["total"] = time.perf_counter() - self.started
            _write(self.record)
            _record = None


def profiled(app):
    """WSGI middleware: one JSON line per request to $BENCH_PHASES_LOG."""
    global _out
    _out = open(os.environ["BENCH_PHASES_LOG"], "a")  # noqa: SIM115 - lives as long as the worker

    def wrapped(environ, start_response):
        global _record
        started = time.perf_counter()
        _record = {"kind": _kind(environ), "pid": os.getpid(), "at": time.time(), "spans": {}}
        statuses = []

        def starting(status, headers, exc_info=None):
            statuses.append(status)
            return start_response(status, headers, exc_info)

        body = app(environ, starting)
        _record["status"] = int(statuses[0][:3]) if statuses else 0
        return _Body(body, _record, started)

    return wrapped


def _profiled_app():
    install()
    from bench.web.app import app
    return profiled(app)


profiled_app = _profiled_app() if os.environ.get("BENCH_PHASES_LOG") else None
