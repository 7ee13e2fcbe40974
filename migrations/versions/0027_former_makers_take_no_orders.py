"""A deleted account's maker profile takes no orders: it no longer says "Takes custom orders" with a lead time.

Deleting an account kept its maker profile as "Former maker" (its reviews are about the work) but left its custom
order flag and lead time, so the listing's "Takes custom orders" filter and the profile still offered orders from a
maker who had left. Deletion now clears both (account_data._anonymise_maker); profiles deleted before this get the
same.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06 19:55:00
"""
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE makers SET accepts_custom = false, lead_time_days = NULL WHERE owner_id IN "
               "(SELECT id FROM users WHERE deleted_at IS NOT NULL)")


def downgrade() -> None:
    pass  # what the profiles offered before is not kept; nothing to put back
