"""What the blocks of one read produce, and the odd rows (entries `plain` could not settle)
classified in batches as they wait.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import polars as pl

from etl.sources.whatsapp.blocks import Block
from etl.sources.whatsapp.events import (
    CHAT,
    EXPORT,
    Classified,
    classified_exports,
    per_export,
)
from etl.sources.whatsapp.native import glue as native
from etl.sources.whatsapp.phrases import Phrases
from etl.sources.whatsapp.plain import Plain
from etl.sources.whatsapp.unverified import unverified_matches

# Odd rows (see `plain_messages`) classified together; more per call costs less per row,
# fewer bounds the memory they hold while waiting.
ODD_BATCH = 5_000
_ODD_SCHEMA: dict[str, pl.DataType] = {
    "ts": pl.Datetime("us"),
    "line": pl.Int64(),
    "rest": pl.String(),
    "more": pl.String(),
}
_ODD_BATCH_SCHEMA: dict[str, pl.DataType] = {**_ODD_SCHEMA, EXPORT: pl.Int64(), CHAT: pl.String()}


MESSAGE_SCHEMA: dict[str, pl.DataType] = {
    "ts": pl.Datetime("us"),
    "author": pl.String(),
    "text": pl.String(),
    "kind": pl.String(),
    "line": pl.Int64(),
}


@dataclass
class Collected:
    """What the blocks of one read produce."""

    parts: list[Plain | native.HeldPlain] = field(default_factory=list)  # odd rows wait
    waiting: int = 0  # odd rows in `parts`
    filled: list[pl.DataFrame] = field(default_factory=list)  # finished blocks' messages
    classified: list[Classified] = field(default_factory=list)  # `messages` cut to "line"
    unverified: list[pl.DataFrame] = field(default_factory=list)  # of the finished blocks
    rejects: list[pl.DataFrame] = field(default_factory=list)
    replaced: list[pl.DataFrame] = field(default_factory=list)  # lines holding U+FFFD
    clean: bool = True
    shaped: int = 0
    header_like: int = 0


def collect(
    got: Collected,
    block: Block,
    done: tuple[pl.DataFrame, Plain | native.HeldPlain] | None,
    phrases: Phrases,
    name: str | None,
) -> None:
    """Add one settled block (`done`: its rejects and messages, None while nothing of it is
    settled yet) to `got`, classifying the odd rows once `ODD_BATCH` of them wait."""
    got.clean &= block.clean
    got.shaped += block.shaped
    got.header_like += block.header_like
    got.replaced.append(block.replaced)
    if done is not None:
        got.rejects.append(done[0])
        got.parts.append(done[1])
        got.waiting += got.parts[-1].odd.height
        if got.waiting >= ODD_BATCH:
            classify_waiting(got, phrases, name)


def classify_waiting(got: Collected, phrases: Phrases, name: str | None) -> None:
    """Classify the odd rows of the blocks in `got.parts` and move those blocks, filled in,
    to `got.filled`. Done once per `ODD_BATCH` odd rows: each call compiles every phrase
    pattern again, and a file full of odd rows must not hold them all until its end."""
    (odd,) = classified_waiting([(got, name)], phrases)
    if odd is not None:
        take_classified(got, odd, phrases)


def classified_waiting(
    reads: Sequence[tuple[Collected, str | None]], phrases: Phrases
) -> list[Classified | None]:
    """The odd rows waiting in each of several exports' reads (each with its chat name)
    classified in one call of the phrase tables (None: nothing waits); the reads are left as
    they are, for `take_classified`."""
    waiting = [k for k, (got, _) in enumerate(reads) if got.parts]
    found: list[Classified | None] = [None] * len(reads)
    if not waiting:
        return found
    entries = pl.concat(
        [
            pl.DataFrame(schema=_ODD_BATCH_SCHEMA),
            *(
                part.odd.with_columns(
                    pl.lit(i, pl.Int64).alias(EXPORT),
                    pl.lit(reads[k][1] or None, pl.String).alias(CHAT),
                )
                for i, k in enumerate(waiting)
                for part in reads[k][0].parts
            ),
        ]
    )
    for k, odd in zip(waiting, classified_exports(entries, phrases, len(waiting)), strict=True):
        found[k] = odd
    return found


def take_classified(
    got: Collected, odd: Classified, phrases: Phrases, *, typed_now: bool = True
) -> pl.DataFrame:
    """Move the blocks waiting in `got`, filled in with their classified odd rows `odd`, to
    `got.filled`; returns their messages. Without `typed_now` the caller finds the lines
    only a guessed phrase typed (`unverified_of`) and adds them to `got.unverified`."""
    filled = _filled(got.parts, odd)
    messages = pl.concat([pl.DataFrame(schema=MESSAGE_SCHEMA), *filled])
    # The lines only a guessed phrase typed, found for the blocks just finished while the
    # next ones are read, rather than over the whole result after the last one. The voice
    # rule, which changes some lines at the end, types none (its event is "unknown").
    if typed_now:
        got.unverified.append(unverified_matches(messages, odd.events, phrases))
    got.filled += filled
    got.classified.append(replace(odd, messages=odd.messages.select("line")))
    got.waiting = 0
    return messages


def unverified_of(
    taken: Sequence[tuple[pl.DataFrame, pl.DataFrame]], phrases: Phrases
) -> list[pl.DataFrame]:
    """`unverified_matches` of each export's (messages, events), found for all of them in
    one call: per export, its fixed cost was about a tenth of a small export's CPU."""
    messages = pl.concat(
        [pl.DataFrame(schema={EXPORT: pl.Int64(), **MESSAGE_SCHEMA})]
        + [m.select(pl.lit(i, pl.Int64).alias(EXPORT), pl.all()) for i, (m, _) in enumerate(taken)]
    )
    events = pl.concat(
        [pl.DataFrame(schema={EXPORT: pl.Int64(), "line": pl.Int64(), "event": pl.String()})]
        + [
            e.select(pl.lit(i, pl.Int64).alias(EXPORT), "line", "event")
            for i, (_, e) in enumerate(taken)
        ]
    )
    found = unverified_matches(messages, events, phrases, by=[EXPORT, "line"])
    return per_export(found, len(taken))


def _filled(parts: list[Plain | native.HeldPlain], odd: Classified) -> list[pl.DataFrame]:
    """Each block's messages with its odd rows set to what `classified_exports` made of them
    (in line order, as `odd.messages` is), emptying `parts` as it goes so that no block is
    held twice."""
    filled, at = [], 0
    while parts:
        part = parts.pop(0)
        n = part.odd_at.len()
        filled.append(part.filled(odd.messages.slice(at, n)))
        at += n
        del part
    return filled
