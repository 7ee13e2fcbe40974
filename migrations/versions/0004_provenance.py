"""Provenance: flags remember the review revision they saw; ring signals for moderators.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 03:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("flags") as batch:
        batch.add_column(sa.Column("review_revision", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "ring_signals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("maker_id", sa.Integer(), nullable=True),
        sa.Column("strength", sa.Float(), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("evidence_json", sa.Text(), nullable=False),
        sa.Column("user_ids_json", sa.Text(), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["maker_id"], ["makers.id"], name="fk_ring_signals_maker_id_makers"),
        sa.PrimaryKeyConstraint("id", name="pk_ring_signals"),
    )
    op.create_index("ix_ring_signals_kind", "ring_signals", ["kind"])
    op.create_index("ix_ring_signals_maker_id", "ring_signals", ["maker_id"])
    op.create_table(
        "ring_signal_reviews",
        sa.Column("signal_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["signal_id"], ["ring_signals.id"], ondelete="CASCADE",
                                name="fk_ring_signal_reviews_signal_id_ring_signals"),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name="fk_ring_signal_reviews_review_id_reviews"),
        sa.PrimaryKeyConstraint("signal_id", "review_id", name="pk_ring_signal_reviews"),
    )
    op.create_index("ix_ring_signal_reviews_review_id", "ring_signal_reviews", ["review_id"])


def downgrade() -> None:
    op.drop_index("ix_ring_signal_reviews_review_id", table_name="ring_signal_reviews")
    op.drop_table("ring_signal_reviews")
    op.drop_index("ix_ring_signals_maker_id", table_name="ring_signals")
    op.drop_index("ix_ring_signals_kind", table_name="ring_signals")
    op.drop_table("ring_signals")
    with op.batch_alter_table("flags") as batch:
        batch.drop_column("review_revision")
