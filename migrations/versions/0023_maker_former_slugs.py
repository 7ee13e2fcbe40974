"""maker_former_slugs: the addresses a maker profile used to have, so that old links keep reaching it.

A GET for a former address is redirected permanently to the profile's current one; the address stays
reserved for that maker (it may take it back) and is erased with the maker's account. Existing makers
start with none: addresses changed before this migration are not known.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05 12:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "maker_former_slugs",
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("maker_id", sa.Integer(), nullable=False),
        sa.Column("left_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["maker_id"], ["makers.id"], name=op.f("fk_maker_former_slugs_maker_id_makers")),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_maker_former_slugs")),
    )
    op.create_index(op.f("ix_maker_former_slugs_maker_id"), "maker_former_slugs", ["maker_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_maker_former_slugs_maker_id"), table_name="maker_former_slugs")
    op.drop_table("maker_former_slugs")
