"""roster dates: per group, the date of the newest member list applied

Revision ID: 0014_roster_dates
Revises: 0013_spread_directives
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_roster_dates"
down_revision = "0013_spread_directives"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Left empty: the lists applied before it are read from the joins and exits they
    # recorded (sampark.queries.network.roster_as_of takes the later of the two).
    op.create_table(
        "roster_dates",
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("as_of", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("group_id", name=op.f("pk_roster_dates")),
    )


def downgrade() -> None:
    op.drop_table("roster_dates")
