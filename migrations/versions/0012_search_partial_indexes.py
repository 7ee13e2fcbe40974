"""Search: one GIN index per document kind instead of one over both, and none on kind alone.

Every search names its kind, and the maker documents are a tenth of the table: a query for makers
read the common words' entries of every review document too, then ANDed them with the kind index.
A partial index per kind holds only that kind's entries. `flask search rebuild` also writes each
kind's documents together on disk (a maker search no longer visits most of the table's pages);
until then the old layout works, only slower.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 13:15:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

KINDS = ("maker", "review")


def upgrade() -> None:
    # The Whoosh backend (SQLite deployments) keeps one index per kind already: nothing to do there.
    if op.get_bind().dialect.name != "postgresql":
        return
    for kind in KINDS:
        op.create_index(f"ix_search_documents_{kind}_tsv", "search_documents", ["tsv"], postgresql_using="gin",
                        postgresql_where=sa.text(f"kind = '{kind}'"))
    op.drop_index("ix_search_documents_tsv", table_name="search_documents")
    # An index on kind alone misled the planner: for a word in most maker documents it scanned every
    # maker by kind and tested (decompressed) each tsvector instead of using the word's index.
    op.drop_index("ix_search_documents_kind", table_name="search_documents")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_index("ix_search_documents_kind", "search_documents", ["kind"])
    op.create_index("ix_search_documents_tsv", "search_documents", ["tsv"], postgresql_using="gin")
    for kind in KINDS:
        op.drop_index(f"ix_search_documents_{kind}_tsv", table_name="search_documents")
