"""`flask backup` / `flask restore`: a round trip gives back every row of every table and the same searches."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select, text

from craftreview import backup, search
from craftreview.backup import table_digest
from craftreview.models import Review, User
from craftreview.services.moderation import hide_review
from tests.search.helpers import names, review_titles, run

SEARCHES = ({"q": "walnut"}, {"q": "glaze", "tab": "reviews"}, {"q": "late delivery", "tab": "reviews"},
            {"q": "", "sort": "score"})


def _invoke(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def _ok(app, *args) -> str:
    result = _invoke(app, *args)
    assert result.exit_code == 0, result.output
    return result.output


def _refused(app, *args) -> str:
    """The command exits non-zero with a message, never a traceback."""
    result = _invoke(app, *args)
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), result.exception  # a ClickException, not a crash
    assert "Traceback" not in result.output
    return result.output


def _seed(app, db, makers=6, reviews=40) -> None:
    """A small demo world (reviews, replies, votes, flags, orders, scores) plus a moderation hide."""
    _ok(app, "seed-demo", "--makers", str(makers), "--reviews", str(reviews), "--seed", "3")
    moderator = db.scalar(select(User).where(User.is_moderator))
    review = db.scalars(select(Review).order_by(Review.id)).first()
    hide_review(db, moderator, review, "spam", note="Advert for another shop.")  # audit log, notifications
    search.drain(app)
    db.close()  # nothing of ours may hold a lock (PostgreSQL) the restore has to wait for


def _searches(app) -> list:
    return [(names(page), review_titles(page), page.totals) for page in (run(app, **args) for args in SEARCHES)]


def _alter(app, db, make_user) -> None:
    """Change searchable content, delete rows and add one, then bring the index up to date with that."""
    make_user("joined after the backup")
    db.close()
    with app.extensions["craftreview.engine"].begin() as conn:
        conn.execute(text("UPDATE makers SET name = 'Renamed After Backup'"))
        conn.execute(text("DELETE FROM helpful_votes"))
    search.rebuild(app)


def test_restore_gives_back_every_table_and_the_same_search_results(app, db, tmp_path, make_user):
    _seed(app, db)
    engine = app.extensions["craftreview.engine"]
    saved, found = table_digest(engine), _searches(app)
    assert saved["reviews"][0] == 40 and saved["replies"][0] and saved["flags"][0] and saved["audit_log"][0]
    assert any(titles for _names, titles, _totals in found)
    assert "backed up the database to" in _ok(app, "backup", str(tmp_path / "site.backup"))

    _alter(app, db, make_user)
    altered = table_digest(engine)
    assert altered != saved and _searches(app) != found  # the comparison below can fail

    assert "Aborted" in _refused(app, "restore", str(tmp_path / "site.backup"))  # no --force, no "y"
    assert table_digest(engine) == altered
    output = _ok(app, "restore", "--force", str(tmp_path / "site.backup"))
    assert "restored" in output and "rebuilt the search index" in output
    assert table_digest(engine) == saved
    assert _searches(app) == found
    assert search.check(app).ok


def test_restore_into_an_empty_database_asks_nothing(app, db, tmp_path):
    _seed(app, db, makers=3, reviews=10)
    engine = app.extensions["craftreview.engine"]
    saved = table_digest(engine)
    _ok(app, "backup", str(tmp_path / "site.backup"))
    with engine.begin() as conn:
        for table in reversed(backup.reflect_tables(engine).sorted_tables):
            conn.execute(table.delete())
    assert backup.rows_held(engine) == 0
    output = _ok(app, "restore", str(tmp_path / "site.backup"))
    assert "rebuilt the search index from the restored data" in output
    assert table_digest(engine) == saved


def _damaged(tmp_path, good):
    (tmp_path / "random.backup").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "truncated.backup").write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    (tmp_path / "empty.backup").write_bytes(b"")
    return {"missing": ("no backup file",), "random": ("not a craftreview backup",),
            "empty": ("not a craftreview backup",), "truncated": ("not a usable", "not a readable", "damaged")}


def test_a_missing_or_damaged_backup_is_refused_with_a_message(app, db, tmp_path):
    _seed(app, db, makers=2, reviews=4)
    engine = app.extensions["craftreview.engine"]
    _ok(app, "backup", str(tmp_path / "good.backup"))
    saved = table_digest(engine)
    for name, messages in _damaged(tmp_path, tmp_path / "good.backup").items():
        output = _refused(app, "restore", "--force", str(tmp_path / f"{name}.backup"))
        assert any(message in output for message in messages), output
    assert table_digest(engine) == saved


def test_backup_never_replaces_a_file_without_force(app, tmp_path):
    target = tmp_path / "site.backup"
    target.write_text("keep me")
    assert "already exists" in _refused(app, "backup", str(target))
    assert target.read_text() == "keep me"
    assert "backed up" in _ok(app, "backup", "--force", str(target))
    assert not (tmp_path / "site.backup.partial").exists()


def test_a_backup_of_the_other_database_kind_is_refused(app, tmp_path):
    url = app.config["DATABASE_URL"]
    other = tmp_path / "other.backup"
    other.write_bytes(b"PGDMP" + bytes(100) if url.startswith("sqlite") else backup.SQLITE_MAGIC + bytes(100))
    assert "restore it into a" in _refused(app, "restore", "--force", str(other))


@pytest.mark.parametrize("database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_missing_postgresql_tools_give_a_clear_message(app, tmp_path, monkeypatch):
    monkeypatch.setattr(backup.shutil, "which", lambda _name: None)
    output = _refused(app, "backup", str(tmp_path / "site.backup"))
    assert "pg_dump is not installed" in output and "postgresql-client" in output


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_sqlite_backup_runs_beside_an_open_write_transaction_and_copies_only_committed_rows(app, db, tmp_path,
                                                                                          make_user):
    make_user("committed")
    writer = sqlite3.connect(app.config["DATABASE_URL"].removeprefix("sqlite:///"), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # holds the write lock, as a request in the middle of a write does
        writer.execute("UPDATE users SET display_name = 'uncommitted'")
        _ok(app, "backup", str(tmp_path / "site.backup"))
        writer.execute("COMMIT")
    finally:
        writer.close()
    copy = sqlite3.connect(tmp_path / "site.backup")
    try:
        assert copy.execute("SELECT display_name FROM users").fetchall() == [("committed",)]
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
    finally:
        copy.close()
