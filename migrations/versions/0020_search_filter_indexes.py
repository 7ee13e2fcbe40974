"""Search (PostgreSQL): btree indexes on the craft, city and country of each kind's documents.

A broad word with a craft or place filter read every match from the heap and dropped nearly all of
them: 'craft:candles order' on reviews (verified, 1-2 stars for delivery) read 53,613 matching rows
to keep 189, 18 ms; with an index on the craft the planner intersects it with the word's GIN entries
or reads only the craft's rows, 6 ms. Partial per kind, as the GIN indexes are, so no index can serve
as one on the kind alone (which once made the planner test every maker document's tsvector).
And an index on the maker of each review document: a maker result's snippet is picked from the
maker's reviews that match the query, read through it (pg_sql.snippet_texts_sql: 3 ms a page of
makers with 100+ reviews each, where lower-casing and scanning every review's text took 7 ms).
`flask search rebuild` builds the same indexes on its new table.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 10:30:00
"""
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

KINDS = ("maker", "review")
COLUMNS = ("craft", "city", "country")


INDEXED = [*((kind, column) for kind in KINDS for column in COLUMNS), ("review", "maker_id")]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the Whoosh backend keeps its own files
    for kind, column in INDEXED:
        op.execute(f"CREATE INDEX ix_search_documents_{kind}_{column} ON search_documents ({column}) "
                   f"WHERE kind = '{kind}'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for kind, column in INDEXED:
        op.execute(f"DROP INDEX ix_search_documents_{kind}_{column}")
