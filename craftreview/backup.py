"""Database backup and restore (SQLite online backup API; pg_dump/pg_restore) and a per-table digest."""
from __future__ import annotations

import hashlib

from sqlalchemy import Engine, MetaData, select


def table_digest(engine: Engine, metadata: MetaData | None = None) -> dict[str, tuple[int, str]]:
    """Row count and a SHA-256 of the rows (ordered by every column) for each table.

    Pass a `metadata` reflected once (see reflect_tables) when digesting the same database repeatedly.
    """
    metadata = metadata or reflect_tables(engine)
    digest = {}
    with engine.connect() as conn:
        for name, table in sorted(metadata.tables.items()):
            columns = list(table.columns)
            # Key order where there is a key: not every column type can be sorted (json on PostgreSQL).
            order = list(table.primary_key.columns) or columns
            hasher, count = hashlib.sha256(), 0
            for row in conn.execute(select(*columns).order_by(*order)):
                hasher.update(repr(tuple(_plain(v) for v in row)).encode())
                count += 1
            digest[name] = (count, hasher.hexdigest())
    return digest


def reflect_tables(engine: Engine) -> MetaData:
    """Every table the database holds, reflected."""
    metadata = MetaData()
    metadata.reflect(bind=engine)
    return metadata


def _plain(value):
    # The same stored value reads back as memoryview or bytes depending on the driver.
    return bytes(value) if isinstance(value, (memoryview, bytearray)) else value
