"""Entry point: `python -m bench.maker_page [--makers N --reviews M --rounds R]`.

Seeds a fresh SQLite database with `flask seed-demo` (which rescores, trends included), times the trend
part of `flask rescore` on its own, then serves the maker page and /compare in-process beside a
hello-world route in the same run (the machine is shared and noisy), interleaving the routes round by
round. Records latency (median, p95, worst), requests/s and SQL statements per request in RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from sqlalchemy import event, func, select

from craftreview import create_app
from craftreview.config import PROJECT_ROOT
from craftreview.models import Maker, Review
from craftreview.services import scores, trends

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def flask(instance: Path, *args: str) -> str:
    env = {**os.environ, "CRAFTREVIEW_INSTANCE": str(instance)}
    for name in ("DATABASE_URL", "CRAFTREVIEW_SEARCH_BACKEND", "CRAFTREVIEW_SEARCH_INDEX"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "flask", "--app", "craftreview", *args], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, check=True).stdout


def make_app(instance: Path):
    app = create_app({"DATABASE_URL": f"sqlite:///{instance / 'craftreview.db'}", "INSTANCE_PATH": str(instance),
                      "SEARCH_INDEX_DIR": str(instance / "index"), "RATELIMIT_ENABLED": False})
    app.add_url_rule("/bench-hello", "bench_hello", lambda: "hello")
    return app


def rescore_times(app) -> dict[str, float]:
    """Whole rescore, and the trend part alone (same fitted model and signals)."""
    with app.extensions["craftreview.sessions"]() as session:
        started = time.perf_counter()
        scores.rescore_all(session)
        whole = time.perf_counter() - started
        signals, crafts = scores.load_signals(session)
        model = scores.fitted_model(session, scores.utcnow())
        started = time.perf_counter()
        trends.store_all_trends(session, model, signals, crafts, scores.utcnow())
        trend = time.perf_counter() - started
        session.commit()
    return {"rescore": whole, "trend": trend}


def refresh_times(app, slug: str, repeats: int = 5) -> dict[str, float]:
    """One maker's score refresh after a review write (median ms), and its trend part alone."""
    with app.extensions["craftreview.sessions"]() as session:
        maker_id = session.scalar(select(Maker.id).where(Maker.slug == slug))
        scores.fitted_model(session, scores.utcnow())  # the process's cached fit, as in a running server
        signals, crafts = scores.load_signals(session, [maker_id])
        model, whole, trend = scores.fitted_model(session, scores.utcnow()), [], []
        for _ in range(repeats):
            started = time.perf_counter()
            scores.refresh_maker_score(session, maker_id)
            whole.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            trends.store_maker_trend(session, maker_id, model, signals, scores.utcnow(), crafts.get(maker_id))
            trend.append((time.perf_counter() - started) * 1000)
        session.rollback()
    return {"refresh": median(whole), "refresh_trend": median(trend)}


def pick_makers(app) -> dict[str, str]:
    """The most-reviewed maker (worst case) and a median one."""
    with app.extensions["craftreview.sessions"]() as session:
        rows = session.execute(select(Maker.slug, func.count(Review.id)).join(Review, Review.maker_id == Maker.id)
                               .group_by(Maker.slug).order_by(func.count(Review.id).desc())).all()
    return {"most": rows[0], "median": rows[len(rows) // 2], "compare": [r[0] for r in rows[:4]]}


def routes(picked: dict) -> dict[str, str]:
    most, mid = picked["most"][0], picked["median"][0]
    return {
        "hello world": "/bench-hello",
        f"maker page, most reviews ({picked['most'][1]})": f"/makers/{most}",
        "same, custom $300–1,000, lowest first": f"/makers/{most}?order=custom&price=300-1000&sort=lowest",
        "same, most helpful, page 3": f"/makers/{most}?sort=helpful&page=3",
        f"maker page, median maker ({picked['median'][1]})": f"/makers/{mid}",
        "compare, 4 makers": "/compare?makers=" + ",".join(picked["compare"]),
    }


def measure(app, urls: dict[str, str], rounds: int) -> dict[str, dict]:
    """Interleaved rounds: every route once per round, so noise hits all routes alike."""
    client, engine = app.test_client(), app.extensions["craftreview.engine"]
    times: dict[str, list[float]] = {name: [] for name in urls}
    statements: dict[str, int] = {}
    counter = []
    event.listen(engine, "before_cursor_execute", lambda *args: counter.append(1))
    for name, url in urls.items():  # warm-up and statement count
        counter.clear()
        assert client.get(url).status_code == 200, url
        statements[name] = len(counter)
    for _ in range(rounds):
        for name, url in urls.items():
            started = time.perf_counter()
            client.get(url)
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: {"median": median(t), "p95": sorted(t)[int(len(t) * 0.95) - 1], "worst": max(t),
                   "rps": 1000 / median(t), "sql": statements[name]} for name, t in times.items()}


def write(results: dict, rescore: dict, seed_score: float, makers: int, reviews: int, rounds: int) -> str:
    hello = results["hello world"]["median"]
    lines = [
        "# Maker page and /compare benchmark", "",
        f"`python -m bench.maker_page --makers {makers} --reviews {reviews} --rounds {rounds}`, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs (shared), "
        f"Python {platform.python_version()}, SQLite, Flask test client in one process (no network).", "",
        "| route | median ms | p95 ms | worst ms | req/s (median) | × hello | SQL statements |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(f"| {name} | {r['median']:.2f} | {r['p95']:.2f} | {r['worst']:.2f} | {r['rps']:.0f} | "
                     f"{r['median'] / hello:.1f} | {r['sql']} |")
    lines += ["", f"Rescore of all makers: {rescore['rescore']:.1f} s, of which the 24-month trends "
              f"(`services.trends.store_all_trends`, timed alone): {rescore['trend']:.1f} s. "
              f"`seed-demo` reported its scoring phase (trends included) as {seed_score:.1f} s.", "",
              f"Refreshing the most-reviewed maker's score after a write (`refresh_maker_score`, cached fit): "
              f"{rescore['refresh']:.0f} ms median, of which its trend (`store_maker_trend` alone): "
              f"{rescore['refresh_trend']:.0f} ms.", ""]
    text = "\n".join(lines)
    RESULTS.write_text(text)
    return text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--makers", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    instance = Path(tempfile.mkdtemp(prefix="craftreview-maker-page-bench-"))
    try:
        flask(instance, "migrate")
        out = flask(instance, "seed-demo", "--makers", str(args.makers), "--reviews", str(args.reviews))
        seed_score = float(re.search(r"scored \d+ makers in ([\d.]+) s", out).group(1))
        app = make_app(instance)
        rescore = rescore_times(app)
        picked = pick_makers(app)
        rescore |= refresh_times(app, picked["most"][0])
        results = measure(app, routes(picked), args.rounds)
        print(write(results, rescore, seed_score, args.makers, args.reviews, args.rounds))
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
