"""story versions: every text a story had, each with who wrote it, when, and the guard's findings

Revision ID: 0008_story_versions
Revises: 0007_demo_files
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_story_versions"
down_revision = "0007_demo_files"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A story fixed before approval (a victim's name taken out) keeps each earlier text: the
    # cell can show what was sent up and what was changed, by whom.
    op.create_table(
        "story_versions",
        sa.Column("version_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("title_hi", sa.String(length=300), nullable=True),
        sa.Column("body_hi", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("guard_findings", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.story_id"], name=op.f("fk_story_versions_story_id_stories")
        ),
        sa.PrimaryKeyConstraint("version_id", name=op.f("pk_story_versions")),
        sa.UniqueConstraint("story_id", "version", name=op.f("uq_story_versions_story_id")),
    )


def downgrade() -> None:
    op.drop_table("story_versions")
