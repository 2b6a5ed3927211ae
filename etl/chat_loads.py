"""Chat exports written one transaction each, in file order, as `etl.chat_reads` parses them."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path

import polars as pl
import sqlalchemy as sa

from etl.chat_prints import Fingerprinting
from etl.chat_reads import Directory, parsing_ahead, worker_count
from etl.files import refused_file
from etl.results import FileResult
from etl.sources.chats.names import keyed_groups
from etl.sources.chats.read import Chat, names_by_group
from sampark.clock import now_utc
from sampark.queries.network import group_members_named, group_names
from sampark.store import chats as store_chats
from sampark.store import memberships as store_memberships
from sampark.store import prints as store_prints
from sampark.store import registry as store_registry
from sampark.store.batches import write_batch

# Groups whose chat spells are worked out in one pass: a few MB of events at state scale.
MEMBERSHIP_GROUPS = 250


def chat_directory(engine: sa.Engine) -> Directory:
    """The groups and their named members every chat is matched against."""
    with engine.connect() as conn:
        return keyed_groups(group_names(conn)), names_by_group(group_members_named(conn))


def load_chats(
    engine: sa.Engine,
    run_id: int,
    chats: list[tuple[Path, str]],
    inbox: Path,
    done: Callable[[FileResult], None],
    *,
    keep_text: bool,
    workers: int | None = None,
    prints: Fingerprinting | None = None,
    meanwhile: Callable[[], None] | None = None,
    first: Callable[[Executor], None] | None = None,
) -> None:
    """Parse the exports ahead in worker processes (`etl.chat_reads`) while this process
    writes them in the order given, each in a savepoint of its own (`write_batch`: several
    commit together; an export that fails rolls back alone and its error goes on up).

    `workers` None sizes the pool to the cores for a large inbox (a thread for a small one).
    With `prints`, each message with enough text is fingerprinted where it is parsed, before
    its text is dropped. `meanwhile` runs once the parse has started, before the first
    export is written: other writes the exports do not depend on overlap the parse. `first`
    is handed the parsers' pool before the exports, for work `meanwhile` needs first."""
    directory = chat_directory(engine)
    if workers is None:
        workers = worker_count([path for path, _ in chats])
    pepper = prints.pepper if prints else None
    loaded: set[str] = set()
    with parsing_ahead(
        chats, directory, keep_text=keep_text, workers=workers, pepper=pepper, first=first
    ) as parsed:
        if meanwhile is not None:
            meanwhile()
        with write_batch(engine) as batch:
            for path, sha, chat in parsed:
                name = str(path.relative_to(inbox))
                if isinstance(chat, str):
                    with batch.unit(1) as conn:
                        result = refused_file(conn, run_id, name, sha, chat, 0)
                    done(result)
                    continue
                with batch.unit(chat[0].rows_read) as conn:
                    result = _load_chat(conn, run_id, name, sha, *chat)
                done(result)
                loaded.add(chat[0].group_id)
                if prints is not None and chat[1] is not None:
                    prints.hold(chat[1])
            # Memberships from the chats: once per group, over all its exports' events,
            # the groups a few hundred at a time.
            groups = sorted(loaded)
            for start in range(0, len(groups), MEMBERSHIP_GROUPS):
                part = groups[start : start + MEMBERSHIP_GROUPS]
                with batch.unit(len(part)) as conn:
                    store_memberships.refresh_chat_memberships(conn, part)


def _load_chat(
    conn: sa.Connection,
    run_id: int,
    name: str,
    sha: str,
    chat: Chat,
    prints: pl.DataFrame | None = None,
) -> FileResult:
    """One chat export, kept whole by the caller's savepoint: what is new is added, overlap
    is not repeated.

    Parser findings (a forged header, a timestamp going back) are recorded as warnings; the
    entries themselves are all kept, so they count as loaded."""
    file_id = store_registry.record_file(
        conn,
        run_id=run_id,
        path=name,
        sha256=sha,
        source="chats",
        status="loaded",
        rows_read=chat.rows_read,
        rows_loaded=chat.rows_read,
        rows_rejected=0,
        loaded_at=now_utc(),
    )
    span = store_chats.time_span(chat.messages, chat.events)
    new_messages, new_events = store_chats.write_chat(
        conn, chat.group_id, chat.messages, chat.events, file_id, span
    )
    printed = (
        "not fingerprinted (no pepper set)"
        if prints is None
        else f"{store_prints.write_chat_prints(conn, file_id, chat.group_id, prints)} fingerprinted"
    )
    store_registry.note_file(
        conn,
        file_id,
        f"group {chat.group_id}: {new_messages} new messages, "
        f"{new_events} new membership events; "
        f"{chat.rows_read - new_messages} already loaded from an earlier export; "
        f"messages {printed}",
    )
    store_memberships.record_export(
        conn, file_id, chat.group_id, chat.incomplete, span, chat.guesses
    )
    if chat.rejects.height:
        warnings = chat.rejects.with_columns(("warning: " + pl.col("reason")).alias("reason"))
        store_registry.record_rejects(conn, file_id, warnings)
    return FileResult(name, "chats", "loaded", chat.rows_read, chat.rows_read, 0)
