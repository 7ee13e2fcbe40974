"""The index is derived data: outbox rows commit with the change and are drained by one writer."""
from __future__ import annotations

import contextlib
import logging
import subprocess
import sys
import threading

import pytest
from flask import Flask
from whoosh.writing import SegmentWriter

from craftreview import search
from craftreview.config import PROJECT_ROOT
from craftreview.db import write_transaction
from craftreview.models import Review, User
from craftreview.search import REQUEST_LOCK_TIMEOUT
from craftreview.search.base import LockTimeout
from craftreview.search.outbox import enqueue, pending_count, run_drain
from craftreview.web.context import get_db

from .helpers import review_titles, run


def _engine(app: Flask):
    return app.extensions["craftreview.engine"]


def _add_write_route(app: Flask) -> None:
    """A stand-in for a service-backed view: one review and its outbox rows, one transaction."""
    @app.post("/_test/review/<int:maker_id>/<word>")
    def _write(maker_id: int, word: str):
        session = get_db()
        with write_transaction(session):
            user = User(email=f"{word}@example.test", display_name=word, password_hash="x")
            session.add(user)
            session.flush()
            review = Review(maker_id=maker_id, author_id=user.id, title=f"About {word}", body=word,
                            craftsmanship=4, consistency=4, delivery=4)
            session.add(review)
            session.flush()
            enqueue(session, "review", review.id)
            enqueue(session, "maker", maker_id)
        return "saved"


def _applied_in_threads(backend, monkeypatch) -> list[str]:
    """Names of the threads that apply index changes from now on."""
    names, real = [], backend.apply
    monkeypatch.setattr(backend, "apply", lambda *a: names.append(threading.current_thread().name) or real(*a))
    return names


def _write_route_app(world, search_app, monkeypatch, sync: bool) -> tuple[int, list[str]]:
    """A maker already indexed, the write route, the drain mode; the threads that apply index changes."""
    maker = world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    world.drain()
    _add_write_route(search_app)
    search_app.config["SEARCH_DRAIN_SYNC"] = sync
    return maker, _applied_in_threads(search.get_backend(search_app), monkeypatch)


def test_a_committed_change_is_searchable_after_a_synchronous_drain(world, search_app, monkeypatch):
    maker, threads = _write_route_app(world, search_app, monkeypatch, sync=True)
    response = search_app.test_client().post(f"/_test/review/{maker}/blorptastic")
    assert response.status_code == 200 and pending_count(_engine(search_app)) == 0
    assert threads == [threading.current_thread().name]
    assert review_titles(run(search_app, "blorptastic", tab="reviews")) == ["About blorptastic"]


def test_a_request_leaves_the_drain_to_the_processs_drain_thread(world, search_app, monkeypatch):
    maker, threads = _write_route_app(world, search_app, monkeypatch, sync=False)
    client = search_app.test_client()
    for word in ("blorptastic", "quixotrix"):
        assert client.post(f"/_test/review/{maker}/{word}").status_code == 200
    assert search.drainer(search_app).wait_idle(timeout=60)
    assert threads and set(threads) == {"search-outbox-drain"}  # never the request's thread
    assert pending_count(_engine(search_app)) == 0
    assert review_titles(run(search_app, "blorptastic", tab="reviews")) == ["About blorptastic"]
    assert review_titles(run(search_app, "quixotrix", tab="reviews")) == ["About quixotrix"]
    assert search.check(search_app).ok


def test_a_failing_drain_never_breaks_the_request_and_keeps_the_work(world, search_app, monkeypatch, caplog):
    maker = world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    world.drain()
    _add_write_route(search_app)
    backend = search.get_backend(search_app)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(backend, "apply", broken)
    with caplog.at_level(logging.WARNING):
        response = search_app.test_client().post(f"/_test/review/{maker}/flibbertigibbet")
        response.close()
    assert response.status_code == 200 and "drain failed" in caplog.text
    assert pending_count(_engine(search_app)) == 2
    monkeypatch.undo()
    assert search.drain(search_app) == 2
    assert run(search_app, "flibbertigibbet", tab="reviews").totals["review"] == 1


def test_a_busy_writer_lock_times_out_and_leaves_the_work_queued(world, search_app):
    world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    backend = search.get_backend(search_app)
    with backend.writer_lock(5.0):
        with pytest.raises(LockTimeout):
            search.drain(search_app, lock_timeout=0.2)
    assert pending_count(_engine(search_app)) == 1
    assert search.drain(search_app) == 1


def test_a_request_never_waits_for_the_writer_lock_and_the_holder_drains_its_rows(world, search_app, monkeypatch):
    world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    backend, engine = search.get_backend(search_app), _engine(search_app)
    real_lock, late = backend.writer_lock, []

    @contextlib.contextmanager
    def lock_with_a_late_request(timeout):
        with real_lock(timeout):
            yield
            if not late:  # after the holder's last batch, before it lets go: a request commits and drains
                late.append(world.maker("Late Kiln", "ceramics", "Leeds, UK", "Jugs."))
                monkeypatch.setattr(backend, "writer_lock", real_lock)
                assert run_drain(engine, backend, REQUEST_LOCK_TIMEOUT) == 0  # busy: it returns at once
                assert pending_count(engine) == 1

    monkeypatch.setattr(backend, "writer_lock", lock_with_a_late_request)
    search.drain(search_app)
    assert late and pending_count(engine) == 0
    assert run(search_app, "jugs").totals["maker"] == 1


def _worker(app: Flask, mode: str, maker_id: int, count: int, tag: str) -> subprocess.Popen:
    cfg = app.config
    args = [cfg["DATABASE_URL"], cfg["SEARCH_BACKEND"], cfg["SEARCH_INDEX_DIR"], app.instance_path,
            mode, str(maker_id), str(count), tag]
    return subprocess.Popen([sys.executable, "-W", "error", "-m", "tests.search.worker", *args], cwd=PROJECT_ROOT)


def test_a_crash_between_commit_and_indexing_loses_nothing(world, search_app):
    maker = world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    world.drain()
    process = _worker(search_app, "crash", maker, 1, "crash")
    assert process.wait(timeout=60) == -9  # killed right after its commit
    assert run(search_app, "uniquewordcrashx0", tab="reviews").totals["review"] == 0
    assert not search.check(search_app).ok
    assert search.drain(search_app) == 2  # restart: the outbox still holds the work
    assert run(search_app, "uniquewordcrashx0", tab="reviews").totals["review"] == 1
    assert search.check(search_app).ok


@pytest.mark.slow
def test_concurrent_writers_lose_no_index_update(world, search_app):
    maker = world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    world.drain()
    per_worker, tags = 8, ["a", "b", "c", "d"]
    workers = [_worker(search_app, "write", maker, per_worker, tag) for tag in tags]
    assert [w.wait(timeout=240) for w in workers] == [0, 0, 0, 0]
    assert pending_count(_engine(search_app)) == 0
    for tag in tags:
        for i in range(per_worker):
            assert run(search_app, f"uniqueword{tag}x{i}", tab="reviews").totals["review"] == 1, (tag, i)
    assert run(search_app, "packed", tab="reviews").totals["review"] == per_worker * len(tags)
    assert search.check(search_app).ok


@pytest.mark.parametrize("search_app", ["whoosh"], indirect=True)
@pytest.mark.parametrize("failing_step", ["_finalize_segment", "_commit_toc"])
def test_a_failed_whoosh_commit_releases_the_index_lock(world, search_app, monkeypatch, failing_step):
    maker = world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    world.drain()
    world.review(maker, "Flawless", "uniquewordcommitx mug")

    def broken(*_args, **_kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(SegmentWriter, failing_step, broken)
    with pytest.raises(OSError, match="disk full"):
        search.drain(search_app)
    monkeypatch.undo()

    for kind in ("maker", "review"):
        lock = search.get_backend(search_app)._index(kind).lock("WRITELOCK")
        assert lock.acquire(blocking=False), f"the failed {kind} commit left its writer lock held"
        lock.release()
    assert search.drain(search_app) == 2  # the rows stayed queued; the next drain applies them
    assert run(search_app, "uniquewordcommitx", tab="reviews").totals["review"] == 1
