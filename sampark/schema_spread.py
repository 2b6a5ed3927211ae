"""The spread tables: message fingerprints (never the text), the broadcast texts kept, the
directive register and the rumours with the cell's verdict. On `sampark.schema.metadata`."""

from __future__ import annotations

import sqlalchemy as sa

from sampark.schema import metadata

# A message's fingerprint, never its text: the keyed hash of its normalised text and its
# near-duplicate signature (both keyed with the secret pepper), for messages with enough text.
message_prints = sa.Table(
    "message_prints",
    metadata,
    sa.Column("message_id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("group_id", sa.String(64), nullable=False),
    sa.Column("ts", sa.DateTime, nullable=False),
    sa.Column("keyed_hash", sa.BigInteger, nullable=False, index=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),
    sa.Column("numbers", sa.BigInteger, nullable=False),
    # Shingles counted in the text: two prints are compared only when their sizes are close.
    sa.Column("shingles", sa.Integer, nullable=False, server_default="0"),
)

# The one exception to "message text is not stored" (README): a text seen in at least the
# profile's broadcast count of groups is a notice to the public, kept so it can be shown.
broadcast_texts = sa.Table(
    "broadcast_texts",
    metadata,
    sa.Column("keyed_hash", sa.BigInteger, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("groups", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.DateTime, nullable=False),
)

# The PHQ's directive register (an office sheet, like stories: its text is the police's own
# order, kept so it can be fingerprinted again with the pepper of the day).
directives = sa.Table(
    "directives",
    metadata,
    sa.Column("directive_id", sa.String(80), primary_key=True),
    sa.Column("issued_at", sa.DateTime, nullable=False),
    sa.Column("issued_by", sa.String(200), nullable=False),
    sa.Column("title", sa.String(300)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("unit_id", sa.String(64)),
    sa.Column("file_id", sa.Integer),
)

# Rumours found in the chats (a cluster, by its head's keyed hash), and the cell's audited
# verdict and the answer it linked (a directive, or the cluster of the police's answer).
rumours = sa.Table(
    "rumours",
    metadata,
    sa.Column("cluster", sa.BigInteger, primary_key=True),
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
)
