"""Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from craftreview.db import make_engine
from craftreview.migrate import upgrade
from craftreview.models import Base
from tests.conftest import migrated_postgres_schema


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
    with migrated_postgres_schema("migration_check") as engine:
        assert _diff(engine) == []
