"""Migration 0034 turns each deleted account's recorded address digest into one row of former_address_digests, and a
new account confirming that address is still linked to it."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from craftreview.migrate import upgrade
from craftreview.models import User
from craftreview.services import voices
from tests.conftest import MIGRATION_DATABASES, migrated_at

RETURNING = "back.again@example.com"
DIGEST = voices.address_digest(Session(), RETURNING)  # a session made outside an app: the key scripts use
ROWS = [("deleted-1@deleted.invalid", "Former member", DIGEST, True),
        ("deleted-2@deleted.invalid", "Former member", None, True),
        ("live@example.com", "Live", None, False)]


def _fill(engine) -> dict[str, int]:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO users (email, email_key, display_name, password_hash, is_moderator, "
                          "is_suspended, session_version, created_at, deleted_at, former_address_digest) VALUES "
                          "(:email, :email, :name, 'x', false, false, 1, CURRENT_TIMESTAMP, "
                          "CASE WHEN :deleted THEN CURRENT_TIMESTAMP END, :digest)"),
                     [{"email": e, "name": n, "digest": d, "deleted": g} for e, n, d, g in ROWS])
        return dict(conn.execute(text("SELECT email, id FROM users")).all())


@pytest.mark.parametrize("kind", MIGRATION_DATABASES)
def test_the_recorded_digest_becomes_one_row_and_the_column_goes(kind, tmp_path):
    with migrated_at(kind, tmp_path, "former_digests_migration", "0033") as (engine, url):
        ids = _fill(engine)
        upgrade(url, "0034")
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT user_id, digest FROM former_address_digests")).all()
            users = conn.scalar(text("SELECT count(*) FROM users"))
        assert [tuple(r) for r in rows] == [(ids["deleted-1@deleted.invalid"], DIGEST)]
        assert users == len(ROWS)
        assert "former_address_digest" not in {c["name"] for c in inspect(engine).get_columns("users")}
        with Session(engine) as session:  # the address it recorded still links a new account to it
            newcomer = User(email=RETURNING, display_name="Back", password_hash="x")
            assert voices.link_earlier_account(session, newcomer) == ids["deleted-1@deleted.invalid"]
