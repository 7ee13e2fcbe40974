"""model_fits: stored global parameters of the scoring model (requests never fit).

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01 02:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "model_fits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("model_version", sa.String(length=40), nullable=False),
        sa.Column("fitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("n_signals", sa.Integer(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_fits")),
    )
    op.create_index("ix_model_fits_version_id", "model_fits", ["model_version", "id"])


def downgrade() -> None:
    op.drop_index("ix_model_fits_version_id", table_name="model_fits")
    op.drop_table("model_fits")
