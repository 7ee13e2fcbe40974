"""RESULTS.md for the write bench: per target and source tree, submissions beside reads of the same run."""
from __future__ import annotations

import os
import platform
import time

NOTE = """Machine: 2 CPUs shared with the other engineers' test suites and browsers (load average in the
header, from `os.getloadavg()` at the end of the run), so absolute figures are inflated and noisy;
compare rows of one run only. Load is generated in the same process tree on the same CPUs: a client
thread per writer (`bench/writes/browser.py`, one connection per request), `bench/web/load.py` for
the reads. Each submission is a real browser's: GET the review form, POST it with its CSRF token
(the latency is the POST's; the GET is not counted but does load the workers). Writers log in
through the login form before the timed window; every client reviews makers no other client
reviews, as a fresh account, so there are no duplicate-review conflicts. "stored" is the number of
reviews in the database by that run's writers afterwards; it must equal the accepted (302) count.
"""


def _row(name: str, run) -> str:
    return (f"| {name} | {run.throughput:.1f} | {run.percentile(50):.0f} | {run.percentile(99):.0f} | "
            f"{len(run.latencies)} | {', '.join(f'{k}: {v}' for k, v in sorted(run.statuses.items()))} |")


def _section(result: dict) -> list[str]:
    lines = [f"### {result['target']} — {result['label']}", "",
             "| measured | per second | p50 ms | p99 ms | requests | statuses |", "|---|---:|---:|---:|---:|---|"]
    lines += [_row(name, run) for name, run in result["runs"]]
    lines += ["", f"Accepted submissions {result['accepted']}, stored {result['stored']}"
                  f" — {'all stored' if result['accepted'] == result['stored'] else 'MISMATCH'}.", ""]
    return lines


def _summary(results: list[dict]) -> list[str]:
    lines = ["| target | source tree | submissions/s | p50 ms | p99 ms | maker page req/s | hello-world req/s |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for r in results:
        runs = dict(r["runs"])
        writes, hello = runs["review submissions"], runs["hello-world route"]
        lines.append(f"| {r['target']} | {r['label']} | {writes.throughput:.1f} | {writes.percentile(50):.0f} | "
                     f"{writes.percentile(99):.0f} | {runs['maker page'].throughput:.1f} | {hello.throughput:.0f} |")
    return lines


def _ms(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.0f}" if ordered else "-"


def lock_summary(samples: dict[str, dict]) -> str:
    """One line: median write-lock time per tree."""
    return "; ".join(f"{label}: median {_ms(s['held'], 0.5)} ms of {_ms(s['total'], 0.5)} ms" for label, s in samples.items())


def _locks(locks: list[tuple[str, dict]]) -> list[str]:
    lines = ["## Write transaction held per submission (in-process, sequential)", "",
             "`bench/writes/locktime.py`: the time `submit_review` spends inside `write_transaction` (on SQLite",
             "the database's write lock, BEGIN IMMEDIATE to COMMIT) beside its whole time, probes of the trees",
             "alternating.", "",
             "| target | source tree | submissions | lock held p50 ms | p90 ms | whole submit_review p50 ms | p90 ms |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for target, samples in locks:
        for label, s in samples.items():
            lines.append(f"| {target} | {label} | {len(s['held'])} | {_ms(s['held'], 0.5)} | {_ms(s['held'], 0.9)} | "
                         f"{_ms(s['total'], 0.5)} | {_ms(s['total'], 0.9)} |")
    return lines + [""]


def render(results: list[dict], locks: list[tuple[str, dict]], args) -> str:
    """The whole RESULTS.md."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    command = (f"python -m bench.writes --seconds {args.seconds:g} --clients {args.clients}"
               + (f" --baseline {args.baseline}" if args.baseline else "") + (f" --tree {args.tree}" if args.tree else "")
               + (" --sqlite-only" if args.sqlite_only else ""))
    head = ["# Write benchmark", "",
            f"`{command}` (part of `make bench`), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"{os.cpu_count()} CPUs, load average {load}, Python {platform.python_version()}. "
            f"gunicorn with 2 sync workers on 127.0.0.1; {args.clients} concurrent writers; "
            f"world of {args.makers:,} makers / {args.reviews:,} reviews (plus earlier runs' writes).", "", NOTE,
            "## Summary", ""]
    body = ["", "## Details", ""]
    for result in results:
        body += _section(result)
    return "\n".join(head + _summary(results) + [""] + _locks(locks) + body)
