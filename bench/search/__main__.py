"""Entry point: `python -m bench.search`. Seeds (once), rebuilds, queries, updates, writes RESULTS.md."""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import NamedTuple

from . import fts5, measure, report
from .corpus import PG_URL, SQLITE_URL, WORK, ensure_corpus
from .queries import build_queries

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BACKENDS = (("whoosh", SQLITE_URL), ("postgres", PG_URL))


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


class Built(NamedTuple):
    """A backend's index, rebuilt through the CLI, and an app on it."""

    build_s: float
    wall_s: float
    documents: int
    app: object
    size: int


def build_backend(name: str, url: str) -> Built:
    """Rebuild through the CLI and open an app on the new index."""
    index_dir = WORK / f"{name}-instance" / "index"
    shutil.rmtree(index_dir, ignore_errors=True)
    build_s, wall_s, docs = measure.cli_rebuild(name, url, index_dir)
    log(f"{name}: indexed {docs} documents, build {build_s:.1f}s, command {wall_s:.1f}s")
    app = measure.make_app(name, url, index_dir)
    return Built(build_s, wall_s, docs, app, measure.index_size(app, index_dir))


def main() -> None:
    """Run everything and write the top section of bench/search/RESULTS.md. Both indexes are built
    first; then the backends and raw FTS5 take turns page by page, so all three meet the same machine."""
    started = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    for _name, url in BACKENDS:
        ensure_corpus(url, log)
    queries = build_queries()
    built = {name: build_backend(name, url) for name, url in BACKENDS}
    fts_path = WORK / "fts5.db"
    fts_build, fts_size = fts5.build(SQLITE_URL, fts_path)
    log(f"fts5: build {fts_build:.1f}s")
    timers = {name: measure.page_timer(b.app) for name, b in built.items()}
    timers["fts5"] = fts5.timer(fts_path)
    measure.like_a_worker([b.app for b in built.values()])
    timings = measure.alternated(timers, queries)[0]
    results = []
    for name, b in built.items():
        log(f"{name}: p95 {report.pct(timings[name], 95):.1f} ms over {len(queries)} queries")
        empty = sum(timers[name].empty[-len(queries):])
        updates = measure.update_latencies(b.app)
        measure.remove_bench_reviews(b.app)
        slowest = sorted(zip(timings[name], (str(q) for q in queries), strict=True), reverse=True)[:5]
        b.app.extensions["craftreview.engine"].dispose()
        results.append(report.BackendResult(name, b.documents, b.build_s, b.wall_s, b.size, timings[name], empty,
                                            updates, slowest))
    fts = {"documents": results[0].documents, "build_s": fts_build, "size": fts_size, "query_ms": timings["fts5"]}
    print(report.write(RESULTS, results, fts, len(queries), time.perf_counter() - started))


if __name__ == "__main__":
    main()
