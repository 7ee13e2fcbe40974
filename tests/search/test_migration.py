"""Migration 0002 builds exactly the search tables the PostgreSQL backend uses."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from craftreview.db import make_engine
from craftreview.migrate import upgrade
from craftreview.search.pg_backend import METADATA, TOAST_TUPLE_TARGET, PostgresBackend
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


def _tsv_storage(engine) -> tuple[list[str] | None, str]:
    """The table's reloptions and the tsv column's storage ('m' = MAIN: compressed in the row first)."""
    with engine.connect() as conn:
        options = conn.execute(text("SELECT reloptions FROM pg_class WHERE oid = 'search_documents'::regclass")).scalar_one()
        storage = conn.execute(text("SELECT attstorage FROM pg_attribute WHERE attname = 'tsv' "
                                    "AND attrelid = 'search_documents'::regclass")).scalar_one()
    return options, storage


@pytest.mark.postgres
def test_tsvectors_stay_in_the_row_after_migration_and_after_a_rebuild():
    inline = ([f"toast_tuple_target={TOAST_TUPLE_TARGET}"], "m")
    with migrated_postgres_schema(SCHEMA) as engine:
        assert _tsv_storage(engine) == inline
        PostgresBackend(engine).rebuild(iter([]))  # the shadow table swapped in keeps the settings
        assert _tsv_storage(engine) == inline


@pytest.mark.postgres
def test_migrated_folding_joins_ukrainian_apostrophes_and_widens_half_width_kana():
    # Migration 0033's craftreview_unaccent is the backend's (pg_backend.UNACCENT_SQL), as the query folds (fold).
    from craftreview.search.folding import fold

    sample = "Мʼясо м'ясо м’ясо maker's ｶﾞﾗｽ ｺｯﾌﾟ ΟΔΟΣ كِتَاب café"
    with migrated_postgres_schema(SCHEMA) as engine, engine.connect() as conn:
        folded = conn.execute(text("SELECT craftreview_unaccent(:s)"), {"s": sample}).scalar_one()
    assert folded == fold(sample) == "Мясо мясо мясо maker's ガラス コップ ΟΔΟΣ كتاب cafe"
