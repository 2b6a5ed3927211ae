"""register entry keys: a named unique index instead of a table constraint

Revision ID: 0015_register_key_index
Revises: 0014_roster_dates
"""

from alembic import op

revision = "0015_register_key_index"
down_revision = "0014_roster_dates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A first load of a state writes ~2M entries with random keys; an index can be dropped
    # and built once after that load, where SQLite keeps a table constraint for good.
    with op.batch_alter_table("register_entries") as batch_op:
        batch_op.drop_constraint("uq_register_entries_entry_key", type_="unique")
        batch_op.create_index("ux_register_entries_entry_key", ["entry_key"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("register_entries") as batch_op:
        batch_op.drop_index("ux_register_entries_entry_key")
        batch_op.create_unique_constraint("uq_register_entries_entry_key", ["entry_key"])
