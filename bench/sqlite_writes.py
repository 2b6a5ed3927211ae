"""Time SQLite's two bulk paths on register rows: row by row (executemany) and through a
database image (`sampark/store/sqlite_image.py`), alternated in the same run.

    .venv/bin/python bench/sqlite_writes.py                 # 500,000 rows, 3 rounds
    .venv/bin/python bench/sqlite_writes.py --rows 2000000 --rounds 5

Synthetic register entries (unit, group, five stage times, category, status, summary in
Hindi or English, reporter category, action, arrests, a key) are written by `bulk_insert` into
a fresh migrated database as a state's first load writes them (the deferred indexes dropped,
inside a write batch with its page cache), once with the image path held off and once with
it, the order alternating each round. Prints wall and CPU seconds of each write, the
ratio image / row-by-row of the medians, and whether both databases hold the same rows.
Never fails on a time; the machine may be shared, so compare ratios from one run.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sampark.store.sql as store_sql  # noqa: E402
from etl.deferred_indexes import drop_for_cold_load  # noqa: E402
from sampark.db import migrate  # noqa: E402
from sampark.schema import register_entries, units  # noqa: E402
from sampark.store.batches import write_batch  # noqa: E402
from sampark.store.sqlite_image import rows_image  # noqa: E402

SUMMARIES = [
    "Forwarded message about child lifters",
    "बच्चा चोरी की अफवाह वाला संदेश",
    "Jam at the crossing, school buses stuck",
    "कोचिंग सेंटर के पास छात्राओं से छेड़छाड़",
]


def register_rows(n: int) -> pl.DataFrame:
    """`n` register entries, the same every run."""
    start = datetime(2025, 1, 1)
    received = pl.Series([start + timedelta(minutes=7 * i) for i in range(n)])

    def later(hours: int, every: int) -> pl.Series:
        shifted = received + timedelta(hours=hours)
        return pl.Series([None if i % every == 0 else t for i, t in enumerate(shifted)])

    return pl.DataFrame(
        {
            "unit_id": [f"BR-T{i % 1000:04d}" for i in range(n)],
            "group_id": pl.Series([None] * n, dtype=pl.String),
            "received_at": received,
            "cognizance_at": later(2, 5),
            "fir_at": later(20, 3),
            "action_at": later(40, 4),
            "closed_at": later(300, 6),
            "category": [("rumour", "traffic", "harassment")[i % 3] for i in range(n)],
            "status": [("open", "closed")[i % 2] for i in range(n)],
            "summary": [SUMMARIES[i % 4] for i in range(n)],
            "file_id": pl.Series([7] * n, dtype=pl.Int64),
            "reporter_category": [("clg", "trader", "police_mitra")[i % 3] for i in range(n)],
            "action": [None if i % 2 else "Action taken" for i in range(n)],
            "arrests": pl.Series([None if i % 9 else i % 4 for i in range(n)], dtype=pl.Int64),
            "entry_key": [hashlib.sha256(str(i).encode()).hexdigest()[:40] for i in range(n)],
        }
    )


def written(frame: pl.DataFrame, folder: Path, name: str, image: bool) -> tuple[float, float, str]:
    """Wall and CPU seconds of one `bulk_insert` of `frame`, and a digest of what it stored."""
    engine = migrate(f"sqlite:///{folder / name}")
    units_of = frame.get_column("unit_id").unique().sort()
    with engine.begin() as conn:
        conn.execute(
            sa.insert(units), [{"unit_id": u, "kind": "thana", "name": u} for u in units_of]
        )
    drop_for_cold_load(engine)  # as a state's first load writes them
    store_sql.IMAGE_ROWS = 4_000 if image else 10**12
    with write_batch(engine) as batch, batch.unit(frame.height) as conn:
        wall, cpu = time.perf_counter(), time.process_time()
        store_sql.bulk_insert(conn, register_entries, frame)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for row in conn.exec_driver_sql("SELECT * FROM register_entries ORDER BY entry_id"):
            digest.update(repr(tuple(row)).encode())
    engine.dispose()
    return wall, cpu, digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    frame = register_rows(args.rows)
    rows_image(pl.DataFrame({"warm": [1]}))  # the driver loaded before the first timing
    times: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    digests: set[str] = set()
    with tempfile.TemporaryDirectory() as folder:
        for round_no in range(args.rounds):
            order = [False, True] if round_no % 2 == 0 else [True, False]
            for image in order:
                name = f"r{round_no}-{'image' if image else 'rows'}.db"
                wall, cpu, digest = written(frame, Path(folder), name, image)
                (Path(folder) / name).unlink()
                times[image].append((wall, cpu))
                digests.add(digest)
                path = "image" if image else "row by row"
                print(f"round {round_no + 1}: {path:10} wall {wall:6.2f} s  CPU {cpu:6.2f} s")
    rows_wall = statistics.median(w for w, _ in times[False])
    image_wall = statistics.median(w for w, _ in times[True])
    rows_cpu = statistics.median(c for _, c in times[False])
    image_cpu = statistics.median(c for _, c in times[True])
    print(f"\n{args.rows:,} register rows, medians of {args.rounds} rounds")
    print(f"row by row: wall {rows_wall:.2f} s, CPU {rows_cpu:.2f} s")
    print(f"image:      wall {image_wall:.2f} s, CPU {image_cpu:.2f} s")
    ratios = f"wall {image_wall / rows_wall:.2f}x, CPU {image_cpu / rows_cpu:.2f}x"
    print(f"ratio image / row by row: {ratios}")
    print("same rows stored:", "yes" if len(digests) == 1 else "NO")


if __name__ == "__main__":
    main()
