"""Indexes for the browse and home listings: keyset pagination on score, reviews, on-time rate, newest.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 02:10:00
"""
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_maker_scores_rank_maker", "maker_scores", ["rank_score", "maker_id"]),
    ("ix_maker_scores_reviews_maker", "maker_scores", ["review_count", "maker_id"]),
    ("ix_maker_scores_on_time_maker", "maker_scores", ["on_time_rate", "maker_id"]),
    ("ix_makers_created_id", "makers", ["created_at", "id"]),
    ("ix_makers_location", "makers", ["location"]),
    ("ix_reviews_created_id", "reviews", ["created_at", "id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
