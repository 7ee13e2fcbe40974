"""maker_pages: each maker page's revision, and the page as an anonymous visitor sees it, rendered at a revision.

Every write service that changes what a maker page shows bumps maker_pages.revision in its
transaction (a row is created at the first bump); a stored copy is served only while its
rendered_revision equals revision and its layout stamp is the running code's. Existing makers start
with no row, so nothing stored: `flask pages render` fills the table.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 13:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "maker_pages",
        sa.Column("maker_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("rendered_revision", sa.Integer(), nullable=True),
        sa.Column("layout", sa.String(length=16), nullable=True),
        sa.Column("rendered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("document", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["maker_id"], ["makers.id"], name=op.f("fk_maker_pages_maker_id_makers")),
        sa.PrimaryKeyConstraint("maker_id", name=op.f("pk_maker_pages")),
    )


def downgrade() -> None:
    op.drop_table("maker_pages")
