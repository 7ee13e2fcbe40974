"""Migration 0026 gives review revisions a promised date: a verified review's earlier versions get the one its
order recorded (it could not change before), an unverified review's stay empty (theirs were not kept)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert, text

from craftreview.migrate import upgrade
from craftreview.models import Maker, User
from tests.conftest import MIGRATION_DATABASES, migrated_at

PROMISED = date(2026, 3, 14)
ORDER = ("INSERT INTO orders (id, maker_id, buyer_email, buyer_email_key, item, order_type, price_band, ordered_on, "
         "promised_by, token_hash, expires_at, created_at, used_at) VALUES (1, :maker, 'b@example.com', "
         "'b@example.com', 'A bowl', 'stock', '25-100', :ordered, :promised, :token, CURRENT_TIMESTAMP, "
         "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
REVIEW = ("INSERT INTO reviews (id, maker_id, author_id, order_id, craftsmanship, consistency, delivery, title, body, "
          "promised_by, created_at, updated_at, revision_count, helpful_count) VALUES (:id, :maker, :author, :order_id, "
          "4, 4, 4, 'A bowl', 'A lovely bowl, well made.', :promised, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 0)")
REVISION = ("INSERT INTO review_revisions (review_id, number, craftsmanship, consistency, delivery, title, body, "
            "written_at) VALUES (:review, 1, 3, 3, 3, 'A bowl', 'A bowl, first words.', CURRENT_TIMESTAMP)")


def _fill(engine) -> None:
    with engine.begin() as conn:
        users = [conn.execute(insert(User).values(email=f"u{n}@example.com", email_key=f"u{n}@example.com",
                                                  display_name=f"User {n}", password_hash="x")).inserted_primary_key[0]
                 for n in range(3)]
        maker = conn.execute(insert(Maker).values(owner_id=users[0], name="Oak", slug="oak",
                                                  craft="wood")).inserted_primary_key[0]
        conn.execute(text(ORDER), {"maker": maker, "ordered": date(2026, 3, 1), "promised": PROMISED,
                                   "token": "0" * 64})
        conn.execute(text(REVIEW), [{"id": 1, "maker": maker, "author": users[1], "order_id": 1, "promised": PROMISED},
                                    {"id": 2, "maker": maker, "author": users[2], "order_id": None,
                                     "promised": date(2026, 4, 1)}])
        conn.execute(text(REVISION), [{"review": 1}, {"review": 2}])


@pytest.mark.parametrize("kind", MIGRATION_DATABASES)
def test_a_verified_review_s_revisions_get_its_recorded_promise_and_an_unverified_one_s_none(kind, tmp_path):
    with migrated_at(kind, tmp_path, "revision_promise_migration", "0025") as (engine, url):
        _fill(engine)
        upgrade(url)
        with engine.connect() as conn:
            kept = dict(conn.execute(text("SELECT review_id, promised_by FROM review_revisions")).all())
        assert {review: value and date.fromisoformat(str(value)) for review, value in kept.items()} == {
            1: PROMISED, 2: None}
