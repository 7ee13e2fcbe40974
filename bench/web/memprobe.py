"""Where a worker's memory goes: `python -m bench.web.memprobe [--target sqlite|postgres] [--writes N]`.

Serves the bench's pages in one process (Flask test client, as one gunicorn sync worker would, with
the drain thread running after writes) and prints, after start, warm-up, each page kind, searches and
writes: VmRSS split into anonymous memory and file pages (the Whoosh index's memory-mapped files
count in VmRSS but are shared through the page cache), and what a full `gc.collect()` and glibc's
`malloc_trim(0)` would give back. `--trace` adds tracemalloc's top allocation sites (slow).
Investigation tool, not a timed bench; it writes nothing but the reviews of its writes.
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import os
import random
import time
import tracemalloc

from . import dataset


def status() -> dict[str, float]:
    """VmRSS, RssAnon, RssFile of this process in MB."""
    found = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "RssAnon", "RssFile"):
                found[name] = int(value.split()[0]) / 1024
    return found


def mapped_files(top: int = 6) -> str:
    """The files with the most resident mapped pages: 'name x mappings: MB' (from /proc/self/smaps)."""
    sizes: dict[str, list[float]] = {}
    path = None
    with open("/proc/self/smaps") as fh:
        for line in fh:
            head = line.split()
            if "-" in head[0] and len(head) >= 6 and head[5].startswith("/"):
                path = head[5]
            elif "-" in head[0]:
                path = None
            elif head[0] == "Rss:" and path:
                sizes.setdefault(path, []).append(int(head[1]) / 1024)
    biggest = sorted(sizes.items(), key=lambda item: -sum(item[1]))[:top]
    return ", ".join(f"{os.path.basename(p)} x{len(v)}: {sum(v):.1f}" for p, v in biggest)


_previous: list = []


def report(label: str, trace: bool, reclaim: bool = True) -> None:
    """Print the process's memory now, then what gc and malloc_trim would give back."""
    before = status()
    line = f"{label:<34} RSS {before['VmRSS']:6.1f}  anon {before['RssAnon']:6.1f}  file {before['RssFile']:5.1f}"
    if reclaim:
        started = time.perf_counter()
        gc.collect()
        took = time.perf_counter() - started
        after_gc = status()
        started = time.perf_counter()
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        trim_took = time.perf_counter() - started
        after_trim = status()
        line += (f"  | after gc ({took:.2f} s) anon {after_gc['RssAnon']:6.1f} file {after_gc['RssFile']:5.1f}"
                 f"  | after malloc_trim ({1000 * trim_took:.1f} ms) anon {after_trim['RssAnon']:6.1f}")
    print(line, flush=True)
    if before["RssFile"] > 40:
        print(f"    mapped: {mapped_files()}", flush=True)
    if trace and tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        print(f"    tracemalloc current {current / 2**20:.1f} MB, peak {peak / 2**20:.1f} MB")
        snapshot = tracemalloc.take_snapshot()
        if _previous:  # what grew since the last report
            for stat in snapshot.compare_to(_previous[0], "lineno")[:12]:
                print(f"    {stat.size_diff / 2**20:+7.2f} MB  {stat.count_diff:+8d}  {stat.traceback}")
        _previous[:] = [snapshot]


def serve(client, paths: list[str]) -> None:
    for path in paths:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pages", type=int, default=300, help="requests per page kind")
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--no-reclaim", action="store_true", help="do not collect/trim between phases")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    target = next(t for t in dataset.targets() if args.target in t.name)
    os.environ.update(target.env())
    if args.trace:
        tracemalloc.start(4)
    reclaim = not args.no_reclaim
    report("imported", args.trace, reclaim)
    from craftreview.web.warmup import warm

    from .__main__ import subjects, write_once  # noqa: F401 - subjects draws the rotating makers
    from .app import app
    report("create_app", args.trace, reclaim)
    warm(app)
    report("warm (fit, search backend)", args.trace, reclaim)
    s = subjects(target, args.writes)
    rng = random.Random(args.seed)
    client = app.test_client()
    words = ["walnut", "glaze", "leather", "mug", "late", "oak", "silver", "candle", "finish", "scarf", "bowl",
             "notebook", "linen", "copper", "vase", "quilt", "knife", "teapot", "chair", "brooch", "soap"]
    kinds = {
        "home and browse": lambda: ["/", "/makers", f"/makers?page={rng.randint(2, 900)}"],
        "maker pages": lambda: [f"/makers/{rng.choice(s['slugs'])}"],
        "score pages": lambda: [f"/makers/{rng.choice(s['slugs'])}/score"],
        "review pages": lambda: [f"/reviews/{rng.choice(s['reviews'])}"],
        "searches": lambda: ["/search?q=" + "+".join(rng.sample(words, rng.randint(1, 2)))],
    }
    for label, make in kinds.items():
        for _ in range(args.pages):
            serve(client, make())
        report(f"after {args.pages} x {label}", args.trace, reclaim)
    pairs = list(zip(s["users"], s["makers"], strict=False))[:args.writes]
    drainer = None
    for done, (user, maker) in enumerate(pairs, 1):
        response = client.post(f"/bench/write?user={user}&maker={maker}")
        if response.status_code != 200:
            raise RuntimeError(f"write answered {response.status_code}: {response.data[:300]!r}")
        if done % 50 == 0 or done == len(pairs):
            from craftreview.search import drainer as get_drainer
            drainer = get_drainer(app)
            drainer.wait_idle(120)
            report(f"after {done} writes", args.trace, reclaim)
    for _ in range(args.pages // 3):
        serve(client, kinds["searches"]())
    report("searches after the writes", args.trace, reclaim)


if __name__ == "__main__":
    main()
