"""Where a review submission's time goes over HTTP: `python -m bench.writes.phases [--seconds S] [--clients N]`.

The same load as `python -m bench.writes` (N clients, each GETs the review form and POSTs it, against
gunicorn with 2 sync workers) on the working tree, served by `bench/writes/spans.py`'s profiled app:
every request logs its time in the worker (until its after-response work is done) and named spans
inside it. Prints, per request kind, the mean and median of each span, and the clients' latency beside
the workers' own time (the difference is time queued for a worker). Writes bench/writes/PHASES.md.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from craftreview.services.passwords import hash_password

from ..web import dataset, server
from .__main__ import PASSWORD, WORK, bench_accounts, log, write_load

PHASES = Path(__file__).resolve().parent / "PHASES.md"


def profile(target: dataset.Target, port: int, args, password_hash: str) -> tuple:
    """One profiled gunicorn run: the clients' Run and the workers' per-request records of the window."""
    emails, slugs = bench_accounts(target, args.clients, password_hash)
    path = WORK / "logs" / f"phases-{target.name}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with server.gunicorn(target, port, WORK / "logs", app="bench.writes.spans:profiled_app",
                         env={"BENCH_PHASES_LOG": str(path)}):
        opened = time.time()
        run = write_load(port, emails, slugs, args.seconds)
        time.sleep(2.0)  # the last drains
    records = [json.loads(line) for line in path.read_text().splitlines()]
    return run, [r for r in records if r["at"] >= opened and r["kind"] != "GET other" and r["kind"] != "POST other"]


def _ms(values: list[float], how) -> str:
    return f"{1000 * how(values):.0f}" if values else "-"


def _table(records: list[dict]) -> list[str]:
    lines = ["| request | span | requests with it | mean ms (all requests) | p50 ms (when present) | max ms |",
             "|---|---|---:|---:|---:|---:|"]
    for kind in sorted({r["kind"] for r in records}):
        mine = [r for r in records if r["kind"] == kind]
        rows = [("worker time (whole)", [r["total"] for r in mine]),
                ("response sent after", [r["sent"] for r in mine if "sent" in r])]
        names = sorted({n for r in mine for n in r["spans"]}, key=lambda n: -sum(r["spans"].get(n, 0) for r in mine))
        rows += [(n, [r["spans"][n] for r in mine if n in r["spans"]]) for n in names]
        for name, values in rows:
            lines.append(f"| {kind} | {name} | {len(values)} | {1000 * sum(values) / len(mine):.0f} | "
                         f"{_ms(values, statistics.median)} | {_ms(values, max)} |")
    return lines


def render(target: dataset.Target, run, records: list[dict], args) -> list[str]:
    """Markdown for one target."""
    posts = [r for r in records if r["kind"].startswith("POST")]
    busy = sum(r["total"] for r in records if r["kind"] != "drain thread")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return [f"## {target.name}", "",
            f"{args.clients} clients, {args.seconds:g} s, load average {load} at the end. Clients: "
            f"{run.throughput:.2f} submissions/s, POST p50 {run.percentile(50):.0f} ms, p99 {run.percentile(99):.0f} ms "
            f"({run.statuses}). Workers: POST p50 {_ms([r['total'] for r in posts], statistics.median)} ms of their own "
            f"time; the rest of the clients' latency is waiting for a free worker. Worker-seconds per accepted "
            f"submission (its GET and POST and their after-response work; not the drain thread): "
            f"{busy / max(1, run.statuses.get(302, 0)):.2f} s (2 workers).", ""] + _table(records) + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--port", type=int, default=5130, help="first port (one per target)")
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    password_hash, out = hash_password(PASSWORD), ["# Where a review submission's time goes (working tree)", "",
                                                   f"`python -m bench.writes.phases --seconds {args.seconds:g} "
                                                   f"--clients {args.clients}`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", ""]
    targets = dataset.targets(include_postgres=not args.sqlite_only, work=WORK, schema="bench_writes")
    for offset, target in enumerate(targets):
        dataset.ensure(target, 1_000, 10_000, log)
        run, records = profile(target, args.port + offset, args, password_hash)
        section = render(target, run, records, args)
        out += section
        print("\n".join(section), flush=True)
    PHASES.write_text("\n".join(out))
    log(f"wrote {PHASES}")


if __name__ == "__main__":
    main()
