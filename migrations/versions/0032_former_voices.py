"""users: one buyer keeps one voice per maker across a deleted account and the next one.

A buyer who deleted their account keeping their reviews, then registered again with the same address, reviewed the
same maker again with a second full voice in the scoring model. A deletion that keeps reviews now records a keyed
digest of the account's confirmed address (`former_address_digest`, never the address); an account that later
confirms that address points at the deleted one (`earlier_account_id`), and the model reads both as one reviewer
(services/voices.py). Accounts deleted before this migration recorded nothing: their owners' new accounts keep their
own voice.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-07 15:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place, not through a batch: on SQLite a batch copies and drops "users", which the foreign keys of every
    # table pointing at it refuse once any row does. SQLite adds a column with its reference in one statement (the
    # constraint then has no name there); PostgreSQL adds the named constraint after the column.
    op.add_column("users", sa.Column("former_address_digest", sa.String(length=64), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE users ADD COLUMN earlier_account_id INTEGER REFERENCES users (id)")
    else:
        op.add_column("users", sa.Column("earlier_account_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_users_earlier_account_id_users"), "users", "users", ["earlier_account_id"], ["id"])
    op.create_index(op.f("ix_users_former_address_digest"), "users", ["former_address_digest"])


def downgrade() -> None:
    op.drop_index(op.f("ix_users_former_address_digest"), table_name="users")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f("fk_users_earlier_account_id_users"), "users", type_="foreignkey")
    with op.batch_alter_table("users") as batch:  # on SQLite the table is copied without the two columns
        batch.drop_column("earlier_account_id")
        batch.drop_column("former_address_digest")
