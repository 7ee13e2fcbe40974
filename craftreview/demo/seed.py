"""Bulk-insert the generated demo world into an empty database with SQLAlchemy Core."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, Table, func, select, text

from craftreview.db import _IMMEDIATE  # the same BEGIN IMMEDIATE switch write_transaction uses
from craftreview.models import Base, as_utc, utcnow
from craftreview.services.passwords import hash_password

from .generator import WorldSpec, generate
from .world import BUYER_EMAIL, MAKER_EMAIL, MODERATOR_EMAIL

DEMO_PASSWORD = "demo-password-2026"
CHUNK_ROWS = 5_000
# Parents before children: a flush inserts every buffered table in this order.
TABLE_ORDER = ("users", "makers", "orders", "reviews", "replies", "helpful_votes", "flags")
SERIAL_TABLES = ("users", "makers", "orders", "reviews", "replies", "flags")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class DemoAccount:
    """A well-known login for trying the site."""

    email: str
    role: str
    password: str = DEMO_PASSWORD


DEMO_ACCOUNTS = (
    DemoAccount(BUYER_EMAIL, "buyer with a few reviews"),
    DemoAccount(MAKER_EMAIL, "maker owning a reviewed profile, some reviews unreplied"),
    DemoAccount(MODERATOR_EMAIL, "moderator; the flag queue has open flags"),
)


@dataclass(frozen=True)
class SeedReport:
    """Rows inserted per table, the demo logins, and how long it took."""

    users: int
    makers: int
    orders: int
    reviews: int
    replies: int
    helpful_votes: int
    flags: int
    seconds: float
    accounts: tuple[DemoAccount, ...] = DEMO_ACCOUNTS

    def summary(self) -> str:
        """One line such as '43 users, 2 makers, ... in 0.4 s'."""
        parts = ", ".join(f"{getattr(self, t)} {t.replace('_', ' ')}" for t in TABLE_ORDER)
        return f"{parts} in {self.seconds:.1f} s"

    def __str__(self) -> str:
        return self.summary()


def seed_demo(engine: Engine, *, makers: int = 40, reviews: int = 400, seed: int = 7,
              progress: Progress | None = None, now: datetime | None = None) -> SeedReport:
    """Fill an empty database with a demo world; raise ValueError if it already has users."""
    started = time.perf_counter()
    spec = WorldSpec(makers, reviews, seed, as_utc(now) or utcnow(), hash_password(DEMO_PASSWORD))
    counts = dict.fromkeys(TABLE_ORDER, 0)
    with engine.connect().execution_options(**{_IMMEDIATE: True}) as conn, conn.begin():
        # Checked inside the write transaction so two seeders cannot both see an empty database.
        if conn.execute(select(func.count()).select_from(_table("users"))).scalar_one():
            raise ValueError("the database already has users; seed-demo only fills an empty database")
        _insert_all(conn, generate(spec), counts, progress)
        _reset_sequences(conn)
    analyze(engine, TABLE_ORDER)
    return SeedReport(**counts, seconds=time.perf_counter() - started)


def analyze(engine: Engine, tables: Iterable[str] | None = None) -> None:
    """Give PostgreSQL's planner statistics for the rows just loaded (none until autovacuum gets to it).

    Without them it plans the scoring and per-write ring-signal queries for near-empty tables:
    on 100,000 reviews a maker's author counts took 4 s (a sequential scan in a nested loop)
    instead of 0.3 ms, on every review write until autovacuum ran.
    """
    if engine.dialect.name != "postgresql":
        return
    names = list(tables or Base.metadata.tables)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE " + ", ".join(names))


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _insert_all(conn: Connection, rows, counts: dict[str, int], progress: Progress | None) -> None:
    """Buffer rows per table and flush them in parent-first order every CHUNK_ROWS rows."""
    buffers: dict[str, list[dict]] = {name: [] for name in TABLE_ORDER}
    pending = 0
    for table, row in rows:
        buffers[table].append(row)
        pending += 1
        if pending >= CHUNK_ROWS:
            _flush(conn, buffers, counts, progress)
            pending = 0
    _flush(conn, buffers, counts, progress)


def _flush(conn: Connection, buffers: dict[str, list[dict]], counts: dict[str, int],
           progress: Progress | None) -> None:
    for name in TABLE_ORDER:
        if buffers[name]:
            conn.execute(_table(name).insert(), buffers[name])
            counts[name] += len(buffers[name])
            buffers[name].clear()
    if progress:
        progress(f"inserted {counts['reviews']} reviews, {counts['users']} users")


def _reset_sequences(conn: Connection) -> None:
    """Explicit ids bypass PostgreSQL sequences; move them past the seeded rows."""
    if conn.dialect.name != "postgresql":
        return
    for name in SERIAL_TABLES:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
        ))
