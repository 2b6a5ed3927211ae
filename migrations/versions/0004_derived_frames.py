"""derived frames: figures worked out once per data version

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The Response page's figures of every unit, stored by the ETL so a first page view reads a
    # few small frames instead of ~2M register entries.
    op.create_table(
        "derived_frames",
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("part", sa.String(40), nullable=False),
        sa.Column("data_version", sa.String(60), nullable=False),
        sa.Column("inputs_key", sa.String(300), nullable=False),
        sa.Column("built_at", sa.DateTime, nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("kind", "part", name=op.f("pk_derived_frames")),
    )


def downgrade() -> None:
    op.drop_table("derived_frames")
