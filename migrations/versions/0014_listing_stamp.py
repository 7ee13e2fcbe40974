"""listing_stamp: one counter every write that touches a maker page raises at commit (the listings' key).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 13:35:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "listing_stamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listing_stamp")),
    )
    op.bulk_insert(table, [{"id": 1, "value": 0}])


def downgrade() -> None:
    op.drop_table("listing_stamp")
