"""demo files: the sha256 of every file the dashboard's demo wrote

Revision ID: 0007_demo_files
Revises: 0006_roster_holds
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_demo_files"
down_revision = "0006_roster_holds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The demo's manifest: demo mode (the role switcher without a password) holds only while
    # every loaded file's hash is listed here.
    op.create_table(
        "demo_files",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("path", sa.String(500), nullable=False),
        sa.Column("written_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_demo_files")),
    )
    # The sign-in screen asks the audit log whether the demo was built or ended on every view.
    op.create_index(op.f("ix_audit_log_action"), "audit_log", ["action"])


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_log_action"), table_name="audit_log")
    op.drop_table("demo_files")
