"""`python -m bench.search.partial`: best-partial-match cost on a medium world, pruning off vs on.

Seeds 2,000 makers / 20,000 reviews once (bench/search/work/medium.db and a `medium` schema of the
PostgreSQL test database), rebuilds each index, then times the bench's 240 search pages with common
clauses picking candidates (as shipped) and without (`COMMON_SHARE` above 1: every clause picks
candidates and totals are exact, the previous behaviour), alternating query by query."""
from __future__ import annotations

import os
import statistics
import time

from sqlalchemy import text

from craftreview import search
from craftreview.db import make_engine, make_session_factory, write_transaction
from craftreview.demo.seed import seed_demo
from craftreview.migrate import upgrade
from craftreview.search import service
from craftreview.search.query import request_from_args
from craftreview.services import scores
from craftreview.web.context import session_factory

from .corpus import NOW, WORK
from .measure import make_app
from .queries import build_queries

MAKERS, REVIEWS, SEED = 2_000, 20_000, 7
PG = os.environ.get("CRAFTREVIEW_TEST_POSTGRES_URL")


def _urls() -> list[tuple[str, str]]:
    urls = [("whoosh", f"sqlite:///{WORK / 'medium.db'}")]
    if PG:
        engine = make_engine(PG)
        with engine.begin() as conn:
            conn.execute(text("CREATE SCHEMA IF NOT EXISTS medium"))
        engine.dispose()
        urls.append(("postgres", PG + "?options=-csearch_path%3Dmedium,public"))
    return urls


def _ensure_world(url: str) -> None:
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        seeded = conn.execute(text("SELECT count(*) FROM reviews")).scalar_one()
    if not seeded:
        seed_demo(engine, makers=MAKERS, reviews=REVIEWS, seed=SEED, now=NOW)
        scores.forget_fitted_models()
        with make_session_factory(engine)() as session, write_transaction(session):
            scores.rescore_all(session, now=NOW)
    engine.dispose()


def _summary(label: str, timings: list[float], queries) -> str:
    ordered = sorted(timings)
    pick = lambda p: ordered[min(len(ordered) - 1, int(p * len(ordered)))]  # noqa: E731
    worst = sorted(zip(timings, (q.get("q", "") + " [" + q.get("tab", "makers") + "]" for q in queries), strict=True), reverse=True)[:5]
    slow = "; ".join(f"{ms:.0f} ms `{q}`" for ms, q in worst)
    return (f"{label}: p50 {statistics.median(timings):.1f} / p95 {pick(0.95):.1f} / p99 {pick(0.99):.1f} ms,"
            f" mean {statistics.fmean(timings):.1f}; slowest: {slow}")


def _interleaved(app, queries, modes) -> dict[str, list[float]]:
    """Milliseconds per page for each mode, the modes alternating query by query (a noisy machine
    then slows both alike); the first 20 queries warm the caches in every mode first."""
    factory, timings = session_factory(app), {label: [] for label, _share in modes}
    for warm, batch in ((True, queries[:20]), (False, queries)):
        for args in batch:
            for label, share in modes:
                service.COMMON_SHARE = share
                with factory() as session:
                    started = time.perf_counter()
                    search.search(session, request_from_args(args), app)
                    if not warm:
                        timings[label].append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    queries = build_queries()
    shipped = service.COMMON_SHARE
    modes = (("all clauses pick (before)", 2.0), ("common clauses only score (after)", shipped))
    for name, url in _urls():
        _ensure_world(url)
        app = make_app(name, url, WORK / f"medium-{name}")
        started = time.perf_counter()
        search.rebuild(app)
        print(f"{name}: rebuilt in {time.perf_counter() - started:.1f} s", flush=True)
        for label, timings in _interleaved(app, queries, modes).items():
            print(f"{name} {_summary(label, timings, queries)}", flush=True)
        service.COMMON_SHARE = shipped
        app.extensions["craftreview.engine"].dispose()


if __name__ == "__main__":
    main()
