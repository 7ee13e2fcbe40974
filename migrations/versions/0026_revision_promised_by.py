"""Review revisions keep the promised date: a verified review's buyer now states it.

A verified review's promised date was the maker's record and could not change, so a revision had no need to keep
it. The buyer now states the date they were promised (the maker's record is the default), and may correct it in an
edit; the version before the edit keeps the date it gave. Revisions of verified reviews written before this kept
the maker's recorded date, which is the review's own, so they get it. Those of unverified reviews stay empty: their
earlier dates were not kept, and the history shows no date rather than a guessed one.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06 13:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("review_revisions", sa.Column("promised_by", sa.Date(), nullable=True))
    op.execute("UPDATE review_revisions SET promised_by = (SELECT reviews.promised_by FROM reviews "
               "WHERE reviews.id = review_revisions.review_id AND reviews.order_id IS NOT NULL)")


def downgrade() -> None:
    with op.batch_alter_table("review_revisions") as batch:
        batch.drop_column("promised_by")
