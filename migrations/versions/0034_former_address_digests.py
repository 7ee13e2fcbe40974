"""former_address_digests: every address an account confirmed links its owner's next account, not only the last one.

Migration 0032 recorded, at a deletion that kept reviews, the keyed digest of the account's last confirmed address
(`users.former_address_digest`). A buyer who had changed their address before deleting and came back under the earlier
confirmed one got a second, full voice beside their kept reviews. A change of a confirmed address now records the
digest of the address it leaves, the deletion adds the last one, and the link looks through all of them
(services/voices.py). Each digest recorded before becomes one row here and the column goes; addresses changed before
this migration are not known (nothing recorded them).

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-07 21:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "former_address_digests",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_former_address_digests_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", "digest", name=op.f("pk_former_address_digests")),
    )
    op.create_index(op.f("ix_former_address_digests_digest"), "former_address_digests", ["digest"])
    op.execute("INSERT INTO former_address_digests (user_id, digest) "
               "SELECT id, former_address_digest FROM users WHERE former_address_digest IS NOT NULL")
    op.drop_index(op.f("ix_users_former_address_digest"), table_name="users")
    # In place, not through a batch (see 0032): SQLite (3.35 and later) drops an unindexed column without copying
    # "users", which the foreign keys pointing at it would refuse.
    op.drop_column("users", "former_address_digest")


def downgrade() -> None:
    # One digest per account fits the old column: a deleted account keeps the greatest of its digests (the others, and
    # those of live accounts, are lost: 0032 had nowhere to keep them).
    op.add_column("users", sa.Column("former_address_digest", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_users_former_address_digest"), "users", ["former_address_digest"])
    op.execute("UPDATE users SET former_address_digest = (SELECT max(f.digest) FROM former_address_digests f "
               "WHERE f.user_id = users.id) WHERE deleted_at IS NOT NULL")
    op.drop_index(op.f("ix_former_address_digests_digest"), table_name="former_address_digests")
    op.drop_table("former_address_digests")
