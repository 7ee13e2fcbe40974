"""Search (PostgreSQL): maker documents' spelling words in a table of their own.

The writer keeps each maker document's spelling words so that `search_words` counts documents
exactly when the document changes. Kept in the document row, they were 30% of a maker row (796 of
2,652 bytes on average at 10,000 makers), and every search of the makers tab read them from the
heap for nothing: its statements ran 13-23% faster on a copy of the maker rows without them.
The words move to `search_vocab` (key -> words); the column is dropped. PostgreSQL reclaims the
space of a dropped column only as rows are rewritten: `flask search rebuild` once after upgrading.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 04:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the Whoosh backend keeps its own files
    op.create_table("search_vocab", sa.Column("key", sa.String(24), primary_key=True),
                    sa.Column("words", sa.Text, nullable=False))
    op.execute("INSERT INTO search_vocab (key, words) SELECT key, vocab FROM search_documents WHERE kind = 'maker'")
    op.drop_column("search_documents", "vocab")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.add_column("search_documents", sa.Column("vocab", sa.Text, nullable=False, server_default=""))
    op.execute("UPDATE search_documents d SET vocab = v.words FROM search_vocab v WHERE v.key = d.key")
    op.drop_table("search_vocab")
