"""Run Alembic migrations programmatically (used by `flask migrate` and `make run`)."""
from __future__ import annotations

from alembic import command
from alembic.config import Config

from .config import PROJECT_ROOT


def alembic_config(url: str) -> Config:
    """Alembic config for this project pointed at `url`."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at `url` up to `revision`."""
    command.upgrade(alembic_config(url), revision)


def current_revision(url: str) -> str | None:
    """The database's Alembic revision; None for a database without our schema (or no file yet)."""
    from alembic.runtime.migration import MigrationContext

    from .db import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def upgrade_and_describe(url: str) -> str:
    """Migrate to head and say what happened: created, migrated from one revision to another, or up to date."""
    before = current_revision(url)
    upgrade(url)
    after = current_revision(url)
    if before is None:
        return f"created a new database and migrated it to revision {after}"
    if before != after:
        return f"migrated the database from revision {before} to {after}"
    return f"database is up to date (revision {after})"


def head_revision() -> str:
    """The newest revision the migrations define."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("")).get_current_head()
