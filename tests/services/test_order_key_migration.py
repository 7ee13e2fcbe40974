"""Migration 0022 gives existing orders and outbox mail the email key of their address, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import insert, inspect, text
from sqlalchemy.exc import IntegrityError

from craftreview.migrate import upgrade
from craftreview.models import Maker, User
from tests.conftest import MIGRATION_DATABASES, migrated_at

# Addresses as older code may have stored them: another spelling, full-width capitals, mixed case.
ADDRESSES = {"straße@example.com": "strasse@example.com",
             "\uff33\uff34\uff32\uff21\uff33\uff33\uff25@example.com": "strasse@example.com",
             "Ada@Example.com": "ada@example.com"}
ORDER = ("INSERT INTO orders (maker_id, buyer_email, item, order_type, price_band, ordered_on, token_hash, "
         "expires_at, created_at) VALUES (:maker, :email, 'A bowl', 'stock', '25-100', CURRENT_DATE, :token, "
         "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
MAIL = ("INSERT INTO mail_outbox (to_email, subject, body, created_at) "
        "VALUES (:email, 'Hello', 'Hello', CURRENT_TIMESTAMP)")


def _fill(engine) -> None:
    with engine.begin() as conn:
        owner = conn.execute(insert(User).values(email="owner@example.com", display_name="Owner",
                                                 password_hash="x")).inserted_primary_key[0]
        maker = conn.execute(insert(Maker).values(owner_id=owner, name="Oak", slug="oak",
                                                  craft="wood")).inserted_primary_key[0]
        conn.execute(text(ORDER), [{"maker": maker, "email": e, "token": f"{n:064d}"} for n, e in enumerate(ADDRESSES)])
        conn.execute(text(MAIL), [{"email": e} for e in ADDRESSES])


def _check(engine, url: str) -> None:
    _fill(engine)
    upgrade(url)
    with engine.connect() as conn:
        assert dict(conn.execute(text("SELECT buyer_email, buyer_email_key FROM orders")).all()) == ADDRESSES
        assert dict(conn.execute(text("SELECT to_email, to_email_key FROM mail_outbox")).all()) == ADDRESSES
    for table, column in (("orders", "buyer_email_key"), ("mail_outbox", "to_email_key")):
        assert any(ix["column_names"] == [column] for ix in inspect(engine).get_indexes(table))
    with pytest.raises(IntegrityError), engine.begin() as conn:  # and it is required from now on
        conn.execute(text(MAIL), {"email": "new@example.com"})


@pytest.mark.parametrize("kind", MIGRATION_DATABASES)
def test_existing_orders_and_mail_get_their_key(kind, tmp_path):
    with migrated_at(kind, tmp_path, "order_key_migration", "0021") as (engine, url):
        _check(engine, url)
