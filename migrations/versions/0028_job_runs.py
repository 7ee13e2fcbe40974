"""job_runs: when a whole-site job last finished, so the ring-signals page can say how fresh its list is.

Each review write refreshes its maker's cheap ring signals, but the detectors that read the whole site run only in
`flask --app craftreview signals`, on the operators' schedule. Moderators could not tell whether that had run an hour
or a month ago. The command now records each run here (one row per job, overwritten). Existing sites start with no
row: the page says the check has not run yet until the next scheduled run.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06 22:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "job_runs",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_job_runs")),
    )


def downgrade() -> None:
    op.drop_table("job_runs")
