"""The parsed export: messages, events, rejects and the file-wide flags, assembled from what
the blocks of the last read produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from etl.sources.whatsapp.collected import MESSAGE_SCHEMA, Collected, classify_waiting
from etl.sources.whatsapp.completeness import starts_mid_history
from etl.sources.whatsapp.events import EVENT_SCHEMA
from etl.sources.whatsapp.headers import Shape
from etl.sources.whatsapp.phrases import LRM, Phrases
from etl.sources.whatsapp.stream import REJECT_SCHEMA
from etl.sources.whatsapp.unverified import UNVERIFIED_SCHEMA

_PENDING_SCHEMA: dict[str, pl.DataType] = {"line": pl.Int64(), "author": pl.String()}


@dataclass(frozen=True)
class ParsedExport:
    """One export: messages, membership and group events, and what could not be read cleanly."""

    messages: pl.DataFrame  # ts, author, text, kind, line
    events: pl.DataFrame  # ts, event, actor, subject, line
    rejects: pl.DataFrame  # line, reason, raw
    day_first: bool
    date_order_decided: bool  # False: no day > 12 in the file told day from month
    date_order_evidence: (
        str  # "day>12", or else "setting", "chronology" (fewer steps back), "default"
    )
    layout: str  # "android" | "ios"
    chat_name: str | None
    engine: str = "polars"  # "native": the compiled core read it (same result, faster)
    # The export holds WhatsApp's cap of entries and does not start at the chat's start: the
    # earlier history was cut off (see `completeness`).
    incomplete: bool = False
    # line, kind, event of the lines only a phrase no source confirms recognised
    unverified: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=UNVERIFIED_SCHEMA))

    @property
    def unknown_system_lines(self) -> int:
        """System lines no phrase table recognised (kept, with event "unknown")."""
        return self.events.filter(pl.col("event") == "unknown").height


def assembled(
    got: Collected, shape: Shape, order: tuple[bool, str], name: str | None, phrases: Phrases
) -> ParsedExport:
    classify_waiting(got, phrases, name)
    odd = got.classified
    messages = pl.concat([pl.DataFrame(schema=MESSAGE_SCHEMA), *got.filled])
    events = pl.concat([pl.DataFrame(schema=EVENT_SCHEMA), *(c.events for c in odd)])
    rejects = [pl.DataFrame(schema=REJECT_SCHEMA), *got.rejects]
    # The "voice" rule needs the whole file: see `Classified`.
    pending = pl.concat([pl.DataFrame(schema=_PENDING_SCHEMA), *(c.pending for c in odd)])
    if pending.height:
        lines = pl.concat([c.messages.get_column("line") for c in odd]).implode()
        plain = messages.filter(~pl.col("line").is_in(lines)).get_column("author")
        unmarked = pl.concat([plain, *(c.unmarked_authors for c in odd)])
        spoken = pl.concat([c.event_authors for c in odd])
        voice = spoken.filter(~spoken.is_in(unmarked.implode()))
        voiced = pending.filter(pl.col("author").is_in(voice.implode()))
        if voiced.height:
            messages, events = _voiced(messages, events, voiced.get_column("line"))
    if not got.clean:
        reason = pl.lit("undecodable bytes (not UTF-8), replaced with U+FFFD").alias("reason")
        rejects += [r.select("line", reason, "raw") for r in got.replaced]
    return ParsedExport(
        incomplete=starts_mid_history(messages, events),
        unverified=pl.concat([pl.DataFrame(schema=UNVERIFIED_SCHEMA), *got.unverified]).sort(
            "line"
        ),
        messages=messages,
        events=events,
        rejects=pl.concat(rejects).sort("line", nulls_last=False, maintain_order=True),
        day_first=order[0],
        date_order_decided=order[1] == "day>12",
        date_order_evidence=order[1],
        layout=shape.layout,
        chat_name=name,
    )


def _voiced(
    messages: pl.DataFrame, events: pl.DataFrame, lines: pl.Series
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Marked lines of a voice that no phrase knows become system lines, event "unknown"."""
    hit = pl.col("line").is_in(lines.implode())
    messages = messages.with_columns(
        pl.when(hit).then(None).otherwise(pl.col("author")).alias("author"),
        pl.when(hit)
        .then(pl.col("text").str.replace(f"^[{LRM}\u200f]+", ""))
        .otherwise(pl.col("text"))
        .alias("text"),
        pl.when(hit).then(pl.lit("system")).otherwise(pl.col("kind")).alias("kind"),
    )
    added = messages.filter(hit).select(
        "ts",
        pl.lit("unknown").alias("event"),
        pl.lit(None, pl.String).alias("actor"),
        pl.lit(None, pl.String).alias("subject"),
        "line",
    )
    return messages, pl.concat([events, added]).sort("line", maintain_order=True)
