"""Two databases loaded from the same inbox hold the same rows: a digest per table, compared.

    .venv/bin/python bench/etl_same_rows.py URL_A URL_B

Every table of the schema is read whole, in primary-key order, with the columns that say
*when* the load ran left out (run and file times, the derived frames' build time, a story's
submission time); everything else, ids included, must be equal (a derived frame by its rows).
Prints one line per table and exits 1 on any difference.
"""

from __future__ import annotations

import hashlib
import io
import sys

import polars as pl
import sqlalchemy as sa

from sampark.schema import metadata

# Columns written from the clock of the run, not from the inbox.
CLOCK_COLUMNS = {
    "etl_runs": {"started_at", "finished_at", "inbox"},
    "etl_files": {"loaded_at"},
    "derived_frames": {"built_at"},
    "stories": {"submitted_at"},
}


def _comparable(table: str, row: tuple[object, ...]) -> tuple[object, ...]:
    """A derived frame's payload as the rows it holds: Arrow IPC bytes of equal frames may
    differ in buffer layout (a categorical's dictionary order), their values do not."""
    if table != "derived_frames":
        return row
    return tuple(
        pl.read_ipc(io.BytesIO(value)).rows() if isinstance(value, bytes) else value
        for value in row
    )


def table_digests(url: str) -> dict[str, tuple[int, str]]:
    """(rows, sha256 of the rows in key order) per table."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    digests: dict[str, tuple[int, str]] = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            skip = CLOCK_COLUMNS.get(table.name, set())
            columns = [c for c in table.columns if c.name not in skip]
            order = list(table.primary_key.columns) or columns
            digest = hashlib.sha256()
            count = 0
            for row in conn.execute(sa.select(*columns).order_by(*order)):
                digest.update(repr(_comparable(table.name, tuple(row))).encode())
                count += 1
            digests[table.name] = (count, digest.hexdigest()[:16])
    engine.dispose()
    return digests


def main() -> None:
    first, second = table_digests(sys.argv[1]), table_digests(sys.argv[2])
    differ = 0
    for name in sorted(first):
        same = first[name] == second.get(name)
        differ += not same
        print(f"{name:<20} {first[name][0]:>10,} {second.get(name, (0, ''))[0]:>10,}  "
              f"{'same' if same else 'DIFFERENT'}")  # fmt: skip
    print(f"{len(first) - differ} of {len(first)} tables the same")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
