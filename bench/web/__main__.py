"""Entry point: `python -m bench.web [--seconds S] [--writes N] [--sqlite-only]` (part of `make bench`).

For each target (SQLite + Whoosh; PostgreSQL + its search backend when CRAFTREVIEW_TEST_POSTGRES_URL
is set) at 10,000 makers / 100,000 reviews: start gunicorn with 2 sync workers, time the first writes
after start, measure every page beside /bench/hello and a static file, read worker RSS after warm-up,
run N writes, read RSS again. Writes bench/web/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from craftreview.db import make_engine
from craftreview.models import Maker, Review, User

from . import dataset, load, report, server

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
PORTS = {"sqlite+whoosh": 5110, "postgresql+pg-search": 5111}
HOT = 20
WARM_UP_OFFSET = 1500  # the warm-up visits other makers than the timed run: a cold page stays cold
SEARCHES = ["walnut", "glaze", "leather wallet", "mug", "late delivery", "oak table", "silver ring",
            "candle", "beautiful finish", "scarf", "bowl", "notebook"]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def subjects(target: dataset.Target, writes: int, seed: int = 12) -> dict:
    """Slugs, review ids and fresh bench users (one per write, so no write conflicts)."""
    engine = make_engine(target.database_url)
    rng = random.Random(seed)
    tag = time.strftime("%Y%m%d%H%M%S")
    with engine.begin() as conn:
        slugs = list(conn.scalars(select(Maker.slug).order_by(Maker.id)))
        maker_ids = list(conn.scalars(select(Maker.id)))
        review_ids = list(conn.scalars(select(Review.id).where(Review.hidden_at.is_(None),
                                                               Review.withdrawn_at.is_(None)).limit(20000)))
        password = conn.scalar(select(User.password_hash).limit(1))
        conn.execute(insert(User), [{"email": f"bench-{tag}-{i}@example.com", "display_name": f"Bench {i}",
                                     "password_hash": password, "is_moderator": False, "is_suspended": False,
                                     "session_version": 1} for i in range(writes + 8)])
        users = list(conn.scalars(select(User.id).where(User.email.like(f"bench-{tag}-%")).order_by(User.id)))
        total_reviews = conn.scalar(select(func.count(Review.id)))
    engine.dispose()
    rng.shuffle(slugs)
    rng.shuffle(review_ids)
    return {"slugs": slugs[:3000], "reviews": review_ids[:3000], "users": users,
            "makers": rng.sample(maker_ids, len(users)), "makers_total": len(maker_ids), "reviews_total": total_reviews}


def pages(s: dict) -> list[tuple[str, object]]:
    """(label, i -> path) for each page measured; rotating subjects so no cache sees one page twice.

    (Except the popular-makers row, and home and browse, which are one page each.)
    """
    slugs, reviews = s["slugs"], s["reviews"]
    return [
        ("hello-world route", lambda i: "/bench/hello"),
        ("static file (style.css)", lambda i: "/static/style.css"),
        ("home /", lambda i: "/"),
        ("browse /makers", lambda i: "/makers"),
        ("browse /makers?page=500", lambda i: "/makers?page=500"),
        ("maker page", lambda i: f"/makers/{slugs[i % len(slugs)]}"),
        # Real traffic repeats popular makers; this row shows what the fragment cache does for them.
        (f"maker page, {HOT} popular makers", lambda i: f"/makers/{slugs[i % HOT]}"),
        ("score page", lambda i: f"/makers/{slugs[i % len(slugs)]}/score"),
        ("review page", lambda i: f"/reviews/{reviews[i % len(reviews)]}"),
        ("search", lambda i: "/search?q=" + SEARCHES[i % len(SEARCHES)].replace(" ", "+")),
        ("hello-world route (again)", lambda i: "/bench/hello"),
    ]


def write_once(port: int, user: int, maker: int) -> tuple[float, int, float]:
    """(client ms, worker pid, service ms) of one write."""
    started = time.perf_counter()
    status, raw = load.fetch(port, f"/bench/write?user={user}&maker={maker}", method="POST")
    elapsed = 1000 * (time.perf_counter() - started)
    if status != 200:
        raise RuntimeError(f"write failed with {status}: {raw[:400]!r}")
    body = json.loads(raw.split(b"\r\n\r\n", 1)[1])
    return elapsed, body["pid"], body["service_ms"]


def workers_memory(master) -> list[dict[str, float]]:
    return [server.memory_mb(p) for p in server.worker_pids(master)]


def bench_target(target: dataset.Target, seconds: float, writes: int, port_base: int | None = None,
                 root: Path | None = None) -> dict:
    """Everything measured on one target (one gunicorn start, serving the source tree `root`)."""
    s = subjects(target, writes)
    port = PORTS[target.name] if port_base is None else port_base + list(PORTS).index(target.name)
    out = {"target": target.name, "makers": s["makers_total"], "reviews": s["reviews_total"]}
    pairs = list(zip(s["users"], s["makers"], strict=True))
    with server.gunicorn(target, port, dataset.WORK / "logs", **({"root": root} if root else {})) as master:
        first = {}
        for user, maker in pairs[:6]:  # the first write each worker serves after start
            ms, pid, service = write_once(port, user, maker)
            first.setdefault(pid, (ms, service))
        out["first_writes"] = first
        log(f"{target.name}: first writes per worker {first}")
        for _label, path in pages(s):  # warm-up: every page a few times on both workers
            load.run(port, lambda i, path=path: path(i + WARM_UP_OFFSET), 1.0, 2)
        out["pages"], out["load"] = [], [os.getloadavg()[0]]
        for label, path in pages(s):
            result = load.run(port, path, seconds, 2)
            out["pages"].append((label, result))
            log(f"{target.name}: {label}: {result.throughput:.0f}/s p50 {result.percentile(50):.1f} ms "
                f"p99 {result.percentile(99):.1f} ms {result.statuses}")
        out["load"].append(os.getloadavg()[0])
        out["memory_warm"] = workers_memory(master)
        out["rss_warm"] = [m["VmRSS"] for m in out["memory_warm"]]
        warm, peak = [], {}
        for u, m in pairs[6:6 + writes]:
            warm.append(write_once(port, u, m))
            for pid in server.worker_pids(master):  # the largest VmRSS seen between writes
                peak[pid] = max(peak.get(pid, 0.0), server.rss_mb(pid))
        time.sleep(1.0)  # let the last drain finish
        out["memory_writes"] = workers_memory(master)
        out["rss_writes"] = [m["VmRSS"] for m in out["memory_writes"]]
        out["rss_peak"] = list(peak.values())
        out["warm_writes"] = [w[0] for w in warm]
        out["warm_service"] = [w[2] for w in warm]
        log(f"{target.name}: RSS warm {out['rss_warm']} after {writes} writes {out['rss_writes']}; "
            f"warm write median {statistics.median(out['warm_writes']):.1f} ms")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=6.0, help="load per page")
    parser.add_argument("--writes", type=int, default=500)
    parser.add_argument("--makers", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--port-base", type=int, help="serve on this port and the next (default 5110, 5111)")
    parser.add_argument("--postgres-only", action="store_true")
    parser.add_argument("--root", type=Path, help="serve the app from this source tree (e.g. a checkout of main, "
                        "to compare code on the same worlds); default: this one")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the results (default RESULTS.md)")
    args = parser.parse_args()
    results = []
    for target in dataset.targets(include_postgres=not args.sqlite_only):
        if args.postgres_only and target.search_backend != "postgres":
            continue
        dataset.ensure(target, args.makers, args.reviews, log)
        results.append(bench_target(target, args.seconds, args.writes, args.port_base, args.root))
    args.out.write_text(report.render(results, args))
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
