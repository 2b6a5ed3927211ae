"""SQLAlchemy Core tables: the contract between ETL writes and dashboard reads.

New columns come by new Alembic migrations; table and column names here are a contract.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata: sa.MetaData = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

UNIT_KINDS = (
    "state",
    "zone",
    "range",
    "district",
    "circle",
    "thana",
    "outpost",
    "division",
    "police_centre",
)
GROUP_KINDS = (
    "thana_public",
    "outpost_public",
    "circle",
    "district_staff",
    "women_staff",
    "division",
    "apex",
    "beat",
    "other",
)
PERSON_CATEGORIES = (
    "police",
    "clg",
    "gram_rakshak",
    "police_mitra",
    "suraksha_sakhi",
    "digital_volunteer",
    "trader",
    "public_rep",
    "pradhan",
    "councillor",
    "citizen",
    "official",
)

units = sa.Table(
    "units",
    metadata,
    sa.Column("unit_id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("name_hi", sa.String(200)),
    sa.Column("parent_id", sa.String(64), sa.ForeignKey("units.unit_id"), index=True),
)

groups = sa.Table(
    "groups",
    metadata,
    sa.Column("group_id", sa.String(64), primary_key=True),
    sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.unit_id"), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("admin_phone", sa.String(20)),
    sa.Column("created_on", sa.Date),
)

people = sa.Table(
    "people",
    metadata,
    sa.Column("person_id", sa.String(20), primary_key=True),  # normalised phone, +91…
    sa.Column("name", sa.String(200)),
    sa.Column("category", sa.String(30), nullable=False),
    sa.Column("rank", sa.String(60)),
)

memberships = sa.Table(
    "memberships",
    metadata,
    sa.Column("membership_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("group_id", sa.String(64), sa.ForeignKey("groups.group_id"), nullable=False),
    sa.Column(
        "person_id", sa.String(20), sa.ForeignKey("people.person_id"), nullable=False, index=True
    ),
    sa.Column("joined_at", sa.DateTime, nullable=False),
    sa.Column("left_at", sa.DateTime),
    sa.Column("is_admin", sa.Boolean, nullable=False, default=False),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Index("ix_memberships_group_open", "group_id", "left_at"),
)

membership_events = sa.Table(
    "membership_events",
    metadata,
    sa.Column("event_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "group_id", sa.String(64), sa.ForeignKey("groups.group_id"), nullable=False, index=True
    ),
    sa.Column("ts", sa.DateTime, nullable=False),
    sa.Column("event", sa.String(30), nullable=False),
    sa.Column("actor", sa.String(200)),
    sa.Column("subject", sa.String(200)),
    sa.Column("person_id", sa.String(20)),
    sa.Column("file_id", sa.Integer),
)

messages = sa.Table(
    "messages",
    metadata,
    sa.Column(
        "message_id",
        sa.BigInteger().with_variant(sa.Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
    ),
    sa.Column("group_id", sa.String(64), sa.ForeignKey("groups.group_id"), nullable=False),
    sa.Column("ts", sa.DateTime, nullable=False),
    sa.Column("person_id", sa.String(20)),
    sa.Column("author", sa.String(200)),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("is_noise", sa.Boolean, nullable=False, default=False),
    sa.Column("text", sa.Text),
    sa.Column("file_id", sa.Integer),
    sa.Index("ix_messages_group_ts", "group_id", "ts"),
    # Group health reads every message once, grouped by (group, person): this index holds all
    # the columns it needs, in that order (migration 0003).
    sa.Index("ix_messages_group_person", "group_id", "person_id", "ts", "kind", "is_noise"),
)

staff = sa.Table(
    "staff",
    metadata,
    sa.Column("staff_id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("rank", sa.String(60), nullable=False),
    sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.unit_id"), nullable=False, index=True),
    sa.Column("person_id", sa.String(20), index=True),
)

blocklist = sa.Table(
    "blocklist",
    metadata,
    sa.Column("person_id", sa.String(20), primary_key=True),
    sa.Column("name", sa.String(200)),
    sa.Column("reason", sa.String(300), nullable=False),
    sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.unit_id")),
)

register_entries = sa.Table(
    "register_entries",
    metadata,
    sa.Column(
        "entry_id",
        sa.BigInteger().with_variant(sa.Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
    ),
    sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.unit_id"), nullable=False, index=True),
    sa.Column("group_id", sa.String(64), sa.ForeignKey("groups.group_id")),
    sa.Column("received_at", sa.DateTime, nullable=False),
    sa.Column("cognizance_at", sa.DateTime),
    sa.Column("fir_no", sa.String(60)),
    sa.Column("fir_at", sa.DateTime),
    sa.Column("action_at", sa.DateTime),
    sa.Column("closed_at", sa.DateTime),
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("summary", sa.Text),
    sa.Column("file_id", sa.Integer),
    # Added in 0002 (registers source).
    sa.Column("reporter_category", sa.String(30)),
    sa.Column("action", sa.Text),
    sa.Column("arrests", sa.Integer),
    # A digest of the row's identifying fields, so the same entry in another file is a duplicate.
    # Unique by an index (0015), which a state's first load builds once at its end.
    sa.Column("entry_key", sa.String(64)),
    sa.Index("ux_register_entries_entry_key", "entry_key", unique=True),
)

alerts = sa.Table(
    "alerts",
    metadata,
    sa.Column("alert_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.unit_id")),
    sa.Column("platform", sa.String(30)),
    sa.Column("received_at", sa.DateTime, nullable=False),
    sa.Column("traced_at", sa.DateTime),
    sa.Column("forwarded_at", sa.DateTime),
    sa.Column("contacted_at", sa.DateTime),
    sa.Column("outcome", sa.String(40)),
    # Restricted: read only by `queries.registers.alert_details`, for the roles that act on alerts.
    sa.Column("subject_name", sa.String(200)),
    sa.Column("subject_phone", sa.String(20)),
    sa.Column("post_text", sa.Text),
    sa.Column("file_id", sa.Integer),
    # Added in 0002.
    sa.Column("subject_ip", sa.String(60)),
    sa.Column("entry_key", sa.String(64), unique=True),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("story_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.unit_id")),
    sa.Column("story_date", sa.Date),
    sa.Column("category", sa.String(30)),
    sa.Column("title", sa.String(300)),
    sa.Column("body", sa.Text),
    sa.Column("status", sa.String(20), nullable=False, default="submitted"),
    sa.Column("guard_findings", sa.JSON),
    sa.Column("reviewer", sa.String(100)),
    sa.Column("drafts", sa.JSON),
    sa.Column("posted_urls", sa.JSON),
    sa.Column("file_id", sa.Integer),
    # Added in 0002: bilingual text, media, who submitted, and a lifted block's written order.
    sa.Column("title_hi", sa.String(300)),
    sa.Column("body_hi", sa.Text),
    sa.Column("media", sa.JSON),  # list of file names (photos kept under data_dir/media/)
    sa.Column("submitted_by", sa.String(100)),
    sa.Column("submitted_at", sa.DateTime),
    sa.Column("block_override", sa.JSON),  # {"reference": …, "approver": …, "at": …}
    sa.Column("entry_key", sa.String(64), unique=True),
)

# Every workflow step of a story: submitted, vetted, approved, posted, rejected, override.
story_steps = sa.Table(
    "story_steps",
    metadata,
    sa.Column("step_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "story_id", sa.Integer, sa.ForeignKey("stories.story_id"), nullable=False, index=True
    ),
    sa.Column("step", sa.String(20), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("note", sa.Text),  # rejection reason, posted URL, written-order reference
)

# Every text a story had: version 1 as it was sent up, then each fix made before approval,
# with who wrote it, when, and the guard's findings on it.
story_versions = sa.Table(
    "story_versions",
    metadata,
    sa.Column("version_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.story_id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("title", sa.String(300)),
    sa.Column("body", sa.Text),
    sa.Column("title_hi", sa.String(300)),
    sa.Column("body_hi", sa.Text),
    sa.Column("author", sa.String(100), nullable=False),
    sa.Column("written_at", sa.DateTime, nullable=False),
    sa.Column("guard_findings", sa.JSON),
    sa.UniqueConstraint("story_id", "version"),
)

# Dashboard users (access control). Passwords are stored only as argon2 hashes.
users = sa.Table(
    "users",
    metadata,
    sa.Column("username", sa.String(60), primary_key=True),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("unit_id", sa.String(64)),  # the scope: a range, district, circle or thana
    sa.Column("display_name", sa.String(200)),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    # Password checks of the current lock window, each counted before it is made; the fifth
    # sets `locked_until`, a right password clears both.
    sa.Column("failed_logins", sa.Integer, nullable=False, default=0),
    sa.Column("locked_until", sa.DateTime),
)

# Dashboard sessions of real accounts, kept on the server so a reload or another replica
# finds them (sampark/sessions.py). The browser holds the id only in a signed HttpOnly cookie;
# `claim_key` is the SHA-256 of the one-time token the page trades for that cookie.
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("session_id", sa.String(64), primary_key=True),
    sa.Column(
        "username", sa.String(60), sa.ForeignKey("users.username"), nullable=False, index=True
    ),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("last_seen_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime),
    sa.Column("claim_key", sa.String(64), unique=True),
    sa.Column("claim_until", sa.DateTime),
)

etl_runs = sa.Table(
    "etl_runs",
    metadata,
    sa.Column("run_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("finished_at", sa.DateTime),
    sa.Column("inbox", sa.String(500), nullable=False),
    sa.Column("files_seen", sa.Integer, nullable=False, default=0),
    sa.Column("files_loaded", sa.Integer, nullable=False, default=0),
    sa.Column("files_skipped", sa.Integer, nullable=False, default=0),
    sa.Column("files_rejected", sa.Integer, nullable=False, default=0),
    sa.Column("rows_read", sa.Integer, nullable=False, default=0),
    sa.Column("rows_loaded", sa.Integer, nullable=False, default=0),
    sa.Column("rows_rejected", sa.Integer, nullable=False, default=0),
    sa.Column("files_held", sa.Integer, nullable=False, default=0, server_default="0"),
    sa.Column("rows_held", sa.Integer, nullable=False, default=0, server_default="0"),
)

etl_files = sa.Table(
    "etl_files",
    metadata,
    sa.Column("file_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("etl_runs.run_id"), nullable=False),
    sa.Column("path", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("source", sa.String(30)),
    sa.Column("status", sa.String(20), nullable=False),  # loaded | rejected | held
    sa.Column("reason", sa.Text),
    sa.Column("rows_read", sa.Integer, nullable=False, default=0),
    sa.Column("rows_loaded", sa.Integer, nullable=False, default=0),
    sa.Column("rows_rejected", sa.Integer, nullable=False, default=0),
    sa.Column("as_of", sa.DateTime),
    sa.Column("loaded_at", sa.DateTime, nullable=False),
    # rows_read = rows_loaded + rows_rejected + rows_held; rows are held only by a held file.
    sa.Column("rows_held", sa.Integer, nullable=False, default=0, server_default="0"),
)

# A roster held because it would end most of a group's open memberships: one row per such
# group, until a data officer accepts the file (who and when) and it loads.
roster_holds = sa.Table(
    "roster_holds",
    metadata,
    sa.Column("hold_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "file_id", sa.Integer, sa.ForeignKey("etl_files.file_id"), nullable=False, index=True
    ),
    sa.Column("group_id", sa.String(64), nullable=False),
    sa.Column("open_before", sa.Integer, nullable=False),
    sa.Column("open_after", sa.Integer, nullable=False),
    sa.Column("location", sa.Text, nullable=False),  # where the file was, to load it on accept
    sa.Column("accepted_by", sa.String(100)),
    sa.Column("accepted_at", sa.DateTime),
)

rejects = sa.Table(
    "rejects",
    metadata,
    sa.Column("reject_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "file_id", sa.Integer, sa.ForeignKey("etl_files.file_id"), nullable=False, index=True
    ),
    sa.Column("line", sa.Integer),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("raw", sa.Text),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("audit_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("action", sa.String(40), nullable=False, index=True),
    sa.Column("target", sa.String(300)),
    sa.Column("detail", sa.Text),
    # Failed sign-ins are folded: one row per name and minute (`fold_key`), `times` counting
    # them; every other entry is one event (times 1, no fold key).
    sa.Column("times", sa.Integer, nullable=False, server_default=sa.text("1")),
    sa.Column("fold_key", sa.String(200)),
    sa.Index("ix_audit_log_fold_key", "fold_key", unique=True),
)

# The demo's manifest: the sha256 of every file the dashboard's demo build wrote. Demo mode
# (the role switcher, no password) holds only while every row of etl_files is one of these.
demo_files = sa.Table(
    "demo_files",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("path", sa.String(500), nullable=False),
    sa.Column("written_at", sa.DateTime, nullable=False),
)

# Figures worked out from whole tables once per data version (see
# sampark/metrics/response/snapshot.py), each part stored as Arrow IPC bytes.
derived_frames = sa.Table(
    "derived_frames",
    metadata,
    sa.Column("kind", sa.String(40), primary_key=True),
    sa.Column("part", sa.String(40), primary_key=True),
    sa.Column("data_version", sa.String(60), nullable=False),
    sa.Column("inputs_key", sa.String(300), nullable=False),
    sa.Column("built_at", sa.DateTime, nullable=False),
    sa.Column("payload", sa.LargeBinary, nullable=False),
)

# The spread tables (fingerprints, broadcasts, directives, rumours) live in their own module
# on the same metadata; imported last so that they are always registered with it.
from sampark.schema_spread import broadcast_texts as broadcast_texts  # noqa: E402
from sampark.schema_spread import directives as directives  # noqa: E402
from sampark.schema_spread import message_prints as message_prints  # noqa: E402
from sampark.schema_spread import rumours as rumours  # noqa: E402
