"""Entry point: `python -m bench.seed [--runs N] [--makers N --reviews M]`.

Runs `flask migrate` and `flask seed-demo` on a fresh SQLite database with the default (Whoosh)
search backend, as a new user would, and records the command's wall time and each phase it
reports, then `flask search check`, in bench/seed/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from craftreview.config import PROJECT_ROOT

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TARGET_S = 120.0
PHASES = {"seed": r"flags in ([\d.]+) s", "score": r"scored \d+ makers in ([\d.]+) s",
          "index": r"indexed \d+ search documents in ([\d.]+) s"}


def flask(instance: Path, *args: str) -> str:
    env = {**os.environ, "CRAFTREVIEW_INSTANCE": str(instance)}
    for name in ("DATABASE_URL", "CRAFTREVIEW_SEARCH_BACKEND", "CRAFTREVIEW_SEARCH_INDEX"):
        env.pop(name, None)  # the defaults a new user gets: SQLite and Whoosh under the instance
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "craftreview", *args], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, check=True)
    return done.stdout


def one_run(makers: int, reviews: int) -> dict[str, float | str]:
    instance = Path(tempfile.mkdtemp(prefix="craftreview-seed-bench-"))
    try:
        flask(instance, "migrate")
        started = time.perf_counter()
        out = flask(instance, "seed-demo", "--makers", str(makers), "--reviews", str(reviews))
        wall = time.perf_counter() - started
        check = flask(instance, "search", "check").strip().splitlines()[-1]
    finally:
        shutil.rmtree(instance, ignore_errors=True)
    result: dict[str, float | str] = {"wall": wall, "check": check}
    for phase, pattern in PHASES.items():
        result[phase] = float(re.search(pattern, out).group(1))
    return result


def write(runs: list[dict], makers: int, reviews: int) -> str:
    walls = [r["wall"] for r in runs]
    lines = [
        "# seed-demo benchmark", "",
        f"`python -m bench.seed` (part of `make bench`), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, SQLite + Whoosh (the defaults).", "",
        f"`flask seed-demo --makers {makers} --reviews {reviews}` on a fresh database, {len(runs)} run(s). "
        f"Target: under {TARGET_S:.0f} s.", "",
        "| run | seed data (s) | scoring (s) | search index (s) | whole command (s) | `search check` |",
        "|---|---|---|---|---|---|",
    ]
    for i, r in enumerate(runs, 1):
        lines.append(f"| {i} | {r['seed']:.1f} | {r['score']:.1f} | {r['index']:.1f} | {r['wall']:.1f} | {r['check']} |")
    verdict = "met" if max(walls) < TARGET_S else "MISSED"
    lines += ["", f"Median {median(walls):.1f} s, worst {max(walls):.1f} s: target {verdict}. "
              f"Peak resident memory of any one process: {peak_rss_mb():.0f} MB "
              "(the rebuild's workers; see SEARCH_REBUILD_WORKER_MB).", ""]
    text = "\n".join(lines)
    RESULTS.write_text(text)
    return text


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--makers", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    args = parser.parse_args()
    runs = []
    for i in range(args.runs):
        runs.append(one_run(args.makers, args.reviews))
        print(f"run {i + 1}: {runs[-1]}", flush=True)
    print(write(runs, args.makers, args.reviews))


if __name__ == "__main__":
    main()
