"""RESULTS.md for the web bench: per target, pages beside hello-world; RSS; first vs warm writes."""
from __future__ import annotations

import os
import platform
import statistics
import time

TARGETS = {"maker page": (0.30, 30.0), "home /": (0.30, None), "browse /makers": (0.30, None)}
HELLO = ("hello-world route", "hello-world route (again)")
RSS_LIMIT_MB = 150.0


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def _verdict(label: str, ratio: float, p99: float) -> str:
    if label not in TARGETS:
        return ""
    min_ratio, max_p99 = TARGETS[label]
    ok = ratio >= min_ratio and (max_p99 is None or p99 <= max_p99)
    goal = f"≥ {min_ratio:.2f}×" + (f", p99 ≤ {max_p99:.0f} ms" if max_p99 else "")
    return f"{'meets' if ok else 'MISSES'} ({goal})"


def _pages_table(result: dict) -> list[str]:
    hello = statistics.mean(r.throughput for label, r in result["pages"] if label in HELLO)
    lines = ["| page | req/s | × hello-world | p50 ms | p99 ms | max ms | requests | statuses | target |",
             "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for label, r in result["pages"]:
        ratio = r.throughput / hello if hello else float("nan")
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r.statuses.items()))
        lines.append(f"| {label} | {r.throughput:.0f} | {ratio:.2f} | {r.percentile(50):.1f} | "
                     f"{r.percentile(99):.1f} | {r.percentile(100):.1f} | {len(r.latencies)} | {statuses} | "
                     f"{_verdict(label, ratio, r.percentile(99))} |")
    return lines


def _memory_and_writes(result: dict, writes: int) -> list[str]:
    warm, written = result["warm_writes"], result["rss_writes"]
    median = statistics.median(warm)
    firsts = ", ".join(f"{ms:.0f} ms (service {svc:.0f} ms)" for ms, svc in result["first_writes"].values())
    worst_first = max(ms for ms, _svc in result["first_writes"].values())
    rss_ok = max(result["rss_warm"] + written) <= RSS_LIMIT_MB
    return [
        f"* Worker RSS (VmRSS) after warm-up: {', '.join(f'{v:.0f} MB' for v in result['rss_warm'])}; "
        f"after {writes} writes: {', '.join(f'{v:.0f} MB' for v in written)} — "
        f"{'within' if rss_ok else 'OVER'} {RSS_LIMIT_MB:.0f} MB.",
        *_memory_detail(result),
        f"* First write served by each worker after start: {firsts}. Warm writes: median {median:.0f} ms, "
        f"p99 {_pct(warm, 99):.0f} ms, max {max(warm):.0f} ms (service time median "
        f"{statistics.median(result['warm_service']):.0f} ms). Worst first write = {worst_first / median:.1f}× "
        f"the warm median — {'within' if worst_first <= 2 * median else 'OVER'} 2×.",
    ]


def _memory_detail(result: dict) -> list[str]:
    """RSS split into the process's own memory and mapped files; the largest RSS seen during the writes."""
    if "memory_warm" not in result:
        return []

    def split(memory: list[dict]) -> str:
        return ", ".join(f"{m['RssAnon']:.0f} + {m['RssFile']:.0f}" for m in memory)

    def pss(memory: list[dict]) -> str:
        return ", ".join(f"{m.get('Pss', float('nan')):.0f}" for m in memory)
    return [f"  RssAnon + RssFile (own memory + mapped files and code) after warm-up: {split(result['memory_warm'])} MB; "
            f"after the writes: {split(result['memory_writes'])} MB; largest VmRSS between writes: "
            f"{', '.join(f'{v:.0f}' for v in result['rss_peak'])} MB.",
            f"  PSS (each shared page divided among the processes that map it) after warm-up: "
            f"{pss(result['memory_warm'])} MB; after the writes: {pss(result['memory_writes'])} MB."]


def render(results: list[dict], args) -> str:
    """The whole RESULTS.md."""
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        "# Web benchmark", "",
        f"`python -m bench.web --seconds {args.seconds:g} --writes {args.writes}` (part of `make bench`), {stamp}, "
        + (f"serving the source tree {getattr(args, 'root', None)}, " if getattr(args, "root", None) else "") +
        f"{os.cpu_count()} CPUs shared with other work, Python {platform.python_version()}.",
        "gunicorn, 2 sync workers on 127.0.0.1; load from `bench/web/load.py` (2 client threads, raw sockets, "
        "one connection per request, closed loop) in the same process tree and on the same 2 CPUs, so the "
        "client's own cost is in every figure, the hello-world reference's included. Each page is divided by "
        "the mean of the hello-world route measured first and last in the same run. Maker, score and review "
        "pages rotate over 3,000 random makers/reviews (the warm-up visits other ones, so no page is seen twice); "
        "the popular-makers row repeats 20 makers, as real traffic repeats popular ones; search rotates over "
        "12 queries.",
        "Writes go through `/bench/write` (bench/web/app.py): `submit_review` with scoring, audit, outbox and "
        "the index drain after the response, without the login/CSRF round trips. Each run adds its writes' "
        "reviews to the bench world (a few hundred on 100,000).", "",
    ]
    for result in results:
        lines += [f"## {result['target']} — {result['makers']:,} makers / {result['reviews']:,} reviews", ""]
        lines += _pages_table(result) + [""] + _memory_and_writes(result, args.writes)
        if "load" in result:
            lines.append("* Load average (1 min) when the pages were measured: "
                         + " → ".join(f"{v:.1f}" for v in result["load"]) + " (other work on the same 2 CPUs).")
        lines.append("")
    return "\n".join(lines) + "\n"
