"""roster holds: a roster that would end most of a group waits for the data officer

Revision ID: 0006_roster_holds
Revises: 0005_signin_audit_fold
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_roster_holds"
down_revision = "0005_signin_audit_fold"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # rows_read = rows_loaded + rows_rejected + rows_held, per file and per run.
    with op.batch_alter_table("etl_files") as batch:
        batch.add_column(sa.Column("rows_held", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("etl_runs") as batch:
        batch.add_column(sa.Column("files_held", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("rows_held", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "roster_holds",
        sa.Column("hold_id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("file_id", sa.Integer, nullable=False),
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("open_before", sa.Integer, nullable=False),
        sa.Column("open_after", sa.Integer, nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("accepted_by", sa.String(100)),
        sa.Column("accepted_at", sa.DateTime),
        sa.ForeignKeyConstraint(
            ["file_id"], ["etl_files.file_id"], name=op.f("fk_roster_holds_file_id_etl_files")
        ),
        sa.PrimaryKeyConstraint("hold_id", name=op.f("pk_roster_holds")),
    )
    op.create_index(op.f("ix_roster_holds_file_id"), "roster_holds", ["file_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_roster_holds_file_id"), table_name="roster_holds")
    op.drop_table("roster_holds")
    with op.batch_alter_table("etl_runs") as batch:
        batch.drop_column("rows_held")
        batch.drop_column("files_held")
    with op.batch_alter_table("etl_files") as batch:
        batch.drop_column("rows_held")
