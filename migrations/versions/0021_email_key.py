"""users.email_key: the one normalised form of an address (NFKC + casefold) that accounts are unique on.

Accounts used to be unique on the lower-cased address, so straße@x and strasse@x could be two accounts.
Existing rows get their key here; when two existing accounts share a key, the oldest keeps it and each
later one gets "<key>#<id>" (a form no address has): it still logs in with its exact stored address,
but it no longer matches invitations for the shared key. Such collisions are printed for the operators.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 10:00:00
"""
import sqlalchemy as sa
from alembic import op

from craftreview.emails import MAX_LENGTH, email_key

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_USERS = sa.table("users", sa.column("id", sa.Integer), sa.column("email", sa.String),
                  sa.column("email_key", sa.String))


def _keys(rows) -> list[dict]:
    """Each user's key; a key already taken (or too long for the column) is made unique with the id."""
    taken, keys = set(), []
    for user_id, email in rows:
        key = email_key(email)
        if key in taken or len(key) > MAX_LENGTH:
            print(f"0021: account {user_id} shares its address key with an older account; "
                  "it keeps logging in with its exact address but no longer matches invitations")
            key = f"{key[:MAX_LENGTH - 24]}#{user_id}"
        taken.add(key)
        keys.append({"user_id": user_id, "key": key})
    return keys


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("email_key", sa.String(length=254), nullable=True))
    bind = op.get_bind()
    keys = _keys(bind.execute(sa.select(_USERS.c.id, _USERS.c.email).order_by(_USERS.c.id)).all())
    if keys:
        bind.execute(_USERS.update().where(_USERS.c.id == sa.bindparam("user_id"))
                     .values(email_key=sa.bindparam("key")), keys)
    with op.batch_alter_table("users") as batch:
        batch.alter_column("email_key", existing_type=sa.String(length=254), nullable=False)
        batch.create_unique_constraint(op.f("uq_users_email_key"), ["email_key"])


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("uq_users_email_key"), type_="unique")
        batch.drop_column("email_key")
