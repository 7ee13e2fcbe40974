"""`python -m bench.search.paired OTHER_TREE [BACKEND] [PASSES]`: this checkout's search pages against
another checkout's, page by page, on the same built bench corpus.

On a shared machine the speed moves by a third within minutes (FTS5's p95 7.8-12.0 ms in one hour),
more than most changes do; two latency runs minutes apart cannot tell them apart. Here each checkout
runs in a worker process of its own (its own code, warmed as a gunicorn worker is), and the two
serve the bench's pages in turn, the order swapped every page, so both meet the same moments of the
machine. Reported: each side's p50 / p95 / p99 and the median of the per-page differences.

OTHER_TREE is a checkout of another commit (`git worktree add ../old <commit>`); it reads this
checkout's bench/search/work (a symlink is made when it has none) and the same database. BACKEND is
postgres (default) or whoosh; both sides must be able to read the indexes as built (an index format
change needs the older code's own rebuild).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .corpus import PG_URL, SQLITE_URL, WORK
from .latency import percentile
from .measure import WARM
from .queries import build_queries

# Runs inside a worker process, with the checkout under test first on sys.path.
WORKER = """
import json, sys
from bench.search.corpus import WORK
from bench.search.measure import like_a_worker, make_app, page_timer
backend, url = sys.argv[1], sys.argv[2]
app = make_app(backend, url, WORK / f"{backend}-instance" / "index")
timed = page_timer(app)
like_a_worker([app])
print("ready", flush=True)
for line in sys.stdin:
    print(f"{timed(json.loads(line)):.3f}", flush=True)
"""


class Worker:
    """One checkout's search pages, timed in a process of its own."""

    def __init__(self, tree: Path, backend: str, url: str):
        env = {**os.environ, "PYTHONPATH": str(tree)}
        self.process = subprocess.Popen([sys.executable, "-c", WORKER, backend, url], cwd=tree, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the worker for {tree} did not start")

    def time(self, args: dict[str, str]) -> float:
        self.process.stdin.write(json.dumps(args) + "\n")
        self.process.stdin.flush()
        return float(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


def _share_work(tree: Path) -> None:
    """The other checkout reads this one's corpus and indexes."""
    work = tree / "bench" / "search" / "work"
    if not work.exists():
        work.symlink_to(WORK, target_is_directory=True)


def paired(workers: dict[str, Worker], queries: list[dict[str, str]]) -> dict[str, list[float]]:
    """Milliseconds per page for each worker, the two taking turns, the first to go swapped every page."""
    names = list(workers)
    timings: dict[str, list[float]] = {name: [] for name in names}
    for i, args in enumerate(queries):
        for name in (names if i % 2 == 0 else names[::-1]):
            timings[name].append(workers[name].time(args))
    return timings


def report(timings: dict[str, list[float]], queries: list[dict[str, str]]) -> str:
    (this, ours), (that, theirs) = timings.items()
    differences = [a - b for a, b in zip(ours, theirs, strict=True)]
    ordered = sorted(zip(differences, (str(q) for q in queries), strict=True))
    lines = [f"{name}: p50 {statistics.median(v):.1f} / p95 {percentile(v, 95):.1f} / p99 {percentile(v, 99):.1f} ms"
             for name, v in timings.items()]
    faster = sum(d < 0 for d in differences) / len(differences)
    lines.append(f"{this} - {that} per page: median {statistics.median(differences):+.2f} ms; "
                 f"{this} faster on {faster:.0%} of pages")
    for label, pages in (("most slower", ordered[:-6:-1]), ("most faster", ordered[:5])):
        lines.append(f"  {this} {label}: " + "; ".join(f"{d:+.1f} ms {q}" for d, q in pages))
    return "\n".join(lines)


def main() -> None:
    other = Path(sys.argv[1]).resolve()
    backend = sys.argv[2] if len(sys.argv) > 2 else "postgres"
    passes = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    url = PG_URL if backend == "postgres" else SQLITE_URL
    _share_work(other)
    here = Path(__file__).resolve().parents[2]
    workers = {"this": Worker(here, backend, url), "other": Worker(other, backend, url)}
    try:
        queries = build_queries()
        paired(workers, queries[:WARM])
        print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {backend}, {len(queries)} pages; "
              f"other = {other}", flush=True)
        for n in range(passes):
            print(f"pass {n + 1}:\n{report(paired(workers, queries), queries)}", flush=True)
    finally:
        for worker in workers.values():
            worker.close()


if __name__ == "__main__":
    main()
