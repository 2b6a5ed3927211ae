"""sessions: dashboard sessions kept on the server, named by a signed HttpOnly cookie

Revision ID: 0009_sessions
Revises: 0008_story_versions
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_sessions"
down_revision = "0008_story_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A reload or another replica finds the officer's session here; revoked on sign-out and
    # when the account is disabled.
    op.create_table(
        "sessions",
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("username", sa.String(60), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_seen_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
        sa.Column("claim_key", sa.String(64)),
        sa.Column("claim_until", sa.DateTime),
        sa.ForeignKeyConstraint(
            ["username"], ["users.username"], name=op.f("fk_sessions_username_users")
        ),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("claim_key", name=op.f("uq_sessions_claim_key")),
    )
    op.create_index(op.f("ix_sessions_username"), "sessions", ["username"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sessions_username"), table_name="sessions")
    op.drop_table("sessions")
