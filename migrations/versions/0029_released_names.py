"""released_names: a deleted maker's name and addresses are held back from other makers for a while.

Deleting an account erased its maker profile's name and addresses at once, so another account could open a shop under
the same name and at the same address the next minute: buyers following an old link or searching the old name met
the newcomer. The deletion now records a digest of each (never the text) with the date it is free again. Profiles
deleted before this migration hold nothing back.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-07 01:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "released_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("held_until", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_released_names")),
    )
    op.create_index(op.f("ix_released_names_digest"), "released_names", ["digest"])


def downgrade() -> None:
    op.drop_index(op.f("ix_released_names_digest"), table_name="released_names")
    op.drop_table("released_names")
