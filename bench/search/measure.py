"""Timed operations against one configured backend."""
from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from craftreview import create_app, search
from craftreview.config import PROJECT_ROOT
from craftreview.db import write_transaction
from craftreview.models import Maker, Review, User
from craftreview.search.outbox import enqueue
from craftreview.search.query import request_from_args
from craftreview.web.context import session_factory


def make_app(backend: str, url: str, index_dir: Path):
    """An app on the benchmark database with the given search backend."""
    return create_app({"ENV_NAME": "test", "DATABASE_URL": url, "SEARCH_BACKEND": backend,
                       "SEARCH_INDEX_DIR": str(index_dir), "INSTANCE_PATH": str(index_dir.parent)})


def cli_rebuild(backend: str, url: str, index_dir: Path) -> tuple[float, float, int]:
    """Run `flask search rebuild`; returns (index build seconds, command wall seconds, documents)."""
    env = {**os.environ, "DATABASE_URL": url, "CRAFTREVIEW_SEARCH_BACKEND": backend,
           "CRAFTREVIEW_SEARCH_INDEX": str(index_dir), "CRAFTREVIEW_INSTANCE": str(index_dir.parent)}
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "flask", "--app", "craftreview", "search", "rebuild"],
                         cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - started
    found = re.search(r"Indexed (\d+) documents in ([\d.]+)s", out)
    return float(found.group(2)), wall, int(found.group(1))


SEARCH_TABLES = ("search_documents", "search_words", "search_lexemes", "search_vocab")


def index_size(app, index_dir: Path) -> int:
    """Bytes on disk of the live index (Whoosh directory, or PostgreSQL tables with indexes)."""
    if app.config["SEARCH_BACKEND"] == "whoosh":
        generation = (index_dir / "CURRENT").read_text().strip()
        return sum(p.stat().st_size for p in (index_dir / generation).rglob("*") if p.is_file())
    with session_factory(app)() as session:
        return session.scalar(text("SELECT " + " + ".join(f"pg_total_relation_size('{t}')" for t in SEARCH_TABLES)))


def like_a_worker(apps) -> None:
    """Do what gunicorn.conf.py's post_worker_init does before a worker's first request: warm each app
    (craftreview.web.warmup.warm: the stored fit, a rolled-back review write, the search backend's
    per-process state and the English word list, templates, background threads), then freeze what is
    loaded out of the cyclic collector's reach. BENCH_WORKER_WARM=0 skips the warm-up and
    BENCH_GC_FREEZE=0 the freeze (to measure without them)."""
    if os.environ.get("BENCH_WORKER_WARM", "1") != "0":
        from craftreview.web.warmup import warm
        for app in apps:
            warm(app)
    if os.environ.get("BENCH_GC_FREEZE", "1") != "0":
        gc.freeze()


WARM = 20  # pages served before the timed ones, as a running worker would have served some


def page_timer(app):
    """A function timing one search page of `app` in ms (query, tab counts, facets, blended ranking,
    rows and snippets; no rendering); whether each page showed nothing is kept in its `.empty` list."""
    factory = session_factory(app)

    def timed(args: dict[str, str]) -> float:
        with factory() as session:
            started = time.perf_counter()
            page = search.search(session, request_from_args(args), app)
            elapsed = (time.perf_counter() - started) * 1000
        timed.empty.append(not page.items)
        return elapsed
    timed.empty = []
    return timed


def alternated(timers: dict, queries: list[dict[str, str]], passes: int = 1) -> list[dict[str, list[float]]]:
    """Milliseconds per page for every timer, the timers taking turns query by query (a noisy, shared
    machine then slows them alike), after the first WARM queries warmed each; one dict per pass."""
    for args in queries[:WARM]:
        for timed in timers.values():
            timed(args)
    runs = []
    for _ in range(passes):
        run = {name: [] for name in timers}
        for args in queries:
            for name, timed in timers.items():
                run[name].append(timed(args))
        runs.append(run)
    return runs


def update_latencies(app, samples: int = 20) -> list[float]:
    """Milliseconds from a single new review's commit to it being searchable (drain included)."""
    factory, timings = session_factory(app), []
    with factory() as session:
        makers = session.scalars(select(Maker.id).order_by(Maker.id).limit(samples)).all()
    for i, maker_id in enumerate(makers):
        word = f"benchupdate{i}x{int(time.time())}"
        started = time.perf_counter()
        with factory() as session, write_transaction(session):
            user = User(email=f"{word}@bench.test", display_name=word, password_hash="x")
            session.add(user)
            session.flush()
            review = Review(maker_id=maker_id, author_id=user.id, title="Bench update", body=word,
                            craftsmanship=4, consistency=4, delivery=4)
            session.add(review)
            session.flush()
            enqueue(session, "review", review.id)
            enqueue(session, "maker", maker_id)
        search.drain(app)
        timings.append((time.perf_counter() - started) * 1000)
        with factory() as session:
            assert search.search(session, request_from_args({"q": word, "tab": "reviews"}), app).total == 1
    return timings


def remove_bench_reviews(app) -> None:
    """Undo update_latencies so the corpus stays at its nominal size."""
    with session_factory(app)() as session, write_transaction(session):
        ids = session.scalars(select(Review.id).where(Review.title == "Bench update")).all()
        makers = set(session.scalars(select(Review.maker_id).where(Review.id.in_(ids))).all())
        session.execute(Review.__table__.delete().where(Review.__table__.c.id.in_(ids)))
        session.execute(User.__table__.delete().where(User.__table__.c.email.like("%@bench.test")))
        for review_id in ids:
            enqueue(session, "review", review_id)
        for maker_id in makers:
            enqueue(session, "maker", maker_id)
    search.drain(app)


def document_count(app) -> int:
    """Rows the index should hold (for the report)."""
    with session_factory(app)() as session:
        return session.scalar(select(func.count()).select_from(Maker)) + session.scalar(
            select(func.count()).select_from(Review))
