"""spread: message fingerprints (no text) and the broadcast texts kept

Revision ID: 0011_spread
Revises: 0009_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_spread"
down_revision = "0009_sessions"
branch_labels = None
depends_on = None

MESSAGE_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    # Fingerprints keyed with the secret pepper: a message's text is never stored to make them.
    op.create_table(
        "message_prints",
        sa.Column("message_id", MESSAGE_ID, nullable=False),
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("ts", sa.DateTime, nullable=False),
        sa.Column("keyed_hash", sa.BigInteger, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("numbers", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_message_prints")),
    )
    op.create_index(op.f("ix_message_prints_keyed_hash"), "message_prints", ["keyed_hash"])
    # The README's one exception: texts seen in many groups (broadcasts) are kept.
    op.create_table(
        "broadcast_texts",
        sa.Column("keyed_hash", sa.BigInteger, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("groups", sa.Integer, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("keyed_hash", name=op.f("pk_broadcast_texts")),
    )


def downgrade() -> None:
    op.drop_table("broadcast_texts")
    op.drop_index(op.f("ix_message_prints_keyed_hash"), table_name="message_prints")
    op.drop_table("message_prints")
