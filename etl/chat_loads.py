"""Chat exports parsed on a worker thread and written one transaction each."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import polars as pl
import sqlalchemy as sa

from etl.chat_prints import Fingerprinting, printed_chat
from etl.files import reject_file, unreadable
from etl.results import FileResult
from etl.sources.chats.names import keyed_groups
from etl.sources.chats.read import Chat, read_chat
from etl.sources.whatsapp import BadExport
from sampark.clock import now_utc
from sampark.queries.network import group_members_named, group_names
from sampark.store import chats as store_chats
from sampark.store import prints as store_prints
from sampark.store import registry as store_registry

# Exports parsed ahead of the one being written.
_CHAT_WINDOW = 4


Printed = tuple[Chat, pl.DataFrame | None]


def _read_chat_or_reason(
    path: Path,
    directory: tuple[pl.DataFrame, pl.DataFrame],
    keep_text: bool,
    pepper: bytes | None = None,
) -> Printed | str:
    """The parsed chat and its fingerprints, or why the whole file is refused. Runs on a
    worker thread; the text is read for the fingerprints and dropped unless kept."""
    groups, members = directory
    try:
        chat = read_chat(path, groups, members, keep_text=keep_text or pepper is not None)
        return printed_chat(chat, pepper, keep_text=keep_text)
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
    prints: Fingerprinting | None = None,
) -> None:
    """Parse the next few exports on a worker thread while this one writes the current one.

    polars releases the GIL while it parses, so the two overlap on a two-core machine; the
    window keeps only a few parsed chats in memory at a time. With `prints`, each message
    with enough text is fingerprinted before its text is dropped."""
    pepper = prints.pepper if prints else None
    with engine.connect() as conn:
        directory = (keyed_groups(group_names(conn)), group_members_named(conn))
    window: deque[tuple[Path, str, Future[Printed | str]]] = deque()
    pending = iter(chats)
    with ThreadPoolExecutor(max_workers=1) as pool:
        while True:
            while len(window) < _CHAT_WINDOW and (item := next(pending, None)) is not None:
                path, sha = item
                read = pool.submit(_read_chat_or_reason, path, directory, keep_text, pepper)
                window.append((path, sha, read))
            if not window:
                return
            path, sha, future = window.popleft()
            name = str(path.relative_to(inbox))
            chat = future.result()
            if isinstance(chat, str):
                done(reject_file(engine, run_id, name, sha, chat, 0))
            else:
                done(_load_chat(engine, run_id, name, sha, *chat))
                if prints is not None and chat[1] is not None:
                    prints.hold(chat[1])


def _load_chat(
    engine: sa.Engine,
    run_id: int,
    name: str,
    sha: str,
    chat: Chat,
    prints: pl.DataFrame | None = None,
) -> FileResult:
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
        printed = (
            "not fingerprinted (no pepper set)"
            if prints is None
            else f"{store_prints.write_chat_prints(conn, file_id, chat.group_id, prints)} "
            "fingerprinted"
        )
        store_registry.note_file(
            conn,
            file_id,
            f"group {chat.group_id}: {new_messages} new messages, "
            f"{new_events} new membership events; "
            f"{chat.rows_read - new_messages} already loaded from an earlier export; "
            f"messages {printed}",
        )
        store_registry.record_rejects(
            conn,
            file_id,
            chat.rejects.with_columns(("warning: " + pl.col("reason")).alias("reason")),
        )
    return FileResult(name, "chats", "loaded", chat.rows_read, chat.rows_read, 0)
