"""WhatsApp "Export chat" files (`.txt`, or `.zip` with or without media) → typed frames.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> chat = folder / "WhatsApp Chat with PS Kotwali.txt"
>>> _ = chat.write_text(
...     "13/01/24, 7:41\u202fpm - SHO Kotwali added Amit and Ravi\\n"
...     "13/01/24, 7:42\u202fpm - Amit: Namaste\\nsecond line\\n",
...     encoding="utf-8",
... )
>>> result = parse_export(chat)
>>> result.messages.select("author", "text", "kind").rows()
[(None, 'SHO Kotwali added Amit and Ravi', 'system'), ('Amit', 'Namaste\\nsecond line', 'text')]
>>> result.events.select("event", "actor", "subject").rows()
[('added', 'SHO Kotwali', 'Amit'), ('added', 'SHO Kotwali', 'Ravi')]
>>> result.day_first, result.date_order_decided, result.chat_name
(True, True, 'PS Kotwali')
"""

from __future__ import annotations

import functools
import zipfile
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

import polars as pl

from etl.sources.chats.names import export_chat_name
from etl.sources.whatsapp.blocks import (
    Block,
    NativeSettler,
    PolarsSettler,
    Settler,
    line_count,
    prepared_bytes,
    prepared_native,
)
from etl.sources.whatsapp.completeness import starts_mid_history
from etl.sources.whatsapp.events import EVENT_SCHEMA, Classified, classify
from etl.sources.whatsapp.headers import (
    SNIFF_LINES,
    DateEvidence,
    Shape,
    UnknownExportFormat,
    line_shapes,
    most_common_shape,
    shape_counts,
)
from etl.sources.whatsapp.native import glue as native
from etl.sources.whatsapp.phrases import LRM, Phrases, load_phrases
from etl.sources.whatsapp.plain import Plain
from etl.sources.whatsapp.stream import (
    BLOCK_BYTES,
    REJECT_SCHEMA,
    SMALL_BYTES,
    OverCap,
    lines_of,
    utf8_blocks,
)
from etl.sources.whatsapp.unverified import UNVERIFIED_SCHEMA, unverified_matches
from etl.sources.whatsapp.zipped import BadExport, Opener, chat_in_zip, member_opener

__all__ = [
    "BLOCK_BYTES",
    "MAX_CHAT_BYTES",
    "BadExport",
    "ParsedExport",
    "UnknownExportFormat",
    "parse_export",
]

# A zip's chat text beyond this is refused (a zip bomb, or not a chat). Plain text files are
# read in blocks and have no cap.
MAX_CHAT_BYTES = 200 * 1024 * 1024

MESSAGE_SCHEMA: dict[str, pl.DataType] = {
    "ts": pl.Datetime("us"),
    "author": pl.String(),
    "text": pl.String(),
    "kind": pl.String(),
    "line": pl.Int64(),
}
# Odd rows (see `plain_messages`) classified together; more per call costs less per row,
# fewer bounds the memory they hold while waiting.
ODD_BATCH = 5_000
PREPARED_AHEAD = 2  # blocks queued for the worker thread (see `_read`)
_ODD_SCHEMA: dict[str, pl.DataType] = {
    "ts": pl.Datetime("us"),
    "line": pl.Int64(),
    "rest": pl.String(),
    "more": pl.String(),
}


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


@dataclass(frozen=True)
class _Decided:
    """File-wide choices fixed for a second read, when the first block guessed wrong."""

    shape: str | None = None
    order: tuple[bool, str] | None = None
    count_back: bool = False  # count steps back in time in every block (see `_read`)
    engine: str = "polars"  # "native" or "polars"; polars again when the native read fails


def parse_export(
    path: Path,
    *,
    day_first: bool | None = None,
    max_chat_bytes: int = MAX_CHAT_BYTES,
    block_bytes: int = BLOCK_BYTES,
    engine: str = "auto",
) -> ParsedExport:
    """Read a WhatsApp export. `day_first` only applies when the dates leave the order open.

    The text is read in blocks of about `block_bytes`, so memory stays bounded by the result.
    `engine`: "native" (the compiled core, `native/`), "polars", or "auto" (native
    when built); both give the same result, and `ParsedExport.engine` says which ran.
    Raises `UnknownExportFormat` when no message header is found near the top and
    `BadExport` when a zip is broken, unsafe, has no chat text, or unpacks past the cap.
    """
    if engine not in ("auto", "native", "polars"):
        raise ValueError(f"engine must be auto, native or polars, not {engine!r}")
    if engine == "native" and not native.available():
        raise ValueError(
            f"engine='native' but the compiled parser is not built ({native.library_path()})"
        )
    path = Path(path)
    refused = pl.DataFrame(schema=REJECT_SCHEMA)
    member: str | None = None
    cap: int | None = None
    opener: Opener = lambda: path.open("rb")  # noqa: E731
    if path.suffix.lower() == ".zip":
        member, refused = chat_in_zip(path, max_chat_bytes)
        opener, cap = member_opener(path, member), max_chat_bytes
    name = export_chat_name(path) or (export_chat_name(PurePosixPath(member)) if member else None)
    use_native = engine == "native" or (engine == "auto" and native.available())
    read = functools.partial(
        _parsed, opener, cap, name, day_first, block_bytes, "native" if use_native else "polars"
    )
    outcome = _guarded(path, member, cap, read)
    rejects = pl.concat([refused, outcome.rejects])
    return ParsedExport(
        **{
            **outcome.__dict__,
            "rejects": rejects.sort("line", nulls_last=False, maintain_order=True),
        }
    )


def _guarded(
    path: Path, member: str | None, cap: int | None, read: Callable[[], ParsedExport]
) -> ParsedExport:
    """`read()`, with a zip's corruption or overflow turned into `BadExport`."""
    try:
        return read()
    except OverCap as err:
        raise BadExport(
            f"{path.name}: {member} unpacks past the {cap}-byte cap although it"
            " declares less (zip bomb)"
        ) from err
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise BadExport(f"{path.name}: {member} is corrupt ({err})") from err


def _with_last(blocks: Iterator[bytes]) -> Iterator[tuple[bytes, bool]]:
    """Each block and whether it is the last."""
    previous = next(blocks, None)
    for block in blocks:
        assert previous is not None
        yield previous, False
        previous = block
    if previous is not None:
        yield previous, True


def _head(first: bytes) -> bytes:
    """The lines the shape is guessed from: the first `SMALL_BYTES` or so (at least
    `SNIFF_LINES` lines). The guess only saves work: a shape other than the file's most
    common one leaves as many lines of other shapes as of its own, which has the whole file
    counted (`_exact_shape`) and read again with the right one."""
    cut = first.find(b"\n", SMALL_BYTES) + 1
    if cut == 0 or first.count(b"\n", 0, cut) < SNIFF_LINES:
        return first
    return first[:cut]


def _first_shape(lines: pl.DataFrame, decided: _Decided) -> Shape:
    if decided.shape is not None:
        return Shape(decided.shape)
    shapes = line_shapes(lines.get_column("raw"))
    if shapes.head(SNIFF_LINES).null_count() == min(shapes.len(), SNIFF_LINES):
        raise _no_header()
    shape = most_common_shape(shapes.drop_nulls().value_counts(name="n"))
    assert shape is not None
    return Shape(shape)


def _no_header() -> UnknownExportFormat:
    return UnknownExportFormat(
        f"no WhatsApp message header in the first {SNIFF_LINES} lines"
        " (expected e.g. '12/03/23, 10:00 am - Name: text' or '[12/03/23, 10:00:00 AM] …')"
    )


@dataclass
class _Collected:
    """What the blocks of one read produce."""

    parts: list[Plain | native.HeldPlain] = field(default_factory=list)  # odd rows wait
    waiting: int = 0  # odd rows in `parts`
    filled: list[pl.DataFrame] = field(default_factory=list)  # finished blocks' messages
    classified: list[Classified] = field(default_factory=list)  # `messages` cut to "line"
    rejects: list[pl.DataFrame] = field(default_factory=list)
    replaced: list[pl.DataFrame] = field(default_factory=list)  # lines holding U+FFFD
    clean: bool = True
    shaped: int = 0
    header_like: int = 0


def _parsed(
    opener: Opener,
    cap: int | None,
    name: str | None,
    day_first: bool | None,
    block_bytes: int,
    engine: str,
) -> ParsedExport:
    """The export, read once and read again for as long as a read finds that a guess made
    from its first block does not hold for the whole file (`_correction`) or the compiled
    core cannot read it. Each further read keeps what the reads before it found, so there
    are a few at most."""
    phrases = load_phrases()
    decided = _Decided(engine=engine)
    while True:
        try:
            read = _read(opener, cap, name, day_first, decided, block_bytes, phrases)
        except native.NativeFailed:
            # Out of memory in C, or a line too long for an Arrow string view: polars reads it.
            decided = replace(decided, engine="polars")
            continue
        correction = _correction(read, decided, opener, cap, block_bytes)
        if correction is None:
            parsed = _assembled(read.got, read.shape, read.final, name, phrases)
            return replace(parsed, engine=decided.engine)
        decided = correction


@dataclass
class _Pass:
    """One read of the text and the guesses it made from the first block."""

    got: _Collected
    shape: Shape
    order: tuple[bool, str]  # the day/month order the entries were settled with
    final: tuple[bool, str]  # the order the whole file gives
    evidence: DateEvidence
    skipped: bool  # some blocks did not count steps back in time


def _read(
    opener: Opener,
    cap: int | None,
    name: str | None,
    day_first: bool | None,
    decided: _Decided,
    block_bytes: int,
    phrases: Phrases,
) -> _Pass:
    """One pass over the text. The shape and the day/month order are guessed from the first
    block, unless `decided` fixes them. The next block is prepared on a worker thread while
    this one is settled and classified.

    Steps back in time only decide the order when no day > 12 does, so once one has, later
    blocks skip counting them (`_Pass.skipped`)."""
    evidence, got = DateEvidence(), _Collected()
    order: tuple[bool, str] | None = decided.order
    with opener() as stream, ThreadPoolExecutor(max_workers=1) as pool:
        blocks = _with_last(utf8_blocks(stream, block_bytes, cap))
        first, eof = _first_blocks(blocks)
        shape = _first_shape(lines_of(_head(first), 1)[0], decided)
        prepare, settler = _engine(decided.engine, shape)
        next_line, skipped = 1 + line_count(first), False
        # Blocks queued for the worker: two, so that a block the main thread is slow on does
        # not leave the worker idle (one more block in memory).
        pending = deque([pool.submit(prepare, first, 1, eof, shape, day_first, True)])
        while True:
            block = pending.popleft().result()
            evidence.add(block.dates)
            while len(pending) < PREPARED_AHEAD and not eof:
                data, eof = next(blocks)
                count = decided.count_back or evidence.first_big == evidence.second_big
                skipped |= not count
                pending.append(pool.submit(prepare, data, next_line, eof, shape, day_first, count))
                next_line += line_count(data)
            order = order or evidence.order(day_first, year_first=shape.year_first)
            done = settler.settled(block, day_first=order[0], phrases=phrases)
            _collect(got, block, done, phrases, name)
            if block.eof:
                break
    assert order is not None
    final = decided.order or evidence.order(day_first, year_first=shape.year_first)
    return _Pass(got, shape, order, final, evidence, skipped)


def _first_blocks(blocks: Iterator[tuple[bytes, bool]]) -> tuple[bytes, bool]:
    """The first blocks joined until they hold `SNIFF_LINES` lines, and whether that is the
    whole text."""
    first, eof = b"", True
    for data, last in blocks:
        first, eof = first + data, last
        if first.count(b"\n") >= SNIFF_LINES:
            break
    if not first:
        raise _no_header()
    return first, eof


def _engine(engine: str, shape: Shape) -> tuple[Callable[..., Block], Settler]:
    """How blocks are prepared and settled: by the compiled core or by polars."""
    if engine == "native":
        return prepared_native, NativeSettler(native.Window(shape))
    return prepared_bytes, PolarsSettler(shape)


def _collect(
    got: _Collected,
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
            _classify_waiting(got, phrases, name)


def _correction(
    read: _Pass, decided: _Decided, opener: Opener, cap: int | None, block_bytes: int
) -> _Decided | None:
    """What the next read must use when a guess `read` made from the first block does not
    hold for the whole file; None when every guess held.

    The shape: another shape could only outnumber the guessed one if the lines not of it
    were as many, and then every line is counted. Steps back in time: when blocks skipped
    counting them because a day > 12 had decided the order, and a later day > 12 in the
    other field undid that, they are counted everywhere. The order: when the whole file
    gives another than the one the entries were settled with."""
    engine, got, shape = decided.engine, read.got, read.shape
    if decided.shape is None and got.header_like - got.shaped >= got.shaped:
        exact = _exact_shape(opener, cap, block_bytes)
        if exact != shape.text:
            return _Decided(shape=exact, engine=engine)
    evidence = read.evidence
    if read.skipped and decided.order is None and evidence.first_big == evidence.second_big:
        return _Decided(shape=shape.text, count_back=True, engine=engine)
    if read.final[0] != read.order[0]:
        return _Decided(shape=shape.text, order=read.final, engine=engine)
    return None


def _exact_shape(opener: Opener, cap: int | None, block_bytes: int) -> str | None:
    """The file's most common header shape, counted over every line (the slow way)."""
    counts, next_line = [], 1
    with opener() as stream:
        for data in utf8_blocks(stream, block_bytes, cap):
            lines, _ = lines_of(data, next_line)
            next_line += lines.height
            counts.append(shape_counts(lines.get_column("raw")))
    return most_common_shape(pl.concat(counts))


def _assembled(
    got: _Collected, shape: Shape, order: tuple[bool, str], name: str | None, phrases: Phrases
) -> ParsedExport:
    _classify_waiting(got, phrases, name)
    odd = got.classified
    messages = pl.concat([pl.DataFrame(schema=MESSAGE_SCHEMA), *got.filled])
    events = pl.concat([pl.DataFrame(schema=EVENT_SCHEMA), *(c.events for c in odd)])
    rejects = [pl.DataFrame(schema=REJECT_SCHEMA), *got.rejects]
    # The "voice" rule needs the whole file: see `Classified`.
    pending = pl.concat([c.pending for c in odd])
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
        unverified=unverified_matches(messages, events, phrases),
        messages=messages,
        events=events,
        rejects=pl.concat(rejects).sort("line", nulls_last=False, maintain_order=True),
        day_first=order[0],
        date_order_decided=order[1] == "day>12",
        date_order_evidence=order[1],
        layout=shape.layout,
        chat_name=name,
    )


def _classify_waiting(got: _Collected, phrases: Phrases, name: str | None) -> None:
    """Classify the odd rows of the blocks in `got.parts` and move those blocks, filled in,
    to `got.filled`. Done once per `ODD_BATCH` odd rows: each call compiles every phrase
    pattern again, and a file full of odd rows must not hold them all until its end."""
    entries = pl.concat([pl.DataFrame(schema=_ODD_SCHEMA), *(p.odd for p in got.parts)])
    odd = classify(entries, phrases, name)
    got.filled += _filled(got.parts, odd)
    got.classified.append(replace(odd, messages=odd.messages.select("line")))
    got.waiting = 0


def _filled(parts: list[Plain | native.HeldPlain], odd: Classified) -> list[pl.DataFrame]:
    """Each block's messages with its odd rows set to what `classify` made of them (in line
    order, as `odd.messages` is), emptying `parts` as it goes so that no block is held
    twice."""
    filled, at = [], 0
    while parts:
        part = parts.pop(0)
        n = part.odd_at.len()
        filled.append(part.filled(odd.messages.slice(at, n)))
        at += n
        del part
    return filled


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
