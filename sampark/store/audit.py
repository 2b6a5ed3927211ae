"""The audit log: who viewed, exported, signed in or changed what."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from sampark.schema import audit_log


def record_audit(
    conn: sa.Connection, at: datetime, actor: str, action: str, target: str, detail: str | None
) -> None:
    """One audit entry."""
    conn.execute(
        audit_log.insert().values(at=at, actor=actor, action=action, target=target, detail=detail)
    )
