"""Database backup and restore (SQLite online backup API; pg_dump/pg_restore) and a per-table digest."""
from __future__ import annotations

import hashlib

from sqlalchemy import Engine, MetaData, Table, inspect, select


def table_names(engine: Engine) -> list[str]:
    """Every table the database holds (not only the models': search tables too)."""
    return sorted(inspect(engine).get_table_names())


def table_digest(engine: Engine) -> dict[str, tuple[int, str]]:
    """Row count and a SHA-256 of the rows (ordered by every column) for each table."""
    digest = {}
    metadata = MetaData()
    with engine.connect() as conn:
        for name in table_names(engine):
            table = Table(name, metadata, autoload_with=conn)
            columns = list(table.columns)
            hasher, count = hashlib.sha256(), 0
            for row in conn.execute(select(*columns).order_by(*columns)):
                hasher.update(repr(tuple(_plain(v) for v in row)).encode())
                count += 1
            digest[name] = (count, hasher.hexdigest())
    return digest


def _plain(value):
    # The same stored value reads back as memoryview or bytes depending on the driver.
    return bytes(value) if isinstance(value, (memoryview, bytearray)) else value
