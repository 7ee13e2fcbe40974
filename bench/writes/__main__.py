"""Entry point: `python -m bench.writes [--seconds S] [--clients N] [--baseline REF] [--tree REF] [--sqlite-only] [--port P]`.

Review submissions through the real forms under concurrency. For each target (SQLite + Whoosh;
PostgreSQL + its search backend when CRAFTREVIEW_TEST_POSTGRES_URL is set) and each source tree
(the baseline REF and the working tree, or --tree REF; refs are exported with `git archive`): start gunicorn with 2 sync
workers, then measure the hello-world route, the maker page and N clients that each log in and
submit reviews of different makers (GET the form, POST it with its CSRF token) for S seconds.
Every submission is checked against the database afterwards. Writes bench/writes/RESULTS.md.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from craftreview.config import PROJECT_ROOT
from craftreview.db import make_engine
from craftreview.models import Maker, Review, User
from craftreview.services.passwords import hash_password

from ..web import dataset, load, server
from . import locktime, report
from .browser import Browser

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
WORK = Path(__file__).resolve().parent / "work"
PORT_OFFSETS = {"sqlite+whoosh": 0, "postgresql+pg-search": 1}  # added to --port
PASSWORD = "bench writes passphrase"
REVIEW = {"craftsmanship": "4", "consistency": "5", "delivery": "3", "title": "Bench review of a walnut bowl",
          "body": "Even glaze, sturdy walnut, arrived a few days after the promised date.", "order_type": "stock",
          "price_band": "25-100", "ordered_on": str(date.today() - timedelta(days=20)),
          "promised_by": str(date.today() - timedelta(days=8)), "delivered_on": str(date.today() - timedelta(days=5))}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def source_tree(ref: str) -> Path:
    """The project at `ref`, exported once into the work directory (no worktree, no checkout)."""
    sha = subprocess.run(["git", "rev-parse", ref], cwd=PROJECT_ROOT, check=True, capture_output=True,
                         text=True).stdout.strip()
    tree = WORK / f"src-{ref.replace('/', '-')}-{sha[:10]}"
    if not (tree / "wsgi.py").exists():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha], cwd=PROJECT_ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def bench_accounts(target: dataset.Target, clients: int, password_hash: str) -> tuple[list[str], list[str]]:
    """Fresh accounts (so every maker is still reviewable by them) and the maker slugs, shuffled."""
    engine = make_engine(target.database_url)
    tag = f"{time.strftime('%H%M%S')}-{random.randrange(10**6)}"
    emails = [f"writer-{tag}-{i}@example.com" for i in range(clients)]
    with engine.begin() as conn:
        conn.execute(insert(User), [{"email": e, "display_name": f"Writer {i}", "password_hash": password_hash,
                                     "is_moderator": False, "is_suspended": False, "session_version": 1}
                                    for i, e in enumerate(emails)])
        slugs = list(conn.scalars(select(Maker.slug).order_by(Maker.id)))
    engine.dispose()
    random.Random(7).shuffle(slugs)
    return emails, slugs


def stored_reviews(target: dataset.Target, emails: list[str]) -> int:
    """Reviews in the database written by these accounts."""
    engine = make_engine(target.database_url)
    with engine.connect() as conn:
        count = conn.scalar(select(func.count(Review.id)).join(User, User.id == Review.author_id)
                            .where(User.email.in_(emails)))
    engine.dispose()
    return count


def write_load(port: int, emails: list[str], slugs: list[str], seconds: float) -> load.Run:
    """Each client logs in, then reviews its own share of the makers until time is up (POST latencies)."""
    window: dict[str, float] = {}
    result, lock = load.Run(), threading.Lock()
    # The window opens when the last client has logged in (the barrier's action runs before any is released).
    ready = threading.Barrier(len(emails) + 1, action=lambda: window.update(stop=time.perf_counter() + seconds))

    def client(index: int) -> None:
        browser = Browser(port)
        browser.log_in(emails[index], PASSWORD)
        ready.wait()
        local, statuses = [], {}
        for slug in slugs[index::len(emails)]:
            if time.perf_counter() >= window["stop"]:
                break
            status, elapsed = browser.submit(f"/makers/{slug}/review", REVIEW)
            local.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1
        with lock:
            result.latencies.extend(local)
            for code, n in statuses.items():
                result.statuses[code] = result.statuses.get(code, 0) + n

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(emails))]
    for thread in threads:
        thread.start()
    ready.wait()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - (window["stop"] - seconds)
    return result


def measure(target: dataset.Target, root: Path, label: str, args, password_hash: str) -> dict:
    """One gunicorn start from source tree `root`: hello-world, maker page, writes, hello-world again."""
    emails, slugs = bench_accounts(target, args.clients, password_hash)
    port, runs = args.port + PORT_OFFSETS[target.name], []
    pages = [("hello-world route", lambda i: "/bench/hello"),
             ("maker page", lambda i: f"/makers/{slugs[i % len(slugs)]}")]
    with server.gunicorn(target, port, WORK / "logs", root=root):
        for _name, path in pages:
            load.run(port, path, 1.0, 2)  # warm-up
        for name, path in pages:
            runs.append((name, load.run(port, path, args.seconds, args.clients)))
        runs.append(("review submissions", write_load(port, emails, slugs, args.seconds)))
        runs.append(("hello-world route (again)", load.run(port, pages[0][1], args.seconds, args.clients)))
        time.sleep(1.0)  # the last index drain
    for name, run in runs:
        log(f"{target.name} [{label}] {name}: {run.throughput:.1f}/s p50 {run.percentile(50):.0f} ms "
            f"p99 {run.percentile(99):.0f} ms {run.statuses}")
    return {"target": target.name, "label": label, "runs": runs,
            "stored": stored_reviews(target, emails), "accepted": runs[2][1].statuses.get(302, 0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each timed load")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--baseline", default="", help="git ref to measure beside the working tree (e.g. main)")
    parser.add_argument("--tree", default="", help="git ref to measure instead of the working tree (e.g. HEAD)")
    parser.add_argument("--makers", type=int, default=1_000)
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument("--lock-rounds", type=int, default=2, help="alternating in-process lock-time probes")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--port", type=int, default=5120, help="gunicorn port for SQLite (PostgreSQL: the next one)")
    args = parser.parse_args()
    trees = ([(f"baseline {args.baseline}", source_tree(args.baseline))] if args.baseline else [])
    trees.append((args.tree, source_tree(args.tree)) if args.tree else ("working tree", PROJECT_ROOT))
    trees = [(label if root == PROJECT_ROOT else root.name.removeprefix("src-"), root) for label, root in trees]
    password_hash, results, locks = hash_password(PASSWORD), [], []
    for target in dataset.targets(include_postgres=not args.sqlite_only, work=WORK, schema="bench_writes"):
        dataset.ensure(target, args.makers, args.reviews, log)
        for label, root in trees:
            results.append(measure(target, root, label, args, password_hash))
        locks.append((target.name, locktime.compare(trees, target.env(), args.lock_rounds)))
        log(f"{target.name}: write lock held {report.lock_summary(locks[-1][1])}")
    RESULTS.write_text(report.render(results, locks, args))
    log(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
