"""`python -m bench.search.relevance`: the judged query set on both backends, into RESULTS.md.

A small demo world (seeded once into bench/search/work and a `judged` schema of the PostgreSQL
test database) is indexed by each backend; every query runs on both tabs; judge.py grades."""
from __future__ import annotations

import os
import statistics
from pathlib import Path

from sqlalchemy import text

from craftreview import create_app, search
from craftreview.db import make_engine, make_session_factory, read_snapshot, write_transaction
from craftreview.demo.seed import seed_demo
from craftreview.migrate import upgrade
from craftreview.search.documents import iter_all_docs
from craftreview.search.query import request_from_args
from craftreview.services import scores
from craftreview.web.context import session_factory

from . import report
from .corpus import NOW, WORK
from .judge import Text, grade, metrics
from .judged_queries import build

MAKERS, REVIEWS, SEED = 600, 6_000, 7
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
PG = os.environ.get("CRAFTREVIEW_TEST_POSTGRES_URL")
START, END = "<!-- judged set: start -->", "<!-- judged set: end -->"


def _urls() -> list[tuple[str, str]]:
    urls = [("whoosh", f"sqlite:///{WORK / 'judged.db'}")]
    if PG:
        engine = make_engine(PG)
        with engine.begin() as conn:
            conn.execute(text("CREATE SCHEMA IF NOT EXISTS judged"))
        engine.dispose()
        urls.append(("postgres", PG + "?options=-csearch_path%3Djudged,public"))
    return urls


def ensure_world(url: str) -> None:
    """Seed and score the small world unless it is there."""
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        if conn.execute(text("SELECT count(*) FROM reviews")).scalar_one():
            return
    seed_demo(engine, makers=MAKERS, reviews=REVIEWS, seed=SEED, now=NOW)
    scores.forget_fitted_models()
    with make_session_factory(engine)() as session, write_transaction(session):
        scores.rescore_all(session, now=NOW)
    engine.dispose()


def judgements(engine, queries) -> dict[tuple[str, str], dict[str, int]]:
    """(query, kind) -> document key -> grade, from every document's text."""
    texts = []
    with read_snapshot(engine) as conn:
        for doc in iter_all_docs(conn):
            if doc.kind == "maker":
                bio = doc.body.split("\n", 1)[0]
                texts.append((doc, Text([doc.title, doc.craft_text, doc.location, bio], doc.craft), Text([doc.body], doc.craft)))
            else:
                texts.append((doc, Text([doc.title, doc.craft_text, doc.location, doc.body], doc.craft), None))
    out = {}
    for q in queries:
        for kind in ("maker", "review"):
            out[(q.text, kind)] = {d.key: g for d, own, more in texts if d.kind == kind and (g := grade(q, own, more))}
    return out


def run_pages(name: str, url: str, queries, see=None):
    """Rebuild, then each query's page-1 keys per tab (and `see(query, kind, page)` for each page),
    and the judge's grades."""
    index = WORK / f"judged-{name}"
    app = create_app({"ENV_NAME": "test", "DATABASE_URL": url, "SEARCH_BACKEND": name,
                      "SEARCH_INDEX_DIR": str(index), "INSTANCE_PATH": str(WORK)})
    search.rebuild(app)
    ranked = {}
    factory = session_factory(app)
    for q in queries:
        for tab, kind in (("makers", "maker"), ("reviews", "review")):
            with factory() as session:
                page = search.search(session, request_from_args({"q": q.text, "tab": tab}), app)
            ranked[(q.text, kind)] = [f"{kind[0]}:{i.review.id if i.review else i.maker.id}" for i in page.items]
            if see is not None:
                see(q, kind, page)
    grades = judgements(app.extensions["craftreview.engine"], queries)
    app.extensions["craftreview.engine"].dispose()
    return ranked, grades


def summarise(queries, ranked, grades):
    """Mean metrics per tab, and the (query, tab) pairs that found nothing relevant on top."""
    table, failures = {}, []
    for kind in ("maker", "review"):
        rows = [(q, metrics(ranked[(q.text, kind)], grades[(q.text, kind)])) for q in queries]
        rows = [(q, m) for q, m in rows if m is not None]
        table[kind] = {k: statistics.mean(m[k] for _q, m in rows) for k in ("mrr", "ndcg5", "recall10")}
        table[kind]["n"] = len(rows)
        failures += [f"{kind}s `{q.text}` ({q.family}): MRR {m['mrr']:.2f}" for q, m in rows if m["mrr"] < 0.5]
    return table, failures


def write(results: dict, queries) -> str:
    lines = [START, "## Relevance: judged query set", "",
             f"{len(queries)} queries ({', '.join(sorted({q.family for q in queries}))}), each run on both tabs over a "
             f"demo world of {MAKERS} makers / {REVIEWS:,} reviews (seed {SEED}). Relevant documents are graded by "
             "rules over their text (`bench/search/judge.py`: every concept in the document's own text = 2, in a "
             "maker's reviews or all but one concept = 1), with the judge's own stemmer and spelling map; "
             "`python -m bench.search.relevance` reruns it.", "",
             "| backend | tab | judged queries | MRR | nDCG@5 | recall@10 |", "|---|---|---|---|---|---|"]
    for name, (table, _f) in results.items():
        for kind, m in table.items():
            lines.append(f"| {name} | {kind}s | {m['n']} | {m['mrr']:.3f} | {m['ndcg5']:.3f} | {m['recall10']:.3f} |")
    for name, (_t, failures) in results.items():
        lines += ["", f"Queries whose first relevant result is below rank 2 on {name} ({len(failures)}): "
                  + ("; ".join(failures) if failures else "none") + "."]
    lines.append(END)
    return "\n".join(lines)


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    queries = build()
    results = {}
    for name, url in _urls():
        ensure_world(url)
        ranked, grades = run_pages(name, url, queries)
        results[name] = summarise(queries, ranked, grades)
    section = write(results, queries)
    report.splice(RESULTS, START, END, section)
    print(section)


if __name__ == "__main__":
    main()
