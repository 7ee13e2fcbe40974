"""The benchmark corpus: the demo world (10,000 makers, 100,000 reviews) in SQLite and PostgreSQL."""
from __future__ import annotations

import os
import re
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select, text

from craftreview.db import make_engine, make_session_factory, write_transaction
from craftreview.demo.seed import seed_demo
from craftreview.migrate import upgrade
from craftreview.models import Review
from craftreview.services import scores

WORK = Path(__file__).resolve().parent / "work"
MAKERS, REVIEWS, SEED = 10_000, 100_000, 7
NOW = datetime(2026, 11, 1, tzinfo=UTC)
SQLITE_URL = f"sqlite:///{WORK / 'bench.db'}"
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_DATABASE = "craftreview_search_bench"
# CRAFTREVIEW_BENCH_POSTGRES_URL puts the corpus elsewhere (a schema of one's own database:
# "...?options=-csearch_path%3Dsearchbench,public"); the schema is created when missing.
PG_URL = os.environ.get("CRAFTREVIEW_BENCH_POSTGRES_URL") or f"postgresql+psycopg://postgres@127.0.0.1:5432/{PG_DATABASE}"


def ensure_corpus(url: str, log) -> float | None:
    """Seed and score the demo world at `url` unless it is already there; returns seconds spent."""
    if url.startswith("postgresql"):
        _ensure_pg_database()
    if _review_count(url) == REVIEWS:
        log(f"corpus present at {url.split('@')[-1]}")
        upgrade(url)  # a corpus seeded by older code lacks the migrations since (a search column, an index)
        _vacuum(url)
        return None
    started = time.perf_counter()
    upgrade(url)
    engine = make_engine(url)
    report = seed_demo(engine, makers=MAKERS, reviews=REVIEWS, seed=SEED, now=NOW)
    log(f"seeded {report.summary()}")
    scores.forget_fitted_models()
    with make_session_factory(engine)() as session, write_transaction(session):
        scores.rescore_all(session, now=NOW)
    engine.dispose()
    _vacuum(url)
    return time.perf_counter() - started


def _vacuum(url: str) -> None:
    """VACUUM (ANALYZE) a PostgreSQL corpus, as autovacuum soon does on a server after a bulk load (on
    by default, but off on the machine this bench was written on, where the seeded tables stayed
    unvacuumed: no page marked all-visible, every scanned row checked). Quick when already done."""
    if not url.startswith("postgresql"):
        return
    engine = make_engine(url)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE)"))
    engine.dispose()


def _review_count(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(Review.__table__)).scalar_one()
    except Exception:  # noqa: BLE001 - no schema yet
        return 0
    finally:
        engine.dispose()


def _ensure_pg_database() -> None:
    schema = re.search(r"search_path%3D(\w+)", PG_URL)
    if schema:
        engine = make_engine(PG_URL.split("?")[0])
        with engine.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema.group(1)}"))
        engine.dispose()
        return
    engine = make_engine(PG_ADMIN_URL)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": PG_DATABASE}).first()
        if not exists:
            conn.execute(text(f"CREATE DATABASE {PG_DATABASE}"))
    engine.dispose()
