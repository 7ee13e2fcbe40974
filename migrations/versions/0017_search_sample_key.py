"""Search (PostgreSQL): each document's facet-sample hash as a column.

A broad match counts its facets over a sample: the documents whose creation second hashes below a
threshold (facets.sample_hash, the same integer on both backends). Computed in SQL for every match,
the hash was about a quarter of a broad page's statement (`set` on reviews, 26,000 matches: 48 -> 36
ms, best of five); stored with the document, the sample is one integer comparison per match. The
backfill computes the hash as facets.sample_hash does; new rows get it from the writer.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 04:00:00
"""
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# facets.HASH_INPUT, HASH_MULTIPLIER, HASH_RANGE as they were written: a migration keeps its own copy.
HASH = "floor(date_part('epoch', created))::bigint % 2147483648 * 2654435761 % 4294967296"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the Whoosh backend keeps its own files
    op.execute("ALTER TABLE search_documents ADD COLUMN sample_key bigint")
    op.execute(f"UPDATE search_documents SET sample_key = {HASH}")
    op.execute("ALTER TABLE search_documents ALTER COLUMN sample_key SET NOT NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_documents DROP COLUMN sample_key")
