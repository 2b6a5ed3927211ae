"""Time `parse_export` against whatstk on the same files, in the same run.

    .venv/bin/python bench/parser.py [--messages 200000] [--repeat 3] [--keep DIR]

Files: the largest chat in the shared corpus (../shared/corpus/whatsapp, read in place), and a
synthetic export made by repeating a corpus chat with shifted timestamps until it holds
`--messages` messages (written to a temp dir, deleted unless `--keep`). Prints the best of
`--repeat` wall times, MB/s, messages/s, the user-message count each parser found, and the
ratio ours / whatstk. Never fails on a time; whatstk is a bench-only dependency (see README).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.sources.whatsapp import parse_export  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "whatsapp"
SEED_CHAT = CORPUS / "lucasrodes+whatstk" / "lorem-2000.txt"


def ours(path: Path) -> int:
    result = parse_export(path)
    return int((result.messages.get_column("kind") != "system").sum())


def whatstk(path: Path) -> int:
    from whatstk import WhatsAppChat

    return len(WhatsAppChat.from_source(filepath=str(path)).df)


def best_of(run: Callable[[Path], int], path: Path, repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = run(path)
        times.append(time.perf_counter() - start)
    return min(times), count


def synthetic_export(folder: Path, messages: int) -> Path:
    """The seed chat repeated, each copy shifted past the previous one, as Android 24h lines."""
    seed = parse_export(SEED_CHAT).messages.filter(pl.col("kind") != "system")
    span = seed.get_column("ts").max() - seed.get_column("ts").min()  # type: ignore[operator]
    copies = -(-messages // seed.height)
    step = span + timedelta(days=1)
    frame = (
        pl.DataFrame({"copy": range(copies)})
        .join(seed.with_row_index("i"), how="cross")
        .sort("copy", "i")
        .head(messages)
        .select(
            pl.concat_str(
                (
                    pl.col("ts")
                    + pl.duration(microseconds=pl.col("copy") * (step // timedelta(microseconds=1)))
                ).dt.to_string("%d/%m/%Y, %H:%M"),
                pl.lit(" - "),
                pl.col("author"),
                pl.lit(": "),
                pl.col("text"),
            ).alias("line")
        )
    )
    path = folder / "WhatsApp Chat with Bench Group.txt"
    path.write_text("\n".join(frame.get_column("line")) + "\n", encoding="utf-8")
    return path


def report(label: str, path: Path, repeat: int) -> None:
    size_mb = path.stat().st_size / 1e6
    print(f"\n{label}: {path.name} ({size_mb:.1f} MB)")
    rows = {}
    for name, run in (("parse_export", ours), ("whatstk", whatstk)):
        try:
            rows[name] = best_of(run, path, repeat)
        except Exception as err:  # a parser failing is a result worth printing, not a crash
            print(f"  {name:<13} failed: {type(err).__name__}: {err}")
            continue
        seconds, count = rows[name]
        print(
            f"  {name:<13} {seconds:8.3f} s  {size_mb / seconds:8.1f} MB/s"
            f"  {count / seconds:12,.0f} msg/s  {count:,} user messages"
        )
    if len(rows) == 2:
        (mine, mine_n), (theirs, theirs_n) = rows["parse_export"], rows["whatstk"]
        same = "same count" if mine_n == theirs_n else f"COUNTS DIFFER ({mine_n} vs {theirs_n})"
        print(f"  ratio ours/whatstk {mine / theirs:.3f} (speed-up {theirs / mine:.1f}x), {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the synthetic export here and keep it")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}")
    largest = max(
        (p for p in CORPUS.rglob("*.txt") if p.name != "header-format-samples.txt"),
        key=lambda p: p.stat().st_size,
    )
    report("largest corpus file", largest, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        big = synthetic_export(folder, args.messages)
        report(f"synthetic ({args.messages:,} messages)", big, args.repeat)


if __name__ == "__main__":
    main()
