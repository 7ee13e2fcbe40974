"""Search (PostgreSQL): keep documents' tsvectors in the row, not in the TOAST table.

A maker document carries the words of all its reviews (a 2.6 kB row on average at 10,000 makers):
past PostgreSQL's default 2 kB threshold its tsvector was moved out of line, so ranking a broad word
over thousands of makers fetched each one from the TOAST table. With `toast_tuple_target` at its
largest, rows up to about 8 kB stay whole and uncompressed; larger ones are compressed in place
first (storage MAIN) and moved out only past a page. Rows already written keep their storage until
they are written again: `flask search rebuild` rewrites them all (until then searches work, only
slower).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 19:20:00
"""
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the Whoosh backend keeps its own files
    op.execute("ALTER TABLE search_documents SET (toast_tuple_target = 8160)")
    op.execute("ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE MAIN")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_documents RESET (toast_tuple_target)")
    op.execute("ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE EXTENDED")
