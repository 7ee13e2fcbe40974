"""Reference point: raw SQLite FTS5 (porter) over the same documents, without facets or blending."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from craftreview.db import make_engine
from craftreview.search.documents import iter_all_docs
from craftreview.search.query import Clause, ParsedQuery, parse_query

COLUMNS = ("title", "craft", "location", "body")


def build(url: str, path: Path) -> tuple[float, int]:
    """Build one FTS5 table per kind from the same documents; returns (seconds, bytes)."""
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite3.connect(path)
    for kind in ("maker", "review"):
        db.execute(f"CREATE VIRTUAL TABLE {kind} USING fts5({', '.join(COLUMNS)}, tokenize='porter unicode61')")
    engine = make_engine(url)
    with engine.connect() as conn:
        for doc in iter_all_docs(conn):
            db.execute(f"INSERT INTO {doc.kind} (rowid, title, craft, location, body) VALUES (?, ?, ?, ?, ?)",
                       (doc.entity_id, doc.title, doc.craft_text, doc.location, doc.body))
    db.commit()
    db.close()
    engine.dispose()
    return time.perf_counter() - started, path.stat().st_size


def match_expression(query: ParsedQuery) -> str | None:
    """The query in FTS5 syntax (None when there is nothing positive to match)."""
    positives = [_clause(c) for c in query.positives]
    if not positives:
        return None
    expr = " AND ".join(positives)
    negatives = [_clause(c) for c in query.negatives]
    return f"({expr}) NOT ({' OR '.join(negatives)})" if negatives else expr


def _clause(clause: Clause) -> str:
    quoted = '"' + " ".join(clause.words) + '"'
    return f"{clause.field} : {quoted}" if clause.field else quoted


def latencies(path: Path, queries: list[dict[str, str]]) -> list[float]:
    """Milliseconds per query: top 10 by bm25 with snippets, plus the total count."""
    db = sqlite3.connect(path)
    timings = []
    for args in queries:
        expr = match_expression(parse_query(args.get("q", "")))
        kind = "review" if args.get("tab") == "reviews" else "maker"
        started = time.perf_counter()
        if expr:
            db.execute(f"SELECT rowid, snippet({kind}, 3, '<mark>', '</mark>', '…', 24) FROM {kind} "
                       f"WHERE {kind} MATCH ? ORDER BY bm25({kind}, 4.0, 3.0, 2.0, 1.0) LIMIT 10", (expr,)).fetchall()
            db.execute(f"SELECT count(*) FROM {kind} WHERE {kind} MATCH ?", (expr,)).fetchone()
        timings.append((time.perf_counter() - started) * 1000)
    db.close()
    return timings


def timer(path: Path):
    """A function timing one query on the FTS5 file (opening it included, as a page opens its connection)."""
    def timed(args: dict[str, str]) -> float:
        return latencies(path, [args])[0]
    return timed
