"""maker_scores.unproven_reason and trusted_reviews: why a maker is unproven, and how much trusted evidence a claim rests on.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 02:15:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("maker_scores") as batch:
        batch.add_column(sa.Column("unproven_reason", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("trusted_reviews", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("maker_scores") as batch:
        batch.drop_column("trusted_reviews")
        batch.drop_column("unproven_reason")
