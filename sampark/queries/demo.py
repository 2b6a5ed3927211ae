"""Demo mode: whether the database is still the demo's alone, or holds nothing yet."""

from __future__ import annotations

import sqlalchemy as sa

from sampark.schema import audit_log, demo_files, etl_files, units, users


def _audited(action: str) -> sa.Exists:
    return sa.select(audit_log.c.audit_id).where(audit_log.c.action == action).exists()


def is_empty(conn: sa.Connection) -> bool:
    """True when the database holds nothing yet: no unit, no file seen, no account, no demo
    begun or ended. Only such a database may receive the demo, so the demo always has a
    database of its own."""
    anything = sa.or_(
        sa.select(units.c.unit_id).exists(),
        sa.select(etl_files.c.file_id).exists(),
        sa.select(users.c.username).exists(),
        sa.select(demo_files.c.sha256).exists(),
        _audited("demo_built"),
        _audited("demo_ended"),
    )
    return not conn.execute(sa.select(anything)).scalar_one()


def _real_file_loaded() -> sa.Exists:
    """Some file seen by the ETL whose hash is not in the demo's manifest."""
    listed = sa.select(demo_files.c.sha256).where(demo_files.c.sha256 == etl_files.c.sha256)
    return sa.select(etl_files.c.file_id).where(~listed.exists()).exists()


def demo_mode_is_on(conn: sa.Connection) -> bool:
    """Whether the demo's role switcher may be offered: the dashboard built the demo here,
    demo mode was never ended, every file ever loaded is one the demo wrote (by sha256), and
    no account exists. Any doubt answers no."""
    on = sa.and_(
        _audited("demo_built"),
        ~_audited("demo_ended"),
        ~_real_file_loaded(),
        ~sa.select(users.c.username).exists(),
    )
    return bool(conn.execute(sa.select(on)).scalar_one())


def demo_mode_not_yet_ended(conn: sa.Connection) -> bool:
    """Whether a demo was begun here (its manifest or its `demo_built` entry exists) and demo
    mode has not been ended: then the first real file or account must end it."""
    begun = sa.or_(sa.select(demo_files.c.sha256).exists(), _audited("demo_built"))
    return bool(conn.execute(sa.select(sa.and_(begun, ~_audited("demo_ended")))).scalar_one())


def is_demo_file(conn: sa.Connection, sha256: str) -> bool:
    """Whether the demo's manifest lists a file of this hash."""
    found = conn.execute(sa.select(demo_files.c.sha256).where(demo_files.c.sha256 == sha256))
    return found.first() is not None
