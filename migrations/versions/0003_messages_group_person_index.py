"""messages index by group and person

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Covers the Group health pass over every message (last message per author and group, the
    # window's counts): read from the index in group/person order, with no sort and no table
    # row visited.
    op.create_index(
        "ix_messages_group_person",
        "messages",
        ["group_id", "person_id", "ts", "kind", "is_noise"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_messages_group_person", table_name="messages")
