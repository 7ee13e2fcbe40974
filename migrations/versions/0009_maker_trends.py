"""maker_trends: each maker's stored 24-month estimate history and tier probabilities (maker page charts).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 02:05:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "maker_trends",
        sa.Column("maker_id", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("trend_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["maker_id"], ["makers.id"], name=op.f("fk_maker_trends_maker_id_makers")),
        sa.PrimaryKeyConstraint("maker_id", name=op.f("pk_maker_trends")),
    )


def downgrade() -> None:
    op.drop_table("maker_trends")
