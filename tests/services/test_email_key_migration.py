"""Migration 0021 gives existing accounts their email key; two old accounts sharing a key keep working."""
from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError

from craftreview.migrate import upgrade
from craftreview.models import User
from tests.conftest import MIGRATION_DATABASES, migrated_at

ROWS = [("strasse@example.com", "Older"), ("straße@example.com", "Newer"), ("ada@example.com", "Ada")]


def _fill_and_upgrade(engine, url: str) -> dict[str, str]:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO users (email, display_name, password_hash, is_moderator, is_suspended, "
                          "session_version, created_at) VALUES (:email, :name, 'x', false, false, 1, "
                          "CURRENT_TIMESTAMP)"), [{"email": e, "name": n} for e, n in ROWS])
    upgrade(url)
    with engine.connect() as conn:
        return dict(conn.execute(text("SELECT email, email_key FROM users")).all())


def _check(engine, url: str) -> None:
    keys = _fill_and_upgrade(engine, url)
    with engine.connect() as conn:
        newer_id = conn.scalar(select(User.id).where(User.email == "straße@example.com"))
    assert keys == {"strasse@example.com": "strasse@example.com",  # the oldest account keeps the shared key
                    "straße@example.com": f"strasse@example.com#{newer_id}", "ada@example.com": "ada@example.com"}
    with pytest.raises(IntegrityError), engine.begin() as conn:  # and it is unique from now on
        conn.execute(insert(User).values(email="other@example.com", display_name="Dup", password_hash="x",
                                         email_key="ada@example.com"))


@pytest.mark.parametrize("kind", MIGRATION_DATABASES)
def test_existing_accounts_get_their_key(kind, tmp_path):
    with migrated_at(kind, tmp_path, "email_key_migration", "0020") as (engine, url):
        _check(engine, url)
