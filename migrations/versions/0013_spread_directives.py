"""spread: the directive register, the rumours with the cell's verdict, and the shingle count
a print needs to be compared

Revision ID: 0013_spread_directives
Revises: 0012_chat_memberships
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_spread_directives"
down_revision = "0012_chat_memberships"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "message_prints",
        sa.Column("shingles", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "directives",
        sa.Column("directive_id", sa.String(80), nullable=False),
        sa.Column("issued_at", sa.DateTime, nullable=False),
        sa.Column("issued_by", sa.String(200), nullable=False),
        sa.Column("title", sa.String(300)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("unit_id", sa.String(64)),
        sa.Column("file_id", sa.Integer),
        sa.PrimaryKeyConstraint("directive_id", name=op.f("pk_directives")),
    )
    op.create_table(
        "rumours",
        sa.Column("cluster", sa.BigInteger, nullable=False),
        sa.Column("first_ts", sa.DateTime, nullable=False),
        sa.Column("first_group_id", sa.String(64), nullable=False),
        sa.Column("groups_in_window", sa.Integer, nullable=False),
        sa.Column("districts_in_window", sa.Integer, nullable=False),
        sa.Column("groups", sa.Integer, nullable=False),
        sa.Column("districts", sa.Integer, nullable=False),
        sa.Column("last_ts", sa.DateTime, nullable=False),
        sa.Column("verdict", sa.String(20)),
        sa.Column("verdict_by", sa.String(200)),
        sa.Column("verdict_at", sa.DateTime),
        sa.Column("answer_directive_id", sa.String(80)),
        sa.Column("answer_cluster", sa.BigInteger),
        sa.Column("answer_by", sa.String(200)),
        sa.Column("answer_at", sa.DateTime),
        sa.PrimaryKeyConstraint("cluster", name=op.f("pk_rumours")),
    )


def downgrade() -> None:
    op.drop_table("rumours")
    op.drop_table("directives")
    with op.batch_alter_table("message_prints") as batch:
        batch.drop_column("shingles")
