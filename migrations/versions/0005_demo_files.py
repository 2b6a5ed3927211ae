"""demo files: the sha256 of every file the dashboard's demo wrote

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
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
