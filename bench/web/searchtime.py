"""Search latency in-process over random queries: `python -m bench.web.searchtime [--target sqlite|postgres]
[--seed N] [--queries N]`.

The web bench rotates 12 fixed queries, which any cache holds; this draws 1-3-word queries from the
text of random reviews of the bench world (with some tab, sort and minimum-score variants), runs them
once (cold: postings read from the index) and again in the same order (warm: the worst order for an
LRU cache), and prints median / p90 / max wall ms per query, the process's memory and the search
cache's fill. Run it for two source trees back to back (`cd` to each; same world) to compare them.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import time

from sqlalchemy import text

from . import dataset

VARIANTS = ["", "", "&tab=reviews", "&sort=score", "&tab=reviews&sort=newest", "&min_score=4"]


def queries(engine, rng: random.Random, n: int) -> list[str]:
    with engine.connect() as conn:
        ids = list(conn.scalars(text("SELECT id FROM reviews ORDER BY id")))
        chosen = rng.sample(ids, min(300, len(ids)))
        listed = ",".join(map(str, chosen))  # integers from the database itself
        rows = conn.execute(text(f"SELECT title || ' ' || body FROM reviews WHERE id IN ({listed})"))
        words = sorted({w.lower() for (body,) in rows for w in re.findall(r"[A-Za-z]{4,}", body)})
    return ["/search?q=" + "+".join(rng.sample(words, rng.choice([1, 1, 2, 2, 3]))) + rng.choice(VARIANTS)
            for _ in range(n)]


def timed(client, paths: list[str], label: str) -> None:
    took = []
    for path in paths:
        started = time.perf_counter()
        status = client.get(path).status_code
        took.append(1000 * (time.perf_counter() - started))
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    took.sort()
    print(f"{label}: n={len(took)} median {statistics.median(took):.1f} ms, p90 {took[int(0.9 * len(took))]:.1f}, "
          f"max {took[-1]:.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    target = next(t for t in dataset.targets() if args.target in t.name)
    os.environ.update(target.env())
    from craftreview import search
    from craftreview.web.warmup import warm

    from .app import app  # after the environment is set
    warm(app)
    paths = queries(app.extensions["craftreview.engine"], random.Random(args.seed), args.queries)
    client = app.test_client()
    timed(client, paths, "cold pass")
    timed(client, paths, "warm pass")
    with open("/proc/self/status") as fh:
        print(" ".join(line.split()[0] + line.split()[1] for line in fh if line.startswith(("VmRSS", "RssAnon", "RssFile"))))
    cache = getattr(search.get_backend(app), "_arrays", None)
    if cache is not None:
        print(f"search cache: {len(cache.items)} entries, {cache.used / 2**20:.1f} of {cache.budget / 2**20:.0f} MB")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
