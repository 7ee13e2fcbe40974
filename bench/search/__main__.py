"""Entry point: `python -m bench.search`. Seeds (once), rebuilds, queries, updates, writes RESULTS.md."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from . import fts5, measure, report
from .corpus import PG_URL, SQLITE_URL, WORK, ensure_corpus
from .queries import build_queries

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BACKENDS = (("whoosh", SQLITE_URL), ("postgres", PG_URL))


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def bench_backend(name: str, url: str, queries: list[dict[str, str]]) -> report.BackendResult:
    """Rebuild through the CLI, then measure size, queries and single-review updates."""
    index_dir = WORK / f"{name}-instance" / "index"
    shutil.rmtree(index_dir, ignore_errors=True)
    build_s, wall_s, docs = measure.cli_rebuild(name, url, index_dir)
    log(f"{name}: indexed {docs} documents, build {build_s:.1f}s, command {wall_s:.1f}s")
    app = measure.make_app(name, url, index_dir)
    size = measure.index_size(app, index_dir)
    timings, empty = measure.query_latencies(app, queries)
    log(f"{name}: p95 {report.pct(timings, 95):.1f} ms over {len(timings)} queries")
    updates = measure.update_latencies(app)
    measure.remove_bench_reviews(app)
    slowest = sorted(zip(timings, (str(q) for q in queries), strict=True), reverse=True)[:5]
    app.extensions["craftreview.engine"].dispose()
    return report.BackendResult(name, docs, build_s, wall_s, size, timings, empty, updates, slowest)


def main() -> None:
    """Run everything and write bench/search/RESULTS.md."""
    started = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    for _name, url in BACKENDS:
        ensure_corpus(url, log)
    queries = build_queries()
    results = [bench_backend(name, url, queries) for name, url in BACKENDS]
    fts_build, fts_size = fts5.build(SQLITE_URL, WORK / "fts5.db")
    fts = {"documents": results[0].documents, "build_s": fts_build, "size": fts_size,
           "query_ms": fts5.latencies(WORK / "fts5.db", queries)}
    log(f"fts5: build {fts_build:.1f}s")
    print(report.write(RESULTS, results, fts, len(queries), time.perf_counter() - started))


if __name__ == "__main__":
    main()
