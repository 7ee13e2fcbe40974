"""A covering index for search's standing table: its change check and reload read only the index.

Each maker_scores row carries the maker's explanation (4-5 kB), so a scan of the score columns read
the whole table on every Whoosh search that filters or sorts by score: 18-47 ms on SQLite at 10,000
makers, 1.4-2 ms from the index. The index holds exactly the columns the check sums and the reload
reads (SQLite's rowid is the maker id; PostgreSQL searches join scores in their SQL and use no
standing table).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 22:20:00
"""
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

COLUMNS = ["computed_at", "review_count", "rank_score", "p_skilled", "overall", "tier"]


def upgrade() -> None:
    op.create_index("ix_maker_scores_standing", "maker_scores", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_maker_scores_standing", table_name="maker_scores")
