"""chat memberships: spells from chat exports, incomplete exports, unverified phrases matched

Revision ID: 0012_chat_memberships
Revises: 0011_spread
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_chat_memberships"
down_revision = "0011_spread"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Spells are keyed by (group, person, first_seen): working them out again from the same
    # events writes the same rows.
    op.create_table(
        "chat_memberships",
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("person", sa.String(200), nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("person_id", sa.String(20)),
        sa.Column("joined_at", sa.DateTime, nullable=False),
        sa.Column("start_is_bound", sa.Boolean, nullable=False),
        sa.Column("joined_how", sa.String(30)),
        sa.Column("left_at", sa.DateTime),
        sa.Column("left_how", sa.String(30)),
        sa.Column("is_admin", sa.Boolean),
        sa.Column("last_seen", sa.DateTime, nullable=False),
        sa.Column("file_id", sa.Integer),
        sa.Column("source", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("group_id", "person", "first_seen", name="pk_chat_memberships"),
    )
    op.create_table(
        "chat_exports",
        sa.Column("file_id", sa.Integer, autoincrement=False, nullable=False),
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("incomplete", sa.Boolean, nullable=False),
        sa.Column("first_ts", sa.DateTime),
        sa.Column("last_ts", sa.DateTime),
        sa.PrimaryKeyConstraint("file_id", name=op.f("pk_chat_exports")),
    )
    op.create_index(op.f("ix_chat_exports_group_id"), "chat_exports", ["group_id"])
    # The phrase and its language with a count; never a line's text or a name.
    op.create_table(
        "chat_unverified",
        sa.Column("row_id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("file_id", sa.Integer, nullable=False),
        sa.Column("locale", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("event", sa.String(30)),
        sa.Column("phrase", sa.String(500), nullable=False),
        sa.Column("lines", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_chat_unverified")),
    )
    op.create_index(op.f("ix_chat_unverified_file_id"), "chat_unverified", ["file_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_chat_unverified_file_id"), table_name="chat_unverified")
    op.drop_table("chat_unverified")
    op.drop_index(op.f("ix_chat_exports_group_id"), table_name="chat_exports")
    op.drop_table("chat_exports")
    op.drop_table("chat_memberships")
