"""Migration 0002 builds exactly the search tables the PostgreSQL backend uses."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from craftreview.db import make_engine
from craftreview.migrate import upgrade
from craftreview.search.pg_backend import METADATA
from tests.conftest import migrated_postgres_schema

SCHEMA = "search_migration_check"


def _search_diff(engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(context, METADATA)
    # Only differences about the search tables; the app's own tables are another test's business.
    return [d for d in diffs if isinstance(d, tuple) and d[0].startswith("add_")
            or isinstance(d, list) or (isinstance(d, tuple) and d[0].startswith("modify"))]


def test_sqlite_migration_creates_no_search_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    upgrade(url)
    engine = make_engine(url)
    assert not [t for t in inspect(engine).get_table_names() if t.startswith("search_")]
    engine.dispose()


@pytest.mark.postgres
def test_postgres_migration_matches_the_backend_tables():
    with migrated_postgres_schema(SCHEMA) as engine:
        assert _search_diff(engine) == []
        assert {"search_documents", "search_words"} <= set(inspect(engine).get_table_names())
