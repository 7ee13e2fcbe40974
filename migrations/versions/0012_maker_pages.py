"""maker_pages: the maker page's shared parts, rendered after each write and stored; makers.page_revision.

Every write service that changes what a maker page shows bumps makers.page_revision in its
transaction; a stored copy is served only while its revision equals the maker's. Existing rows
start at revision 0 with nothing stored: `flask pages render` fills the table.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 13:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("makers", sa.Column("page_revision", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "maker_pages",
        sa.Column("maker_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("layout", sa.String(length=16), nullable=False),
        sa.Column("rendered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("parts", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["maker_id"], ["makers.id"], name=op.f("fk_maker_pages_maker_id_makers")),
        sa.PrimaryKeyConstraint("maker_id", name=op.f("pk_maker_pages")),
    )


def downgrade() -> None:
    op.drop_table("maker_pages")
    with op.batch_alter_table("makers") as batch:
        batch.drop_column("page_revision")
