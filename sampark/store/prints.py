"""Message fingerprints and the broadcast texts kept. A fingerprint holds no text; a broadcast
(a text seen in many groups) is the one text kept (README)."""

from __future__ import annotations

import struct

import polars as pl
import sqlalchemy as sa

from sampark.queries.prints import file_message_keys
from sampark.schema import broadcast_texts, message_prints
from sampark.store.batches import write_deferred


def signature_bytes(words: list[int]) -> bytes:
    """A signature's 64-bit words as bytes (big-endian, signed), the way the table keeps them.

    >>> signature_bytes([1, -1]).hex()
    '0000000000000001ffffffffffffffff'
    """
    return struct.pack(f">{len(words)}q", *words)


def write_message_prints(conn: sa.Connection, prints: pl.DataFrame) -> int:
    """Store the fingerprints in `prints` (message_id, group_id, ts, keyed_hash, signature,
    numbers and, when given, shingles); rows without a fingerprint (too little text) are
    skipped, a message already printed is left as it is (re-running a load changes nothing).
    The rows added."""
    rows = prints.filter(pl.col("keyed_hash").is_not_null())
    if rows.is_empty():
        return 0
    have = {
        int(m)
        for m in conn.execute(
            sa.select(message_prints.c.message_id).where(
                message_prints.c.message_id.in_(rows["message_id"].to_list())
            )
        ).scalars()
    }
    new = rows.filter(~pl.col("message_id").is_in(list(have)))
    if new.is_empty():
        return 0
    conn.execute(
        message_prints.insert(),
        [
            {
                "message_id": int(r["message_id"]),
                "group_id": r["group_id"],
                "ts": r["ts"],
                "keyed_hash": int(r["keyed_hash"]),
                "signature": signature_bytes(list(r["signature"])),
                "numbers": int(r["numbers"] or 0),
                "shingles": int(r.get("shingles") or 0),
            }
            for r in new.iter_rows(named=True)
        ],
    )
    return new.height


def keep_broadcast_texts(conn: sa.Connection, kept: pl.DataFrame) -> int:
    """Keep the broadcast texts in `kept` (keyed_hash, text, groups, first_seen): a new one is
    added, a known one gets its larger group count and earlier first sighting. The rows added."""
    added = 0
    c = broadcast_texts.c
    for r in kept.iter_rows(named=True):
        row = conn.execute(
            sa.select(c.groups, c.first_seen).where(c.keyed_hash == r["keyed_hash"])
        ).first()
        if row is None:
            conn.execute(broadcast_texts.insert().values(**r))
            added += 1
        else:
            conn.execute(
                broadcast_texts.update()
                .where(c.keyed_hash == r["keyed_hash"])
                .values(
                    groups=max(int(row.groups), int(r["groups"])),
                    first_seen=min(row.first_seen, r["first_seen"]),
                )
            )
    return added


_KEYS = ["ts", "author", "kind"]


def _from_the_end(frame: pl.DataFrame) -> pl.DataFrame:
    """Each row's place among the rows of its (ts, author, kind), counted from the last."""
    return frame.with_columns(
        (pl.len().over(_KEYS) - 1 - pl.int_range(pl.len()).over(_KEYS)).alias("_back")
    )


def write_chat_prints(
    conn: sa.Connection, file_id: int, group_id: str, prints: pl.DataFrame
) -> int:
    """Store the prints of the messages an export just wrote (`file_id`); the rows added.

    `prints`: line, ts, author, kind and the fingerprint, of the export's messages in line
    order. An export that overlaps an earlier one writes only the last rows of each (ts,
    author, kind), so rows are matched from the end of each; two messages of one author in
    one minute may swap prints, which changes no figure (same group, same time)."""
    write_deferred(conn)  # the export's messages may still be gathered
    written = file_message_keys(conn, file_id)
    if written.is_empty() or prints.is_empty():
        return 0
    matched = _from_the_end(written).join(
        _from_the_end(prints.sort("line")), on=[*_KEYS, "_back"], nulls_equal=True
    )
    return write_message_prints(
        conn,
        matched.select(
            "message_id",
            pl.lit(group_id).alias("group_id"),
            "ts",
            "keyed_hash",
            "signature",
            "numbers",
            "shingles",
        ),
    )
