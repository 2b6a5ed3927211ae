"""What the ETL took in: totals over the file registry."""

from __future__ import annotations

import polars as pl


def intake_totals(files: pl.DataFrame) -> dict[str, int]:
    """Rows read, loaded, rejected and held over every registered file (read = loaded +
    rejected + held), and files refused whole."""
    counted = files.filter(pl.col("status") != "skipped")
    return {
        "rows_read": int(counted["rows_read"].sum()),
        "rows_loaded": int(counted["rows_loaded"].sum()),
        "rows_rejected": int(counted["rows_rejected"].sum()),
        "rows_held": int(counted["rows_held"].sum()),
        "files_rejected": counted.filter(pl.col("status") == "rejected").height,
    }
