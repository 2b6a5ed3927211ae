"""Rumours as found after each run, and the cell's verdict and answer link, each audited.

The figures of a rumour (groups, districts, times) are replaced by every run; the verdict and
the answer the cell set are never touched by a run."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import sqlalchemy as sa

from sampark.schema import rumours
from sampark.store.audit import record_audit
from sampark.store.sql import upsert

VERDICTS = ("false", "true", "unclear")
"""What the cell may say of a rumour: false (to be answered), true, or not clear yet."""

_FIGURES = [
    "first_ts",
    "first_group_id",
    "groups_in_window",
    "districts_in_window",
    "groups",
    "districts",
    "last_ts",
]


def store_rumours(conn: sa.Connection, found: pl.DataFrame) -> int:
    """Add new rumours and refresh the figures of known ones (`RUMOUR_SCHEMA` rows); a
    rumour found before and not now keeps its row (and its verdict). The rows written."""
    if found.is_empty():
        return 0
    records = found.select("cluster", *_FIGURES).to_dicts()
    upsert(conn, rumours, records, ["cluster"], _FIGURES)
    return len(records)


class UnknownRumour(LookupError):
    """No rumour is stored under that cluster."""


def _known(conn: sa.Connection, cluster: int) -> None:
    found = conn.execute(sa.select(rumours.c.cluster).where(rumours.c.cluster == cluster)).first()
    if found is None:
        raise UnknownRumour(f"no rumour {cluster}")


def set_verdict(conn: sa.Connection, cluster: int, verdict: str, actor: str, at: datetime) -> None:
    """The cell's verdict on a rumour, recorded with who and when, and in the audit log."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    _known(conn, cluster)
    conn.execute(
        rumours.update()
        .where(rumours.c.cluster == cluster)
        .values(verdict=verdict, verdict_by=actor, verdict_at=at)
    )
    record_audit(conn, at, actor, "rumour_verdict", f"rumour:{cluster}", verdict)


def link_answer(
    conn: sa.Connection,
    cluster: int,
    actor: str,
    at: datetime,
    *,
    directive_id: str | None = None,
    answer_cluster: int | None = None,
) -> None:
    """Link the police's answer to a rumour: a directive of the register or the cluster of an
    answer posted in the groups (exactly one), with who and when, and in the audit log."""
    if (directive_id is None) == (answer_cluster is None):
        raise ValueError("link exactly one answer: a directive or an answer cluster")
    _known(conn, cluster)
    conn.execute(
        rumours.update()
        .where(rumours.c.cluster == cluster)
        .values(
            answer_directive_id=directive_id,
            answer_cluster=answer_cluster,
            answer_by=actor,
            answer_at=at,
        )
    )
    answer = f"directive:{directive_id}" if directive_id else f"cluster:{answer_cluster}"
    record_audit(conn, at, actor, "rumour_answer", f"rumour:{cluster}", answer)
