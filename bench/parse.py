"""Time `parse_export` against whatstk and chat-miner on the same ~100 MB export, in one run.

    .venv/bin/python bench/parse.py [--size-mb 100] [--seed 7] [--keep DIR] [--only NAME ...]

Generates an Android en-IN export (`13/01/24, 7:41\u202fpm - Name: text`: U+202F before am/pm,
multi-line messages, author-less system lines, media and deleted placeholders, Hindi text) in a
temp dir (deterministic for a seed; deleted unless `--keep`), then runs each parser once in its
own child process and prints wall time of the parse (imports excluded), MB/s, entries/s, the
child's peak RSS (`os.wait4`), the user messages each found, which engine `parse_export` ran
(native: the compiled core; polars: the fallback), and ours / theirs.

whatstk and chat-miner are bench-only: their pins (whatstk 0.9.1 wants plotly~=6.5) clash with
the project's, so they live in `.venv-bench/` (created here from `bench/requirements.txt` on
first use) and run there; `parse_export` runs in the interpreter that runs this script.

Comparable count: "user messages" = entries with an author. `parse_export` keeps system lines
(kind "system"), so ours is `kind != "system"`. whatstk folds an author-less system line into
the message before it and then cuts it off (`_remove_alerts_from_df`), so it returns user
messages only. chat-miner drops lines without ": " (system lines) and `Name:.` lines. The
generator writes neither ": " inside a system line nor `Name:.`, so all three counts must agree.
Never fails on a time; exits 1 when the counts differ.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = Path(__file__).resolve().parent / "requirements.txt"
PARSERS = ("parse_export", "whatstk", "chat-miner")

PEOPLE = [
    "SI Ramesh Kumar",
    "SI Sunita Devi",
    "HC Amit Yadav",
    "Ct Pooja Singh",
    "SHO Ravi Verma",
    "ASI Neha Gupta",
    "+91 98765 43210",
    "HC Mohd Irfan",
    "Constable राजेश",
]
WORDS_EN = [
    "the",
    "report",
    "from",
    "thana",
    "beat",
    "patrol",
    "please",
    "check",
    "status",
    "update",
    "vehicle",
    "FIR",
    "number",
    "submitted",
    "by",
    "evening",
    "duty",
    "roster",
    "morning",
    "meeting",
    "at",
    "office",
    "sir",
    "noted",
    "ok",
]
WORDS_HI = [
    "कृपया",
    "रिपोर्ट",
    "भेजें",
    "थाना",
    "गश्त",
    "आज",
    "शाम",
    "तक",
    "सूचना",
    "दें",
    "जी",
    "सर",
    "ठीक",
    "है",
    "बैठक",
]


def generate(path: Path, size_bytes: int, seed: int) -> None:
    """An Android en-IN 12h export of about `size_bytes`, the same for the same seed."""
    rng = random.Random(seed)
    when = datetime(2022, 1, 1, 8, 0)
    chunk: list[str] = []
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        while written < size_bytes:
            when += timedelta(seconds=rng.randint(5, 900))
            hour = when.hour % 12 or 12
            half = "am" if when.hour < 12 else "pm"
            head = f"{when:%d/%m/%y}, {hour}:{when:%M}\u202f{half} - "
            who = rng.choice(PEOPLE)
            roll = rng.random()
            if roll < 0.02:
                other = rng.choice(PEOPLE)
                line = head + rng.choice(
                    (
                        f"{who} added {other}",
                        f"{who} left",
                        f"{who} joined using this group's invite link",
                        f"{who} removed {other}",
                    )
                )
            elif roll < 0.04:
                line = f"{head}{who}: <Media omitted>"
            elif roll < 0.05:
                line = f"{head}{who}: This message was deleted"
            else:
                words = WORDS_HI if rng.random() < 0.3 else WORDS_EN
                body = " ".join(rng.choices(words, k=rng.randint(3, 25)))
                if rng.random() < 0.1:
                    body += "\n" + " ".join(rng.choices(words, k=rng.randint(2, 12)))
                line = f"{head}{who}: {body}"
            chunk.append(line)
            written += len(line.encode()) + 1
            if len(chunk) == 10_000:
                out.write("\n".join(chunk) + "\n")
                chunk.clear()
        if chunk:
            out.write("\n".join(chunk) + "\n")


# --- run inside a child process -----------------------------------------------------------


def _child(name: str, path: Path) -> None:
    """Parse once; print {"seconds", "entries", "user_messages"} as JSON on the last line."""
    if name == "parse_export":
        sys.path.insert(0, str(ROOT))
        import polars as pl

        from etl.sources.whatsapp import parse_export

        start = time.perf_counter()
        result = parse_export(path)
        seconds = time.perf_counter() - start
        entries = result.messages.height
        users = int(result.messages.select((pl.col("kind") != "system").sum()).item())
        engine = result.engine
    elif name == "whatstk":
        from whatstk.whatsapp.parser import df_from_whatsapp

        start = time.perf_counter()
        frame = df_from_whatsapp(str(path), max_size=None)  # default refuses > 50 MiB
        seconds = time.perf_counter() - start
        entries = users = len(frame)
        engine = ""
    elif name == "chat-miner":
        import logging

        from chatminer.chatparsers import WhatsAppParser

        logging.disable(logging.CRITICAL)
        os.environ["TQDM_DISABLE"] = "1"
        start = time.perf_counter()
        parser = WhatsAppParser(str(path))
        parser.parse_file()
        frame = parser.parsed_messages.get_df()
        seconds = time.perf_counter() - start
        entries = users = frame.height
        engine = ""
    else:
        raise SystemExit(f"unknown parser {name}")
    print(
        json.dumps(
            {"seconds": seconds, "entries": entries, "user_messages": users, "engine": engine}
        )
    )


# --- the parent -----------------------------------------------------------------------------


def bench_venv() -> Path:
    """`$SAMPARK_BENCH_VENV`, else this checkout's `.venv-bench/`, else the main checkout's.

    A git worktree shares the main checkout's bench venv instead of building its own copy.
    """
    if os.environ.get("SAMPARK_BENCH_VENV"):
        return Path(os.environ["SAMPARK_BENCH_VENV"])
    own = ROOT / ".venv-bench"
    if (own / "bin" / "python").exists():
        return own
    common = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--path-format=absolute", "--git-common-dir"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    main = Path(common).parent / ".venv-bench" if common else own
    return main if (main / "bin" / "python").exists() else own


def bench_python() -> Path:
    """`.venv-bench/bin/python` with `bench/requirements.txt` installed (created once)."""
    venv = bench_venv()
    python = venv / "bin" / "python"
    stamp = venv / ".requirements"
    wanted = REQUIREMENTS.read_text(encoding="utf-8")
    if python.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return python
    print(f"setting up {venv}/ from {REQUIREMENTS.relative_to(ROOT)} …", flush=True)
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)], check=True, env=env
    )
    stamp.write_text(wanted, encoding="utf-8")
    return python


def run_child(python: Path, name: str, path: Path) -> dict[str, Any] | str:
    """The child's JSON plus its peak RSS in bytes, or an error message."""
    env = {**os.environ, "TQDM_DISABLE": "1"}
    proc = subprocess.Popen(
        [str(python), __file__, "--child", name, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    # Read the pipes before reaping, then reap with wait4 to get this child's own rusage.
    out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-3:]
        return f"exit {proc.returncode}: " + " | ".join(tail)
    result: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    result["rss"] = usage.ru_maxrss * 1024  # KiB on Linux
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=100.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the export here and keep it")
    parser.add_argument("--only", nargs="+", choices=PARSERS, default=list(PARSERS))
    parser.add_argument("--child", nargs=2, metavar=("PARSER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"WhatsApp Chat with Bench {args.seed}.txt"
        size = int(args.size_mb * 1e6)
        if not (args.keep and path.exists() and abs(path.stat().st_size - size) < 2000):
            start = time.perf_counter()
            generate(path, size, args.seed)
            print(f"generated in {time.perf_counter() - start:.1f} s")
        megabytes = path.stat().st_size / 1e6
        print(f"{path.name}: {megabytes:.1f} MB, seed {args.seed}\n")
        rows: dict[str, dict[str, Any]] = {}
        for name in args.only:
            python = Path(sys.executable) if name == "parse_export" else bench_python()
            got = run_child(python, name, path)
            if isinstance(got, str):
                print(f"  {name:<13} failed: {got}")
                continue
            rows[name] = got
            print(
                f"  {name:<13} {got['seconds']:8.2f} s  {megabytes / got['seconds']:7.1f} MB/s"
                f"  {got['entries'] / got['seconds']:10,.0f} entries/s"
                f"  peak RSS {got['rss'] / 1e6:7.0f} MB ({got['rss'] / 1e6 / megabytes:.1f}x file)"
                f"  {int(got['user_messages']):,} user messages"
                + (f"  [{got['engine']} engine]" if got["engine"] else ""),
                flush=True,
            )
        ours = rows.get("parse_export")
        differ = False
        if ours:
            for name, theirs in rows.items():
                if name == "parse_export":
                    continue
                same = theirs["user_messages"] == ours["user_messages"]
                differ |= not same
                print(
                    f"  ours/{name}: time {ours['seconds'] / theirs['seconds']:.3f}"
                    f" (speed-up {theirs['seconds'] / ours['seconds']:.1f}x),"
                    f" RSS {ours['rss'] / theirs['rss']:.2f},"
                    f" {'same user-message count' if same else 'USER-MESSAGE COUNTS DIFFER'}"
                )
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
