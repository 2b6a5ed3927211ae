"""Does the parser still give the same output? Record it once, compare any engine against it.

    .venv/bin/python bench/parity.py cases DIR [--count 200] [--demo INBOX]
    .venv/bin/python bench/parity.py record DIR [--code CHECKOUT]
    .venv/bin/python bench/parity.py compare DIR --engine native|polars

`cases` writes the inputs into DIR/cases/: `--count` generated exports (Android 12h/24h,
US, dotted, year-first, iOS; CRLF, UTF-8 BOM, UTF-16; forged and late headers, header text
inside bodies, text before the first header, broken UTF-8, lone CR, NUL, Devanagari digits,
impossible dates, month-first files, days > 12 only near the end, Hindi text and system
lines, marks, curly quotes, iOS "voice" lines), the shared corpus and the demo chats of
`--demo` (an inbox written by `python -m etl demo`). `record` parses every case in two or
three block sizes (down to 40 bytes for small files) with the code at `--code` (a checkout of
the version to compare against; default this one) and keeps messages, events, rejects and
the flags in DIR/expected/. `compare` parses them again with this checkout's `parse_export`
and the given engine and prints every case that differs; it exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "whatsapp"
NNBSP, LRM = "\u202f", "\u200e"
NAMES = ["Amit", "Ravi Kumar", "SI Sunita", "+91 98765 43210", "राजेश यादव", "HC Irfan", "Neha"]
WORDS = ["report", "beat", "patrol", "FIR", "ok", "sir", "थाना", "गश्त", "आज", "कृपया", "noted"]


def _stamp(layout: str, when: datetime, month_first: bool) -> str:
    d, m = (when.month, when.day) if month_first else (when.day, when.month)
    h12 = when.hour % 12 or 12
    ap = "am" if when.hour < 12 else "pm"
    if layout == "android12":
        return f"{d:02d}/{m:02d}/{when:%y}, {h12}:{when:%M}{NNBSP}{ap} - "
    if layout == "android24":
        return f"{d:02d}/{m:02d}/{when:%Y}, {when:%H:%M} - "
    if layout == "us":
        return f"{d}/{m}/{when:%y}, {h12}:{when:%M} {ap.upper()} - "
    if layout == "dotted":
        return f"{d:02d}.{m:02d}.{when:%y}, {when:%H:%M} - "
    if layout == "yearfirst":
        return f"{when:%Y}-{when:%m}-{when:%d} {when:%H:%M} - "
    if layout == "klo":
        return f"{d}.{m}.{when:%Y} klo {when:%H.%M} - "
    return f"[{d:02d}/{m:02d}/{when:%y}, {when:%H:%M:%S}] "  # ios


def _system(rng: random.Random, hindi: bool) -> str:
    a, b, c = rng.sample(NAMES, 3)
    if hindi:
        return rng.choice(
            [
                f"{a} ने {b} और {c} को जोड़ा",
                f"{a} ने ग्रुप छोड़ दिया",
                f"{a} इस ग्रुप के इनवाइट लिंक से जुड़े",
                f"{a} ने {b} को हटाया",
                "संदेश और कॉल एंड-टू-एंड एन्क्रिप्टेड हैं।",
            ]
        )
    return rng.choice(
        [
            f"{a} added {b}, {c} and {a}",
            f"{a} left",
            f"{a} removed {b}",
            f"{a} joined using this group's invite link",
            f'{a} created group "PS {c}"',
            f'{a} changed the subject from "x" to "PS: {b}"',
            f"{a} changed this group's icon",
            f"{a} changed their phone number to a new number. Tap to message.",
            "Messages and calls are end-to-end encrypted. No one outside this chat can read them.",
            "You're now an admin",
            f"{a} made {b} an admin",
            f"{a} did something new",
        ]
    )


def _body(rng: random.Random, head: str) -> str:
    roll = rng.random()
    words = " ".join(rng.choices(WORDS, k=rng.randint(1, 12)))
    if roll < 0.05:
        return "<Media omitted>"
    if roll < 0.08:
        return rng.choice(
            ["This message was deleted", "यह संदेश हटा दिया गया", "IMG-1.jpg (file attached)"]
        )
    if roll < 0.11:
        return f"“{words}” it’s {words}"
    if roll < 0.13:
        return f"  {words} "
    if roll < 0.15:
        return f"{LRM}{words}"
    if roll < 0.17:
        return f"see {head}Fake: forged {words}"
    if roll < 0.19:
        return f"date 12/03/23, 10:00 - {words} 1/2/3 ४/५/२३"
    if roll < 0.20:
        return words + "\t"
    if roll < 0.21:
        return words * rng.randint(50, 400)
    return words


def generated(seed: int) -> bytes:
    """One export with a random mix of layouts, encodings and awkward lines."""
    rng = random.Random(seed)
    layout = rng.choice(["android12", "android24", "us", "dotted", "yearfirst", "ios", "klo"])
    month_first = layout == "us" or rng.random() < 0.15
    hindi = rng.random() < 0.3
    when = datetime(2023, rng.randint(1, 12), rng.randint(1, 12), rng.randint(0, 23), 0)
    if rng.random() < 0.3:  # days > 12 only at the end: the first block guesses the order
        when = datetime(2023, 1, 1, 8, 0)
    lines: list[str] = []
    if rng.random() < 0.2:
        lines += ["text before any header", ""]
    group = "PS Kotwali"
    for _ in range(rng.randint(3, rng.choice([30, 150, 400]))):
        when += timedelta(minutes=rng.randint(0, 600))
        head = _stamp(layout, when, month_first)
        roll = rng.random()
        if roll < 0.03:  # forged: far back, the next header is in order again
            fake = _stamp(layout, when - timedelta(days=rng.randint(1, 30)), month_first)
            lines.append(f"{fake}{rng.choice(NAMES)}: forged")
            continue
        if roll < 0.05:  # late: a small step back
            lines.append(f"{_stamp(layout, when - timedelta(hours=1), month_first)}Late: sorry")
            continue
        if roll < 0.07:
            lines.append(f"{head}{_system(rng, hindi)}")
        elif roll < 0.09 and layout == "ios":
            lines.append(
                f"{LRM}{head}{group}: {LRM}{rng.choice([_system(rng, hindi), 'new thing'])}"
            )
        elif roll < 0.10:
            lines.append(f"{head}{rng.choice(NAMES)}:")
        elif roll < 0.11:
            lines.append(head.replace("2023", "2023").replace("/", "/", 1) + "31/02 odd")
        else:
            lines.append(f"{head}{rng.choice(NAMES)}: {_body(rng, head)}")
        for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 4])):
            lines.append(
                rng.choice(["", "more text", "  indented", "१२/०३/२३, 10:00 - x", "12:00 ok"])
            )
    text = "\n".join(lines) + rng.choice(["\n", "", "\n\n"])
    crlf = rng.random() < 0.2
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    if rng.random() < 0.1:  # broken bytes, lone CR, NUL
        spots = sorted(rng.sample(range(len(raw)), min(5, len(raw))))
        for at in reversed(spots):
            raw = raw[:at] + rng.choice([b"\xff", b"\xe0\x80", b"\r", b"\x00", b"\xc3"]) + raw[at:]
    encoding = rng.random()
    if encoding < 0.08:
        return text.encode("utf-16")
    if encoding < 0.15:
        return b"\xef\xbb\xbf" + raw
    return raw


def write_cases(folder: Path, count: int, demo: Path | None) -> None:
    cases = folder / "cases"
    cases.mkdir(parents=True, exist_ok=True)
    for seed in range(count):
        (cases / f"gen{seed:03d} - WhatsApp Chat with PS Case {seed}.txt").write_bytes(
            generated(seed)
        )
    if CORPUS.is_dir():
        for path in sorted(CORPUS.rglob("*")):
            if path.suffix in (".txt", ".zip"):
                shutil.copyfile(path, cases / f"corpus - {path.parent.name} - {path.name}")
    if demo is not None:
        for path in sorted(demo.rglob("chats/*")):
            shutil.copyfile(path, cases / f"demo - {path.name}")


def _block_sizes(path: Path) -> list[int]:
    size = path.stat().st_size
    return [4 * 1024 * 1024, 1024] + ([40] if size <= 40_000 else [64 * 1024])


def _outcome(path: Path, block: int, engine: str | None) -> dict[str, Any]:
    from etl.sources.whatsapp import parse_export

    kwargs: dict[str, Any] = {"block_bytes": block}
    if engine is not None:
        kwargs["engine"] = engine
    try:
        got = parse_export(path, **kwargs)
    except Exception as err:  # the error is part of the output to compare
        return {"error": f"{type(err).__name__}: {err}"}
    return {
        "frames": {name: getattr(got, name) for name in ("messages", "events", "rejects")},
        "flags": [
            got.day_first,
            got.date_order_decided,
            got.date_order_evidence,
            got.layout,
            got.chat_name,
        ],
    }


def _key(path: Path, block: int) -> str:
    return f"{path.name}.{block}"


def record(folder: Path) -> None:
    expected = folder / "expected"
    expected.mkdir(exist_ok=True)
    for path in sorted((folder / "cases").iterdir()):
        for block in _block_sizes(path):
            out = _outcome(path, block, None)
            key = _key(path, block)
            for name, frame in out.pop("frames", {}).items():
                frame.write_ipc(expected / f"{key}.{name}.ipc")
            (expected / f"{key}.json").write_text(json.dumps(out, ensure_ascii=False))


def compare(folder: Path, engine: str) -> int:
    import polars as pl
    from polars.testing import assert_frame_equal

    expected, bad, n = folder / "expected", 0, 0
    for path in sorted((folder / "cases").iterdir()):
        for block in _block_sizes(path):
            key, n = _key(path, block), n + 1
            want = json.loads((expected / f"{key}.json").read_text())
            got = _outcome(path, block, engine)
            frames = got.pop("frames", {})
            try:
                assert got == want, f"{got} != {want}"
                for name, frame in frames.items():
                    assert_frame_equal(
                        frame, pl.read_ipc((expected / f"{key}.{name}.ipc").read_bytes())
                    )
            except AssertionError as err:
                bad += 1
                print(f"DIFFERS {key}: {str(err)[:500]}", flush=True)
    print(f"{n - bad} of {n} the same ({engine})")
    return 1 if bad else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("step", choices=["cases", "record", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--demo", type=Path)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--engine", choices=["native", "polars"], default="native")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    if args.step == "cases":
        write_cases(args.folder, args.count, args.demo)
    elif args.step == "record":
        record(args.folder)
    else:
        sys.exit(compare(args.folder, args.engine))


if __name__ == "__main__":
    main()
