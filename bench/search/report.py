"""RESULTS.md from the measured figures."""
from __future__ import annotations

import platform
import re
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

TARGET_P95_MS = {"whoosh": 50.0, "postgres": 25.0}
TARGET_REBUILD_S = 120.0
ANALYSIS = """## What bounds the figures

Profiles and the changes behind these figures are in the dated sections below (newest last).

- **Whoosh** is pure Python. A word's or phrase's first read in a worker comes from the segment's
  postings file (memory-mapped, numpy), the facet, sort and filter columns are arrays read once per
  worker (`search.warm` at worker start), so the pages left slow are the ones that score thousands of
  matches in the interpreter or read stored fields for many candidates.
- **PostgreSQL**: GIN finds the matches but not their order, so a page reads every match's row to rank
  it (`ts_rank`), count it and group its facets (over a sample above 2,500 matches). The pages at the
  95th percentile are best-partial-match pages with a `location:` clause and a hyphenated word (3-10 ms
  counting clauses no stored count answers, then ranking every document matching some clause),
  makers-tab words found in 4,000-6,000 maker documents (a maker row holds the words of all its
  reviews: 15-25 ms) and reviews-tab AND queries of two broad words (7,000-11,000 matches, 20-30 ms);
  an average page also spends about 9 ms in Python (200 candidates with their makers' standings,
  rows, snippets), partly overlapped with the server. FTS5 here only ranks the top 10 and counts (no
  facets, filters, blend).
- **Rebuild**: Whoosh analyses and writes postings in Python (two worker processes, one segment each);
  PostgreSQL builds the tsvectors in the server and indexes in bulk.
- **Single-review update**: one commit rewrites the review's document and its maker's (all the maker's
  review text); the figure is the commit plus one drain applying it.
"""


@dataclass
class BackendResult:
    name: str
    documents: int
    build_s: float
    rebuild_wall_s: float
    size_bytes: int
    query_ms: list[float]
    empty_pages: int
    update_ms: list[float]
    slowest: list[tuple[float, str]] = field(default_factory=list)


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def _lat(values: list[float]) -> str:
    return f"{pct(values, 50):.1f} / {pct(values, 95):.1f} / {pct(values, 99):.1f}"


def _rows(results: list[BackendResult], fts: dict, queries: int) -> list[list[str]]:
    return [
        ["documents indexed", *(f"{r.documents:,}" for r in results), f"{fts['documents']:,}"],
        ["index build (s)", *(f"{r.build_s:.1f}" for r in results), f"{fts['build_s']:.1f}"],
        ["`flask search rebuild` wall time (s)", *(f"{r.rebuild_wall_s:.1f}" for r in results), "–"],
        ["index size (MB)", *(f"{r.size_bytes / 1e6:.0f}" for r in results), f"{fts['size'] / 1e6:.0f}"],
        [f"search page p50 / p95 / p99 (ms, {queries} queries)", *(_lat(r.query_ms) for r in results),
         _lat(fts["query_ms"])],
        ["pages with no results", *(str(r.empty_pages) for r in results), "–"],
        ["single-review update, commit → searchable p50 / p95 (ms)",
         *(f"{pct(r.update_ms, 50):.0f} / {pct(r.update_ms, 95):.0f}" for r in results), "–"],
    ]


RUN_START, RUN_END = "<!-- bench run: start -->", "<!-- bench run: end -->"


def splice(path: Path, start: str, end: str, section: str, at_top: bool = False) -> None:
    """Replace the text between the markers start and end (which `section` carries) in `path`, or put the
    section at the top or the end when the markers are not there yet; the rest of the file is kept."""
    current = path.read_text() if path.exists() else ""
    if start in current and end in current:
        pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
        path.write_text(pattern.sub(lambda _m: section, current, count=1))
    elif at_top:
        path.write_text(section + "\n\n" + current.lstrip())
    else:
        path.write_text(current.rstrip() + "\n\n" + section + "\n")


def write(path: Path, results: list[BackendResult], fts: dict, queries: int, seconds: float) -> str:
    """Write the results table, target verdicts and the slowest pages at the top of RESULTS.md (the
    sections of earlier runs below it are kept); returns the markdown."""
    head = ["", *(r.name for r in results), "SQLite FTS5 (raw reference)"]
    rows = _rows(results, fts, queries)
    lines = [
        RUN_START, "# Search benchmark", "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"Python {platform.python_version()}, total bench time {seconds / 60:.1f} min. "
        "Corpus: the demo world, 10,000 makers and 100,000 reviews (`craftreview.demo`, seed 7).", "",
        "| " + " | ".join(head) + " |", "|" + "---|" * len(head),
        *("| " + " | ".join(r) + " |" for r in rows), "",
        "Search page = `craftreview.search.search()`: query, both tab counts, facet counts, blended ranking,",
        "result rows from the database and highlighted snippets; template rendering excluded.",
        "FTS5 row: top 10 by bm25 with `snippet()` plus a count, no facets, filters or blending.",
        "The three take turns page by page after both indexes are built (and each app warmed as a gunicorn",
        "worker is), so a noisy machine slows them alike: compare the backends with the FTS5 of the same run.", "",
        "## Targets", "",
        *(_verdicts(results)), "",
        "## Slowest queries", "",
        *(f"- {r.name}: " + "; ".join(f"{ms:.0f} ms `{q}`" for ms, q in r.slowest) for r in results),
        "", ANALYSIS.rstrip(), RUN_END,
    ]
    text = "\n".join(lines)
    splice(path, RUN_START, RUN_END, text, at_top=True)
    return text


def _verdicts(results: list[BackendResult]) -> list[str]:
    out = []
    for r in results:
        p95 = pct(r.query_ms, 95)
        target = TARGET_P95_MS[r.name]
        out.append(f"- {r.name} search page p95 {p95:.1f} ms vs target {target:.0f} ms: "
                   f"{'met' if p95 < target else 'MISSED'}.")
        out.append(f"- {r.name} rebuild {r.rebuild_wall_s:.0f} s vs target {TARGET_REBUILD_S:.0f} s: "
                   f"{'met' if r.rebuild_wall_s < TARGET_REBUILD_S else 'MISSED'}.")
        out.append(f"- {r.name} mean search page {statistics.fmean(r.query_ms):.1f} ms.")
    return out
