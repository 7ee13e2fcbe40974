"""Migration 0025 gives every stored address the key that reads an internationalised domain in one form, on SQLite
and PostgreSQL: the older of two accounts that now share a key keeps it, and keys set aside before stay."""
from __future__ import annotations

import pytest
from sqlalchemy import insert, text

from craftreview.migrate import upgrade
from craftreview.models import Maker, User
from tests.conftest import MIGRATION_DATABASES, migrated_at

ASCII_FORM, UNICODE_FORM = "ada@xn--bcher-kva.example", "ada@bücher.example"
# (address, the key code before 0025 stored, the key after 0025), in the order the accounts were made.
ACCOUNTS = [(ASCII_FORM, ASCII_FORM, UNICODE_FORM),
            (UNICODE_FORM, UNICODE_FORM, f"{UNICODE_FORM}#2"),  # the later of two spellings of one address
            ("bob@xn--bcher-kva.example", "bob@xn--bcher-kva.example", "bob@bücher.example"),
            ("plain@example.com", "plain@example.com", "plain@example.com"),
            ("cy@example.com", "cy@example.com#5", "cy@example.com#5")]  # set aside by 0021: stays
ORDER = ("INSERT INTO orders (maker_id, buyer_email, buyer_email_key, item, order_type, price_band, ordered_on, "
         "token_hash, expires_at, created_at) VALUES (:maker, :email, :email, 'A bowl', 'stock', '25-100', "
         "CURRENT_DATE, :token, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
MAIL = ("INSERT INTO mail_outbox (to_email, to_email_key, subject, body, created_at) "
        "VALUES (:email, :email, 'Hello', 'Hello', CURRENT_TIMESTAMP)")
KEYED = {ASCII_FORM: UNICODE_FORM, "z@example.com": "z@example.com", "z@xn--abc-.example": "z@xn--abc-.example"}


def _fill(engine) -> None:
    with engine.begin() as conn:
        ids = [conn.execute(insert(User).values(email=address, email_key=stored, display_name=f"User {n}",
                                                password_hash="x")).inserted_primary_key[0]
               for n, (address, stored, _) in enumerate(ACCOUNTS)]
        assert ids == [1, 2, 3, 4, 5]  # the keys above name them
        maker = conn.execute(insert(Maker).values(owner_id=ids[3], name="Oak", slug="oak",
                                                  craft="wood")).inserted_primary_key[0]
        conn.execute(text(ORDER), [{"maker": maker, "email": e, "token": f"{n:064d}"} for n, e in enumerate(KEYED)])
        conn.execute(text(MAIL), [{"email": e} for e in KEYED])


@pytest.mark.parametrize("kind", MIGRATION_DATABASES)
def test_stored_keys_read_both_forms_of_a_domain_as_one(kind, tmp_path):
    with migrated_at(kind, tmp_path, "idn_key_migration", "0024") as (engine, url):
        _fill(engine)
        upgrade(url)
        with engine.connect() as conn:
            users = conn.execute(text("SELECT email, email_key FROM users ORDER BY id")).all()
            orders = dict(conn.execute(text("SELECT buyer_email, buyer_email_key FROM orders")).all())
            mail = dict(conn.execute(text("SELECT to_email, to_email_key FROM mail_outbox")).all())
        assert [tuple(row) for row in users] == [(address, after) for address, _, after in ACCOUNTS]
        assert orders == KEYED and mail == KEYED
