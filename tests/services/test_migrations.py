"""Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from craftreview.config import postgres_test_url
from craftreview.db import make_engine
from craftreview.migrate import upgrade
from craftreview.models import Base


def _diff(engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return [d for d in compare_metadata(context, Base.metadata) if not _is_search_table(d)]


def _is_search_table(diff) -> bool:
    # Tables owned by the PostgreSQL search backend are created by their own migration
    # and are not part of the ORM metadata.
    if not (isinstance(diff, tuple) and diff[0] in {"remove_table", "remove_index"}):
        return False
    obj = diff[1]
    table = getattr(obj, "table", obj)
    return table.name.startswith("search_")


def test_migrations_match_models_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'migrated.db'}"
    upgrade(url)
    engine = make_engine(url)
    assert _diff(engine) == []
    assert "reviews" in inspect(engine).get_table_names()
    engine.dispose()


@pytest.mark.postgres
def test_migrations_match_models_on_postgres():
    url = postgres_test_url()
    if not url:
        pytest.skip("CRAFTREVIEW_TEST_POSTGRES_URL is not set")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS migration_check CASCADE"))
        conn.execute(text("CREATE SCHEMA migration_check"))
    schema_url = engine.url.update_query_dict({"options": "-csearch_path=migration_check"})
    rendered = schema_url.render_as_string(hide_password=False)
    try:
        upgrade(rendered)
        checked = make_engine(rendered)
        assert _diff(checked) == []
        checked.dispose()
    finally:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA migration_check CASCADE"))
        engine.dispose()
