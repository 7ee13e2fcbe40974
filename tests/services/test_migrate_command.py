"""`flask migrate` says what it did: created a new database, migrated it, or found it up to date."""
from __future__ import annotations

from craftreview import create_app, migrate


def _migrate(url: str, tmp_path) -> str:
    app = create_app({"ENV_NAME": "test", "TESTING": True, "DATABASE_URL": url, "INSTANCE_PATH": str(tmp_path)})
    try:
        with app.app_context():
            result = app.test_cli_runner().invoke(args=["migrate"])
        assert result.exit_code == 0, result.output
        return result.output
    finally:
        app.extensions["craftreview.engine"].dispose()


def test_a_brand_new_database_is_reported_created_then_up_to_date(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert "created a new database and migrated it" in _migrate(url, tmp_path)
    again = _migrate(url, tmp_path)
    assert "database is up to date" in again and "created" not in again


def test_an_older_database_is_reported_migrated_from_its_revision(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate.upgrade(url, "0003")
    assert "migrated the database from revision 0003 to" in _migrate(url, tmp_path)
