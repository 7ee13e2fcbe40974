"""orders.buyer_email_key and mail_outbox.to_email_key: the email key (NFKC + casefold) of each address.

An order belongs to the account whose users.email_key (0021) is its buyer address's key, and erasing an
account deletes its mail under every spelling of its address; both used to compare the lower-cased
address, so an order for straße@x was missing from the export and erasure of the account strasse@x.
Existing rows get their key here (computed in Python: neither database has NFKC and casefold). A key
too long for the column (possible only for addresses recorded before 0021 checked keys) gets the form
"<key>#<id>" that no address has, as in 0021, and matches no account; such rows are printed.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 10:00:00
"""
import sqlalchemy as sa
from alembic import op

from craftreview.emails import MAX_LENGTH, email_key

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

KEYED = {"orders": ("buyer_email", "buyer_email_key"), "mail_outbox": ("to_email", "to_email_key")}


def _changed_keys(table: str, rows) -> list[dict]:
    """The key of each row whose key is not its stored address (most addresses are their own key)."""
    keys = []
    for row_id, address in rows:
        key = email_key(address)
        if len(key) > MAX_LENGTH:
            print(f"0022: {table} row {row_id}: the key of its address is too long; it matches no account")
            key = f"{key[:MAX_LENGTH - 24]}#{row_id}"
        if key != address:
            keys.append({"row_id": row_id, "key": key})
    return keys


def _backfill(table: str, address: str, key: str) -> None:
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column(address, sa.String), sa.column(key, sa.String))
    bind = op.get_bind()
    bind.execute(rows.update().values({key: rows.c[address]}))
    changed = _changed_keys(table, bind.execute(sa.select(rows.c.id, rows.c[address]).order_by(rows.c.id)).all())
    if changed:
        bind.execute(rows.update().where(rows.c.id == sa.bindparam("row_id")).values({key: sa.bindparam("key")}),
                     changed)


def upgrade() -> None:
    for table, (address, key) in KEYED.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column(key, sa.String(length=254), nullable=True))
        _backfill(table, address, key)
        with op.batch_alter_table(table) as batch:
            batch.alter_column(key, existing_type=sa.String(length=254), nullable=False)
            batch.create_index(op.f(f"ix_{table}_{key}"), [key], unique=False)


def downgrade() -> None:
    for table, (_address, key) in KEYED.items():
        with op.batch_alter_table(table) as batch:
            batch.drop_index(op.f(f"ix_{table}_{key}"))
            batch.drop_column(key)
