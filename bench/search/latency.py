"""`python -m bench.search.latency`: search page latency on the built bench corpus, without rebuilding.

Times the bench's 240 search pages on Whoosh, PostgreSQL and raw SQLite FTS5 in one run, the three
taking turns query by query (a noisy, shared machine then slows all of them alike), after each app
was warmed as a gunicorn worker is (measure.like_a_worker) and the first 20 queries warmed every
backend. Needs the indexes `python -m bench.search` (or `flask search
rebuild` on the bench databases) left in bench/search/work; builds the FTS5 file when missing.
Prints p50 / p95 / p99 and the slowest pages per backend, for a first pass over the pages (the figures
the targets are read against) and for a second pass over the same pages (a worker that has served them).
"""
from __future__ import annotations

import os
import statistics
import sys
import time

from . import fts5
from .corpus import PG_URL, SQLITE_URL, WORK
from .measure import alternated, like_a_worker, make_app, page_timer
from .queries import build_queries


def percentile(timings: list[float], p: float) -> float:
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def summary(name: str, timings: list[float], queries: list[dict[str, str]]) -> str:
    worst = sorted(zip(timings, (str(q) for q in queries), strict=True), reverse=True)[:5]
    slow = "; ".join(f"{ms:.0f} ms `{q}`" for ms, q in worst)
    return (f"{name}: p50 {statistics.median(timings):.1f} / p95 {percentile(timings, 95):.1f} / "
            f"p99 {percentile(timings, 99):.1f} ms, mean {statistics.fmean(timings):.1f}; slowest: {slow}")


def main() -> None:
    queries = build_queries()
    fts_path = WORK / "fts5.db"
    if not fts_path.exists():
        fts5.build(SQLITE_URL, fts_path)
    timers, apps = {}, []
    for name, url in (("whoosh", SQLITE_URL), ("postgres", PG_URL)):
        if name in os.environ.get("BENCH_SKIP", ""):
            continue
        app = make_app(name, url, WORK / f"{name}-instance" / "index")
        apps.append(app)
        timers[name] = page_timer(app)
    # FTS5 answers a few times per page (its query alone is sub-millisecond): opening the file per
    # query is included, as a page would open its connection.
    timers["fts5"] = fts5.timer(fts_path)
    like_a_worker(apps)  # a worker starting, then the pages it served before these
    # The second pass: the same pages again, as a worker that has served them (what repeat searches
    # cost; the first pass is what the targets are read against).
    first, again = alternated(timers, queries, passes=2)
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {len(queries)} pages, "
          f"python {sys.version.split()[0]}")
    for name, values in first.items():
        print(summary(name, values, queries), flush=True)
    print("second pass over the same pages:")
    for name, values in again.items():
        print(summary(name, values, queries), flush=True)
    for app in apps:
        app.extensions["craftreview.engine"].dispose()


if __name__ == "__main__":
    main()
