"""Lines typed by a phrase that no real export or WhatsApp text confirms.

The phrase tables keep such guesses (`verified: false` in data/whatsapp/phrases_*.yaml) so that
a line in that wording is still typed; every line that only a guess recognises is listed here,
so that the Data page can show how much of an export rests on one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import polars as pl

from etl.sources.whatsapp.phrases import Phrases, any_of, normalized
from etl.sources.whatsapp.python_regex import MOST, each_any_matches

# Typed lines matched in Python (`MOST` at a time) up to this many; more, one polars call per
# type. A batch of small exports holds a few thousand, for which the polars calls' fixed cost
# was more than Python's matching.
PYTHON_LINES = 10_000

UNVERIFIED_SCHEMA: dict[str, pl.DataType] = {
    "line": pl.Int64(),
    "kind": pl.String(),  # "system", "media" or "deleted"
    "event": pl.String(),  # the system line's event; null for a placeholder
}


def unverified_matches(
    messages: pl.DataFrame,
    events: pl.DataFrame,
    phrases: Phrases,
    by: Sequence[str] = ("line",),
) -> pl.DataFrame:
    """(line, kind, event) of each typed line no verified phrase of its type matches. `by`:
    the columns that name a line (several exports' lines together: the export and line)."""
    keys = list(by)
    first_line = normalized(pl.col("text").str.split("\n").list.first())
    typed = events.filter(pl.col("event") != "unknown").unique(keys, keep="first")
    system = (
        messages.filter(pl.col("kind") == "system")
        .join(typed.select(*keys, "event"), on=keys, how="inner")
        .select(*keys, "kind", "event", first_line.alias("norm"))
    )
    placeholders = messages.filter(pl.col("kind").is_in(["media", "deleted"])).select(
        *keys, "kind", pl.lit(None, pl.String).alias("event"), first_line.alias("norm")
    )
    typed_lines = pl.concat([system, placeholders])
    verified = _verified(phrases)
    if typed_lines.height > PYTHON_LINES:
        return _unverified_by_polars(typed_lines, verified, keys)
    wanted = [
        verified.get((kind, event), ())
        for kind, event in zip(
            typed_lines.get_column("kind").to_list(),
            typed_lines.get_column("event").to_list(),
            strict=True,
        )
    ]
    norm = typed_lines.get_column("norm")
    known = pl.concat(
        [pl.Series("norm", [], dtype=pl.Boolean)]
        + [
            each_any_matches(norm.slice(start, MOST), wanted[start : start + MOST])
            for start in range(0, norm.len(), MOST)
        ]
    )
    return typed_lines.filter(~known).drop("norm").sort(keys)


def _unverified_by_polars(
    typed_lines: pl.DataFrame,
    verified: dict[tuple[str, str | None], tuple[str, ...]],
    keys: list[str],
) -> pl.DataFrame:
    """`unverified_matches` for many lines: one polars call per type (a list of which
    verified phrases each line needs costs more than the regex)."""
    found = [typed_lines.clear().drop("norm")]
    for kind, event in typed_lines.select("kind", "event").unique().sort("kind", "event").rows():
        rows = typed_lines.filter(
            (pl.col("kind") == kind) & pl.col("event").eq_missing(pl.lit(event, pl.String))
        )
        patterns = any_of(verified.get((kind, event), ()))
        found.append(rows.filter(~pl.col("norm").str.contains(patterns)).drop("norm"))
    return pl.concat(found).sort(keys)


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
