"""Search (PostgreSQL): review documents' maker names, in a tsvector of their own.

A buyer typing a maker's name and a word on the reviews tab ("Marta walnut") found nothing: a review
document held its maker's craft and location, not the name. The name gets its own column rather
than a weight label in `tsv` (the four labels are the four fields, and a field clause such as
`text:marta` must not reach it): a clause matches a review's text or its maker's name, and the name
ranks below the review's own words (pg_sql.MAKER_NAME_WEIGHTS). A partial GIN index serves it, as
`tsv`'s do. The column starts empty (so writers of the code before it keep working during a rolling
deploy); documents get their maker's name when rewritten: run `flask search rebuild` after upgrading
(`search check` reports every document stale: documents.Doc gained `maker_name`).

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 00:00:00
"""
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the Whoosh backend keeps its own files
    op.execute("ALTER TABLE search_documents ADD COLUMN maker_tsv tsvector NOT NULL DEFAULT ''")
    op.execute("CREATE INDEX ix_search_documents_review_maker_tsv ON search_documents USING gin (maker_tsv) "
               "WHERE kind = 'review'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_search_documents_review_maker_tsv")
    op.execute("ALTER TABLE search_documents DROP COLUMN maker_tsv")
