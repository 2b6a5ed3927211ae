"""Message fingerprints as the spread figures read them, and the messages an export wrote."""

from __future__ import annotations

import numpy as np
import polars as pl
import sqlalchemy as sa

from sampark.fingerprints.reference import WORDS
from sampark.queries.frames import read_frame
from sampark.schema import broadcast_texts, message_prints, messages, staff

# Ranks from Sub-Inspector up (the staff sheet's words): an officer, whose first post in a
# staff group may be a directive sent down without the register.
OFFICER_RANKS = ("DGP", "ADG", "IG", "DIG", "SP", "DSP", "INSPECTOR", "SI")


def signatures(blobs: list[bytes]) -> np.ndarray:
    """The stored signatures (big-endian int64 words) as a rows × WORDS array.

    >>> signatures([bytes(7) + b"\\x01" + bytes(8 * (WORDS - 1))])[0, :2].tolist()
    [1, 0]
    """
    if not blobs:
        return np.zeros((0, WORDS), dtype=np.int64)
    words = np.frombuffer(b"".join(blobs), dtype=">i8").astype(np.int64)
    return words.reshape(len(blobs), WORDS)


def prints_frame(conn: sa.Connection) -> pl.DataFrame:
    """Every stored print with its sender's standing: message_id, group_id, ts, keyed_hash,
    signature (WORDS int64), shingles, numbers, is_police (the sender is on the staff sheet),
    is_officer (of a rank from SI up). No text: none is stored."""
    p = message_prints.c
    police = (
        sa.select(staff.c.person_id, sa.func.max(sa.func.upper(staff.c.rank)).label("rank"))
        .where(staff.c.person_id.is_not(None))
        .group_by(staff.c.person_id)
        .subquery()
    )
    stmt = (
        sa.select(
            p.message_id,
            p.group_id,
            p.ts,
            p.keyed_hash,
            p.signature,
            p.shingles,
            p.numbers,
            police.c.rank,
        )
        .join(messages, messages.c.message_id == p.message_id)
        .join(police, police.c.person_id == messages.c.person_id, isouter=True)
        .order_by(p.message_id)
    )
    rows = conn.execute(stmt).all()
    frame = pl.DataFrame(
        {
            "message_id": [r.message_id for r in rows],
            "group_id": [r.group_id for r in rows],
            "ts": [r.ts for r in rows],
            "keyed_hash": [r.keyed_hash for r in rows],
            "shingles": [r.shingles for r in rows],
            "numbers": [r.numbers for r in rows],
            "rank": [r.rank for r in rows],
        },
        schema={
            "message_id": pl.Int64,
            "group_id": pl.String,
            "ts": pl.Datetime("us"),
            "keyed_hash": pl.Int64,
            "shingles": pl.Int32,
            "numbers": pl.Int64,
            "rank": pl.String,
        },
    )
    return frame.with_columns(
        pl.Series(
            "signature",
            signatures([bytes(r.signature) for r in rows]),
            dtype=pl.Array(pl.Int64, WORDS),
        ),
        pl.col("rank").is_not_null().alias("is_police"),
        pl.col("rank").is_in(list(OFFICER_RANKS)).fill_null(False).alias("is_officer"),
    ).drop("rank")


def file_message_keys(conn: sa.Connection, file_id: int) -> pl.DataFrame:
    """The messages an export wrote: message_id, ts, author, kind (in the order written)."""
    m = messages.c
    return read_frame(
        conn,
        sa.select(m.message_id, m.ts, m.author, m.kind)
        .where(m.file_id == file_id)
        .order_by(m.message_id),
    )


def kept_broadcast_hashes(conn: sa.Connection) -> list[int]:
    """The keyed hashes of the broadcast texts already kept."""
    return [int(h) for h in conn.execute(sa.select(broadcast_texts.c.keyed_hash)).scalars()]
