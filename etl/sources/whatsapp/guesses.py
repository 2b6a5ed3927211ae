"""Which guessed phrase typed each line of `ParsedExport.unverified`, counted per phrase.

The Data page shows, per export, the phrase (WhatsApp's wording as the project guessed it, in
data/whatsapp/phrases_*.yaml with `verified: false`) and its language with the number of lines
it typed: never a line's text, which may hold names.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import polars as pl

from etl.sources.whatsapp.events import PHRASES_DIR, _any_of, _whole, _yaml, normalized
from etl.sources.whatsapp.parse import ParsedExport

GUESS_SCHEMA: dict[str, pl.DataType] = {
    "locale": pl.String(),
    "kind": pl.String(),  # system | media | deleted
    "event": pl.String(),  # null for a placeholder
    "phrase": pl.String(),  # as written in the table
    "pattern": pl.String(),
}
COUNT_SCHEMA: dict[str, pl.DataType] = {
    **{k: v for k, v in GUESS_SCHEMA.items() if k != "pattern"},
    "lines": pl.Int64(),
}


def _guesses_in(
    items: object, locale: str, kind: str, event: str | None
) -> list[dict[str, str | None]]:
    found: list[dict[str, str | None]] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("verified", True) is False:
            phrase = str(item["p"])
            pattern = _any_of((_whole(phrase),))
            found.append(
                {
                    "locale": locale,
                    "kind": kind,
                    "event": event,
                    "phrase": phrase,
                    "pattern": pattern,
                }
            )
    return found


@lru_cache(maxsize=2)
def guessed_phrases(folder: Path = PHRASES_DIR) -> pl.DataFrame:
    """Every unverified phrase of every table (`GUESS_SCHEMA`), English first as the parser
    reads them."""
    files = sorted(folder.glob("phrases_*.yaml"), key=lambda p: (p.stem != "phrases_en", p.name))
    rows: list[dict[str, str | None]] = []
    for path in files:
        table = _yaml(path) or {}
        locale = str(table.get("locale") or path.stem.removeprefix("phrases_"))
        rows += _guesses_in(table.get("media"), locale, "media", None)
        rows += _guesses_in(table.get("deleted"), locale, "deleted", None)
        for event, items in (table.get("events") or {}).items():
            rows += _guesses_in(items, locale, "system", str(event))
    return pl.DataFrame(rows, schema=GUESS_SCHEMA)


def unverified_phrase_counts(parsed: ParsedExport, folder: Path = PHRASES_DIR) -> pl.DataFrame:
    """(locale, kind, event, phrase, lines) of the guessed phrases that typed lines of this
    export; a line goes to the first guess (in the tables' order) that matches it."""
    if parsed.unverified.is_empty():  # nearly every export: no line needs the guesses
        return pl.DataFrame(schema=COUNT_SCHEMA)
    lines = parsed.unverified.join(
        parsed.messages.select(
            "line", normalized(pl.col("text").str.split("\n").list.first()).alias("norm")
        ),
        on="line",
        how="inner",
    )
    counts = [pl.DataFrame(schema=COUNT_SCHEMA)]
    for guess in guessed_phrases(folder).iter_rows(named=True):
        if lines.is_empty():
            break
        same = (pl.col("kind") == guess["kind"]) & pl.col("event").eq_missing(guess["event"])
        hit = same & pl.col("norm").str.contains(guess["pattern"])
        n = lines.filter(hit).height
        if n:
            row = {k: v for k, v in guess.items() if k != "pattern"}
            counts.append(pl.DataFrame([{**row, "lines": n}], schema=COUNT_SCHEMA))
            lines = lines.filter(~hit)
    return pl.concat(counts)
