"""The directive register as loaded: one row per directive id; a later sheet that repeats an
id replaces what it says (the office corrected it)."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa

from sampark.schema import directives
from sampark.store.sql import upsert

_COLUMNS = ["directive_id", "issued_at", "issued_by", "title", "text", "unit_id"]


def write_directives(conn: sa.Connection, rows: pl.DataFrame, file_id: int | None = None) -> int:
    """Store the checked register rows (`etl.sources.directives.check`); the rows
    written. Ids are kept as the office wrote them, compared without case."""
    if rows.is_empty():
        return 0
    records = (
        rows.select(_COLUMNS)
        .with_columns(pl.col("directive_id").str.to_uppercase(), file_id=pl.lit(file_id))
        .to_dicts()
    )
    upsert(conn, directives, records, ["directive_id"], [*_COLUMNS[1:], "file_id"])
    return len(records)
