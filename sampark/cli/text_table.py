"""Frames as plain text tables that line up in a terminal, Devanagari included.

A terminal gives each character the columns the C library's wcwidth gives it: none for a
non-spacing mark (the anusvara ं, the virama ्, most matras), two for a wide East Asian
character, and one for everything else, the spacing matras (ा, ि, ी, ो) included. Rich counts
those spacing matras as none, so a Hindi name came out short and its column ran into the next;
padding here counts them as a terminal does. Pure: frame in, text out."""

from __future__ import annotations

import unicodedata

import polars as pl

_ZERO = {"Mn", "Me", "Cf"}
GAP = "  "


def display_width(text: str) -> int:
    """Terminal columns `text` takes.

    >>> display_width("Patna"), display_width("पटना"), display_width("नालंदा")
    (5, 4, 5)
    """
    width = 0
    for ch in text:
        if unicodedata.category(ch) in _ZERO or ch == "\u200d" or ch == "\u200c":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, right: bool) -> str:
    room = " " * (width - display_width(text))
    return room + text if right else text + room


def _cells(frame: pl.DataFrame) -> list[list[str]]:
    return [["" if v is None else str(v) for v in row] for row in frame.iter_rows()]


def text_table(frame: pl.DataFrame, title: str, width: int | None = None) -> str:
    """`frame` under its title: columns (numbers right-aligned, every header whole) when they
    fit in `width` terminal columns or no width is given (piped output runs at its natural
    width); otherwise one block per row, "column  value", which fits any terminal."""
    headers = frame.columns
    rows = _cells(frame)
    right = [frame[name].dtype.is_numeric() for name in headers]
    widths = [
        max([display_width(h), *(display_width(r[i]) for r in rows)]) for i, h in enumerate(headers)
    ]
    natural = sum(widths) + len(GAP) * (len(widths) - 1)
    if width is None or natural <= width:
        lines = [
            title,
            GAP.join(_pad(h, w, r) for h, w, r in zip(headers, widths, right, strict=True)),
            GAP.join("-" * w for w in widths),
            *(
                GAP.join(_pad(c, w, r) for c, w, r in zip(row, widths, right, strict=True))
                for row in rows
            ),
        ]
        return "\n".join(line.rstrip() for line in lines) + "\n"
    label = max(display_width(h) for h in headers)
    blocks = [title]
    for n, row in enumerate(rows, 1):
        blocks.append(f"-- {n} --")
        blocks.extend(
            f"{_pad(h, label, False)}{GAP}{c}".rstrip() for h, c in zip(headers, row, strict=True)
        )
    return "\n".join(blocks) + "\n"
