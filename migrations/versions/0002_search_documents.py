"""PostgreSQL search tables: weighted tsvector documents (GIN) and the spelling vocabulary.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 21:20:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The Whoosh backend (SQLite deployments) keeps its index in files: nothing to create there.
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_table(
        "search_documents",
        sa.Column("key", sa.String(24), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("maker_id", sa.Integer(), nullable=False),
        sa.Column("craft", sa.String(20), nullable=False),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("country", sa.Text(), nullable=False),
        sa.Column("tier", sa.String(20), nullable=False),
        sa.Column("accepts_custom", sa.Boolean(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("score_bucket", sa.String(4), nullable=False),
        sa.Column("craftsmanship", sa.SmallInteger()),
        sa.Column("consistency", sa.SmallInteger()),
        sa.Column("delivery", sa.SmallInteger()),
        sa.Column("overall", sa.Float()),
        sa.Column("rank", sa.Float(), nullable=False),
        sa.Column("stars", sa.Float()),
        sa.Column("review_count", sa.Integer(), nullable=False),
        sa.Column("quality", sa.Float(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fp", sa.String(32), nullable=False),
        sa.Column("tsv", postgresql.TSVECTOR(), nullable=False),
    )
    op.create_index("ix_search_documents_tsv", "search_documents", ["tsv"], postgresql_using="gin")
    op.create_index("ix_search_documents_kind", "search_documents", ["kind"])
    op.create_table(
        "search_words",
        sa.Column("word", sa.Text(), primary_key=True),
        sa.Column("ndoc", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_table("search_words")
    op.drop_index("ix_search_documents_kind", table_name="search_documents")
    op.drop_index("ix_search_documents_tsv", table_name="search_documents")
    op.drop_table("search_documents")
