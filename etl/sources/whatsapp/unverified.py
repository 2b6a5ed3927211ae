"""Lines typed by a phrase that no real export or WhatsApp text confirms.

The phrase tables keep such guesses (`verified: false` in data/whatsapp/phrases_*.yaml) so that
a line in that wording is still typed; every line that only a guess recognises is listed here,
so that the Data page can show how much of an export rests on one.
"""

from __future__ import annotations

import polars as pl

from etl.sources.whatsapp.phrases import Phrases, any_of, normalized

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
    found = [pl.DataFrame(schema=UNVERIFIED_SCHEMA)]
    for (event,) in system.select("event").unique().sort("event").iter_rows():
        verified = any_of(tuple(p for e, p in phrases.verified_events if e == event))
        rows = system.filter(pl.col("event") == event)
        found.append(rows.filter(~pl.col("norm").str.contains(verified)).drop("norm"))
    placeholders = (("media", phrases.verified_media), ("deleted", phrases.verified_deleted))
    for kind, patterns in placeholders:
        rows = messages.filter(pl.col("kind") == kind).select(
            "line", "kind", pl.lit(None, pl.String).alias("event"), first_line.alias("norm")
        )
        found.append(rows.filter(~pl.col("norm").str.contains(any_of(patterns))).drop("norm"))
    return pl.concat(found).sort("line")
