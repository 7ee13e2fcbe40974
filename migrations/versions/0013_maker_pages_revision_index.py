"""maker_pages.revision index: the listings' change stamp (count and sum of revisions) reads only the index.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 13:35:00
"""
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_maker_pages_revision"), "maker_pages", ["revision"])


def downgrade() -> None:
    op.drop_index(op.f("ix_maker_pages_revision"), table_name="maker_pages")
