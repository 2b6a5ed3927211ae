"""Lines typed by a phrase that no real export or WhatsApp text confirms.

The phrase tables keep such guesses (`verified: false` in data/whatsapp/phrases_*.yaml) so that
a line in that wording is still typed; every line that only a guess recognises is listed here,
so that the Data page can show how much of an export rests on one.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from etl.sources.whatsapp.phrases import Phrases, any_of, normalized
from etl.sources.whatsapp.python_regex import MOST, each_any_matches

UNVERIFIED_SCHEMA: dict[str, pl.DataType] = {
    "line": pl.Int64(),
    "kind": pl.String(),  # "system", "media" or "deleted"
    "event": pl.String(),  # the system line's event; null for a placeholder
}


def unverified_matches(
    messages: pl.DataFrame, events: pl.DataFrame, phrases: Phrases
) -> pl.DataFrame:
    """(line, kind, event) of each typed line no verified phrase of its type matches."""
    first_line = normalized(pl.col("text").str.split("\n").list.first())
    typed = events.filter(pl.col("event") != "unknown").unique("line", keep="first")
    system = (
        messages.filter(pl.col("kind") == "system")
        .join(typed.select("line", "event"), on="line", how="inner")
        .select("line", "kind", "event", first_line.alias("norm"))
    )
    placeholders = messages.filter(pl.col("kind").is_in(["media", "deleted"])).select(
        "line", "kind", pl.lit(None, pl.String).alias("event"), first_line.alias("norm")
    )
    typed_lines = pl.concat([system, placeholders])
    verified = _verified(phrases)
    if typed_lines.height > MOST:
        return _unverified_by_polars(typed_lines, verified)
    wanted = [
        verified.get((kind, event), ())
        for kind, event in zip(
            typed_lines.get_column("kind").to_list(),
            typed_lines.get_column("event").to_list(),
            strict=True,
        )
    ]
    known = each_any_matches(typed_lines.get_column("norm"), wanted)
    return typed_lines.filter(~known).drop("norm").sort("line")


def _unverified_by_polars(
    typed_lines: pl.DataFrame, verified: dict[tuple[str, str | None], tuple[str, ...]]
) -> pl.DataFrame:
    """`unverified_matches` for many lines: one polars call per type (a list of which
    verified phrases each line needs costs more than the regex)."""
    found = [pl.DataFrame(schema=UNVERIFIED_SCHEMA)]
    for kind, event in typed_lines.select("kind", "event").unique().sort("kind", "event").rows():
        rows = typed_lines.filter(
            (pl.col("kind") == kind) & pl.col("event").eq_missing(pl.lit(event, pl.String))
        )
        patterns = any_of(verified.get((kind, event), ()))
        found.append(rows.filter(~pl.col("norm").str.contains(patterns)).drop("norm"))
    return pl.concat(found).sort("line")


@lru_cache(maxsize=4)
def _verified(phrases: Phrases) -> dict[tuple[str, str | None], tuple[str, ...]]:
    """The verified phrases of each (kind, event): a system line's event, a placeholder's
    kind (with no event)."""
    found: dict[tuple[str, str | None], tuple[str, ...]] = {
        ("media", None): phrases.verified_media,
        ("deleted", None): phrases.verified_deleted,
    }
    for event, pattern in phrases.verified_events:
        found[("system", event)] = (*found.get(("system", event), ()), pattern)
    return found
