"""login_sessions: one row per browser's login, so "Log out" ends that browser's session alone.

Logging out bumped the account's session version, which ends every login of the account: leaving a shared computer
logged the owner out of their phone. A login id now also carries a random key whose SHA-256 is stored here; the login
authenticates while its row exists, and a logout deletes the row (a copied cookie stops working too). "Log out
everywhere", a new password, suspension and deletion still bump the version. Login ids issued before this migration
carry no key: everyone logs in again once.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-07 07:15:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("session_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_login_sessions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_sessions")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_login_sessions_key_hash")),
    )
    op.create_index(op.f("ix_login_sessions_user_id"), "login_sessions", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_login_sessions_user_id"), table_name="login_sessions")
    op.drop_table("login_sessions")
