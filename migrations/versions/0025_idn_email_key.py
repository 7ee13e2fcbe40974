"""Email keys read an internationalised domain in one form: idn@xn--bcher-kva.example = idn@bücher.example.

Keys made before this gave the two spellings of one domain (IDNA's ASCII "xn--" form and Unicode) different keys,
so an invitation recorded for one spelling was refused to the buyer whose account used the other. Every key of
users, orders and outbox mail is computed again here with `emails.email_key`; rows whose key does not change are not
touched.

Accounts are unique on their key. When two accounts now share one, the older keeps it and the later gets
"<key>#<id>", as 0021 did: it still logs in with its exact stored address but no longer matches invitations for the
shared key. Such accounts are printed for the operators. A key that 0021 or 0022 already gave that form is kept, and a
key that would not fit its column stays as it was.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 08:00:00
"""
import sqlalchemy as sa
from alembic import op

from craftreview.emails import MAX_LENGTH, email_key

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

KEYED = {"users": ("email", "email_key"), "orders": ("buyer_email", "buyer_email_key"),
         "mail_outbox": ("to_email", "to_email_key")}


def _table(name: str) -> sa.Table:
    address, key = KEYED[name]
    return sa.table(name, sa.column("id", sa.Integer), sa.column(address, sa.String), sa.column(key, sa.String))


def _new_key(row_id: int, address: str, stored: str) -> str:
    """The key the address has now; a key set aside with the row's id, or one too long for the column, stays."""
    key = email_key(address)
    return stored if stored.endswith(f"#{row_id}") or len(key) > MAX_LENGTH else key


def _account_keys(rows) -> dict[int, str]:
    """Each account's key, oldest first: a key an older account holds goes to a later one with its id."""
    taken, keys = set(), {}
    for row_id, address, stored in rows:
        key = _new_key(row_id, address, stored)
        if key in taken:
            print(f"0025: account {row_id} now shares its address key with an older account; "
                  "it keeps logging in with its exact address but no longer matches invitations")
            key = f"{key[:MAX_LENGTH - 24]}#{row_id}"
        taken.add(key)
        keys[row_id] = key
    return keys


def _rekey(name: str) -> None:
    table = _table(name)
    address, key = (table.c[column] for column in KEYED[name])
    bind = op.get_bind()
    rows = bind.execute(sa.select(table.c.id, address, key).order_by(table.c.id)).all()
    if name == "users":
        keys = _account_keys(rows)
    else:
        keys = {row_id: _new_key(row_id, value, stored) for row_id, value, stored in rows}
    changed = [{"row_id": row_id, "key": keys[row_id]} for row_id, _, stored in rows if keys[row_id] != stored]
    if not changed:
        return
    update = table.update().where(table.c.id == sa.bindparam("row_id")).values({key.name: sa.bindparam("key")})
    # Through a key no address has (no "@"), so that no row takes a key another still holds under the unique index.
    bind.execute(update, [{"row_id": c["row_id"], "key": f"0025#{c['row_id']}"} for c in changed])
    bind.execute(update, changed)


def upgrade() -> None:
    for name in KEYED:
        _rekey(name)


def downgrade() -> None:
    """Keys stay as 0025 left them: they are what the code of 0024 computes for every address but an internationalised
    domain's ASCII form, which that code then no longer finds by key (it still logs in by its exact address)."""
