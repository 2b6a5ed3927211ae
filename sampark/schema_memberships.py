"""Tables of memberships as the chat exports show them, what each export leaves unsure, and
the date of each group's newest member list.

Kept beside `sampark.schema` (same metadata, same naming) so that the membership rule's
tables read in one place; migrations 0012 and 0014 create them.
"""

from __future__ import annotations

import sqlalchemy as sa

from sampark.schema import metadata

# One row per membership spell a group's chat exports show (sampark/metrics/groups/
# memberships.py), worked out again from all the group's events whenever an export of it loads.
chat_memberships = sa.Table(
    "chat_memberships",
    metadata,
    sa.Column("group_id", sa.String(64), nullable=False),
    # The roster's person id when the chat's name maps to one, else the name the chat shows.
    sa.Column("person", sa.String(200), nullable=False),
    sa.Column("first_seen", sa.DateTime, nullable=False),  # the spell's first event
    sa.Column("person_id", sa.String(20)),
    # The join when the chat shows it, else `first_seen`: then `start_is_bound` is true (the
    # person was in the group before the export's first word of them).
    sa.Column("joined_at", sa.DateTime, nullable=False),
    sa.Column("start_is_bound", sa.Boolean, nullable=False),
    sa.Column("joined_how", sa.String(30)),
    sa.Column("left_at", sa.DateTime),
    sa.Column("left_how", sa.String(30)),
    sa.Column("is_admin", sa.Boolean),
    sa.Column("last_seen", sa.DateTime, nullable=False),
    sa.Column("file_id", sa.Integer),  # the export holding the spell's first event
    sa.Column("source", sa.String(300), nullable=False),  # "chat: <file>"
    sa.PrimaryKeyConstraint("group_id", "person", "first_seen", name="pk_chat_memberships"),
)

# Per chat export: whether its earlier history was cut off (WhatsApp's cap of entries).
chat_exports = sa.Table(
    "chat_exports",
    metadata,
    sa.Column("file_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("group_id", sa.String(64), nullable=False, index=True),
    sa.Column("incomplete", sa.Boolean, nullable=False),
    sa.Column("first_ts", sa.DateTime),
    sa.Column("last_ts", sa.DateTime),
)

# Per chat export, the unverified phrases (the project's guesses at WhatsApp's wording) that
# typed some of its lines: the phrase and its language with a count, never the lines' text.
chat_unverified = sa.Table(
    "chat_unverified",
    metadata,
    sa.Column("row_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("file_id", sa.Integer, nullable=False, index=True),
    sa.Column("locale", sa.String(10), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),  # system | media | deleted
    sa.Column("event", sa.String(30)),  # the system line's event; null for a placeholder
    sa.Column("phrase", sa.String(500), nullable=False),
    sa.Column("lines", sa.Integer, nullable=False),
)

# Per group, the date of the newest member list applied to it: the roster's side of the
# membership rule (sampark/metrics/groups/memberships.py). A list that only confirms the same
# members changes no membership row, so the date is kept here; it never moves back.
roster_dates = sa.Table(
    "roster_dates",
    metadata,
    sa.Column("group_id", sa.String(64), primary_key=True),
    sa.Column("as_of", sa.DateTime, nullable=False),
)
