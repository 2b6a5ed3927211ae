"""Chat exports parsed on a worker thread and written one transaction each."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import polars as pl
import sqlalchemy as sa

from etl.files import reject_file, unreadable
from etl.results import FileResult
from etl.sources.chats.names import keyed_groups
from etl.sources.chats.read import Chat, read_chat
from etl.sources.whatsapp import BadExport
from sampark.clock import now_utc
from sampark.queries.network import group_members_named, group_names
from sampark.store import chats as store_chats
from sampark.store import memberships as store_memberships
from sampark.store import registry as store_registry

# Exports parsed ahead of the one being written.
_CHAT_WINDOW = 4


def _read_chat_or_reason(
    path: Path, directory: tuple[pl.DataFrame, pl.DataFrame], keep_text: bool
) -> Chat | str:
    """The parsed chat, or why the whole file is refused. Runs on a worker thread."""
    groups, members = directory
    try:
        return read_chat(path, groups, members, keep_text=keep_text)
    except (LookupError, ValueError, BadExport) as exc:
        return str(exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # no error while reading one export may stop the run
        return unreadable(exc)


def load_chats(
    engine: sa.Engine,
    run_id: int,
    chats: list[tuple[Path, str]],
    inbox: Path,
    done: Callable[[FileResult], None],
    *,
    keep_text: bool,
) -> None:
    """Parse the next few exports on a worker thread while this one writes the current one.

    polars releases the GIL while it parses, so the two overlap on a two-core machine; the
    window keeps only a few parsed chats in memory at a time."""
    with engine.connect() as conn:
        directory = (keyed_groups(group_names(conn)), group_members_named(conn))
    window: deque[tuple[Path, str, Future[Chat | str]]] = deque()
    pending = iter(chats)
    loaded: set[str] = set()
    with ThreadPoolExecutor(max_workers=1) as pool:
        while True:
            while len(window) < _CHAT_WINDOW and (item := next(pending, None)) is not None:
                path, sha = item
                window.append(
                    (path, sha, pool.submit(_read_chat_or_reason, path, directory, keep_text))
                )
            if not window:
                break
            path, sha, future = window.popleft()
            name = str(path.relative_to(inbox))
            chat = future.result()
            if isinstance(chat, str):
                done(reject_file(engine, run_id, name, sha, chat, 0))
            else:
                done(_load_chat(engine, run_id, name, sha, chat))
                loaded.add(chat.group_id)
    # Memberships from the chats: once per group, over all its exports' events.
    for group_id in sorted(loaded):
        with engine.begin() as conn:
            store_memberships.refresh_chat_memberships(conn, group_id)


def _load_chat(engine: sa.Engine, run_id: int, name: str, sha: str, chat: Chat) -> FileResult:
    """One chat export in one transaction: what is new is added, overlap is not repeated.

    Parser findings (a forged header, a timestamp going back) are recorded as warnings; the
    entries themselves are all kept, so they count as loaded."""
    with engine.begin() as conn:
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
        new_messages, new_events = store_chats.write_chat(
            conn, chat.group_id, chat.messages, chat.events, file_id
        )
        store_registry.note_file(
            conn,
            file_id,
            f"group {chat.group_id}: {new_messages} new messages, "
            f"{new_events} new membership events; "
            f"{chat.rows_read - new_messages} already loaded from an earlier export",
        )
        times = pl.concat([chat.messages.select("ts"), chat.events.select("ts")])
        stamps = times.select(pl.col("ts").min().alias("a"), pl.col("ts").max().alias("b")).row(0)
        store_memberships.record_export(
            conn, file_id, chat.group_id, chat.incomplete, stamps, chat.guesses
        )
        store_registry.record_rejects(
            conn,
            file_id,
            chat.rejects.with_columns(("warning: " + pl.col("reason")).alias("reason")),
        )
    return FileResult(name, "chats", "loaded", chat.rows_read, chat.rows_read, 0)
