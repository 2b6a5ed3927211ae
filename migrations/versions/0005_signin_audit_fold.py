"""audit log: failed sign-ins folded per name and minute

Revision ID: 0005_signin_audit_fold
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_signin_audit_fold"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Anyone can reach the sign-in form: its failures are counted in one row per name and
    # minute (found by `fold_key`, counted in `times`) instead of one row each. Existing rows
    # are single events: times 1 and no fold key (NULLs never clash in a unique index).
    op.add_column(
        "audit_log", sa.Column("times", sa.Integer(), nullable=False, server_default="1")
    )
    op.add_column("audit_log", sa.Column("fold_key", sa.String(200), nullable=True))
    op.create_index("ix_audit_log_fold_key", "audit_log", ["fold_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_audit_log_fold_key", table_name="audit_log")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("fold_key")
        batch.drop_column("times")
