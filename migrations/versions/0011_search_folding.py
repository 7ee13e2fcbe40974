"""Search: accent folding (unaccent + an immutable wrapper); documents stop carrying maker scores.

The tsvector is now built from craftreview_unaccent(text), and a maker's rank, standing and
overall score are joined from maker_scores at query time instead of being copied into every
document. Existing documents are stale after this: `flask search check` says so (their
fingerprints changed) and `flask search rebuild` rebuilds them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 02:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

DROPPED = ("rank", "quality", "overall")


def upgrade() -> None:
    # The Whoosh backend (SQLite deployments) folds accents in its analyzer: nothing to do there.
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")  # the wrapper names public.unaccent
    op.execute("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch")  # levenshtein() for spelling
    # unaccent() is STABLE; an index expression needs IMMUTABLE, with the dictionary named explicitly.
    op.execute("CREATE OR REPLACE FUNCTION craftreview_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE "
               "PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$")
    for column in DROPPED:
        op.drop_column("search_documents", column)
    # A maker document's spelling words, so that search_words counts documents exactly.
    op.add_column("search_documents", sa.Column("vocab", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_column("search_documents", "vocab")
    op.add_column("search_documents", sa.Column("overall", sa.Float()))
    op.add_column("search_documents", sa.Column("quality", sa.Float(), nullable=False, server_default="0"))
    op.add_column("search_documents", sa.Column("rank", sa.Float(), nullable=False, server_default="-1000000"))
    op.execute("DROP FUNCTION IF EXISTS craftreview_unaccent(text)")
