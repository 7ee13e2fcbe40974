"""`python -m bench.search.probe [SEED]`: the probe family (probes.py) on both backends, per shape and tab.

The same small world and judge as `bench.search.relevance`; prints per family and tab the mean and
median MRR, the worst query, nDCG@5, and what the page said for the behaviour queries (spelling
advice, corrections). Prints only: RESULTS.md records a dated summary by hand."""
from __future__ import annotations

import statistics
import sys

from .judge import metrics
from .judged_queries import JudgedQuery
from .probes import BEHAVIOUR, build
from .relevance import _urls, ensure_world, run_pages


def _notes(page) -> str:
    said = []
    if page.searched_for:
        said.append(f"searched for '{page.searched_for}'")
    if page.suggestion:
        said.append(f"suggested '{page.suggestion}'")
    if page.unknown:
        said.append(f"check spelling of {', '.join(page.unknown)}")
    if page.relaxed:
        said.append("partial")
    return "; ".join(said)


def family_table(queries, ranked, grades) -> list[tuple]:
    """(family, tab, judged, mean MRR, median MRR, nDCG@5, worst query, its MRR) rows."""
    rows = []
    for family in sorted({q.family for q in queries}):
        for kind in ("maker", "review"):
            scored = [(q, m) for q in queries if q.family == family
                      if (m := metrics(ranked[(q.text, kind)], grades[(q.text, kind)])) is not None]
            if not scored:
                continue
            mrrs = [m["mrr"] for _q, m in scored]
            worst_q, worst_m = min(scored, key=lambda pair: pair[1]["mrr"])
            rows.append((family, kind, len(scored), statistics.mean(mrrs), statistics.median(mrrs),
                         statistics.mean(m["ndcg5"] for _q, m in scored), worst_q.text, worst_m["mrr"]))
    return rows


def main() -> None:
    queries = build(int(sys.argv[1]) if len(sys.argv) > 1 else 11)
    behaviour = [JudgedQuery(text, "behaviour", ()) for text in BEHAVIOUR]
    print(f"{len(queries)} probe queries in {len({q.family for q in queries})} families")
    for name, url in _urls():
        ensure_world(url)
        said: dict[tuple[str, str], str] = {}
        ranked, grades = run_pages(name, url, queries + behaviour,
                                   lambda q, kind, page, said=said: said.__setitem__((q.text, kind), _notes(page)))
        print(f"\n## {name}\n| family | tab | judged | MRR mean | median | nDCG@5 | worst (MRR) |\n|---|---|---|---|---|---|---|")
        for family, kind, n, mean, median, ndcg, worst, worst_mrr in family_table(queries, ranked, grades):
            print(f"| {family} | {kind}s | {n} | {mean:.3f} | {median:.3f} | {ndcg:.3f} | `{worst}` ({worst_mrr:.2f}) |")
        overall = [m for q in queries for k in ("maker", "review")
                   if (m := metrics(ranked[(q.text, k)], grades[(q.text, k)])) is not None]
        print(f"| all | both | {len(overall)} | {statistics.mean(m['mrr'] for m in overall):.3f} | "
              f"{statistics.median(m['mrr'] for m in overall):.3f} | {statistics.mean(m['ndcg5'] for m in overall):.3f} | "
              f"{sum(m['mrr'] == 0 for m in overall)} with nothing relevant on page 1 |")
        failing = [f"{k}s `{q.text}` {metrics(ranked[(q.text, k)], grades[(q.text, k)])['mrr']:.2f} [{said[(q.text, k)]}]"
                   for q in queries for k in ("maker", "review")
                   if (m := metrics(ranked[(q.text, k)], grades[(q.text, k)])) is not None and m["mrr"] < 0.5]
        print(f"\nBelow rank 2 ({len(failing)}):", *failing, sep="\n  ")
        print("\nBehaviour:", *(f"{k}s `{q.text}`: {len(ranked[(q.text, k)])} shown; {said[(q.text, k)] or '-'}"
                                for q in behaviour for k in ("maker", "review")), sep="\n  ")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
