"""Search: a GIN index per document kind over a fixed sixteenth of its documents (PostgreSQL).

A broad match (more than facets.BROAD_ABOVE documents) is counted, and its facets grouped, from the
matches in this slice, scaled up: counting every match read each one's row (PostgreSQL 15.20 fetched
the heap page of every bitmap match even for count(*), every page all-visible), 11-25 ms for "set"
on the 100,000 reviews of the bench. The slice is the entity ids whose multiplicative hash falls in
its lowest sixteenth (pg_sql.SLICE_PREDICATE, which the queries repeat word for word so that the
planner matches it).
No rebuild is needed: the indexes are built here from the live table.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 00:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

KINDS = ("maker", "review")
# A copy, not an import: a migration keeps describing what it did when the code moves on.
SLICE_PREDICATE = "entity_id::bigint * 2654435761 % 4294967296 < 268435456"


def upgrade() -> None:
    # The Whoosh backend (SQLite deployments) counts from its own index: nothing to do there.
    if op.get_bind().dialect.name != "postgresql":
        return
    for kind in KINDS:
        op.create_index(f"ix_search_documents_{kind}_slice_tsv", "search_documents", ["tsv"],
                        postgresql_using="gin", postgresql_where=sa.text(f"kind = '{kind}' AND {SLICE_PREDICATE}"))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for kind in KINDS:
        op.drop_index(f"ix_search_documents_{kind}_slice_tsv", table_name="search_documents")
