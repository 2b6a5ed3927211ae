"""Chat exports parsed ahead of the writer: worker processes give what a thread gives, in order."""

from __future__ import annotations

import subprocess
import sys
import types
from concurrent.futures import Executor, Future
from pathlib import Path

import polars as pl
import pytest

import etl.chat_reads
from etl.chat_prints import Printed
from etl.chat_reads import Directory, parsing_ahead, read_chat_or_reason, worker_count
from etl.sources.chats.names import keyed_groups
from etl.sources.chats.read import names_by_group

NNBSP = "\u202f"


@pytest.fixture(autouse=True)
def plain_main(monkeypatch: pytest.MonkeyPatch) -> None:
    """A spawned worker first imports the parent's `__main__` by its file. Streamlit's AppTest,
    run earlier in the same pytest process, leaves a page script there (Streamlit executes a
    page as `__main__`), which a worker must not run; `python -m etl` never has one."""
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))


def _chat(*lines: str) -> str:
    return "".join(f"05/01/24, 9:{i:02d}{NNBSP}am - {line}\n" for i, line in enumerate(lines))


def _directory() -> Directory:
    groups = pl.DataFrame({"group_id": ["G1", "G2"], "name": ["Kotwali Samvad", "Sadar Samvad"]})
    members = pl.DataFrame(
        {"group_id": ["G1", "G2"], "person_id": ["+919876500004", "+919876500005"]}
    ).with_columns(name=pl.Series(["Ram Prasad", "Sita Devi"]))
    return keyed_groups(groups), names_by_group(members)


def _exports(root: Path) -> list[tuple[Path, str]]:
    texts = {
        "WhatsApp Chat with Sadar Samvad.txt": _chat(
            "Sita Devi: Road clear", "+91 98765 00006 left"
        ),
        "WhatsApp Chat with Nowhere Else.txt": _chat("A: hi"),
        "WhatsApp Chat with Kotwali Samvad.txt": _chat("Ram Prasad: Good morning", "B: Thanks"),
    }
    paths = []
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
        paths.append((root / name, f"sha-{name}"))
    return paths


def _parsed(
    exports: list[tuple[Path, str]], *, keep_text: bool, workers: int, pepper: bytes | None = None
) -> list[tuple[Path, str, Printed | str]]:
    """Every export parsed, in the order given."""
    ahead = parsing_ahead(
        exports, _directory(), keep_text=keep_text, workers=workers, pepper=pepper
    )
    with ahead as parsed:
        return list(parsed)


def _shown(result: Printed | str) -> object:
    if isinstance(result, str):
        return result
    chat, prints = result
    shown = (chat.group_id, chat.messages.rows(), chat.events.rows(), chat.rows_read)
    return shown, None if prints is None else prints.rows()


def test_a_small_inbox_is_parsed_on_a_thread_and_a_large_one_on_every_core(tmp_path, monkeypatch):
    paths = [p for p, _ in _exports(tmp_path)]
    assert worker_count(paths, cores=2) == 0
    assert worker_count(paths, cores=1) == 0
    monkeypatch.setattr(etl.chat_reads, "PROCESS_MIN_BYTES", 10)
    assert worker_count(paths, cores=2) == 2
    assert worker_count(paths[:1], cores=2) == 0
    assert worker_count(paths, cores=1) == 0


def test_worker_processes_give_the_thread_s_results_in_the_order_given(tmp_path):
    exports = _exports(tmp_path)
    on_thread = _parsed(exports, keep_text=False, workers=0)
    in_processes = _parsed(exports, keep_text=False, workers=2)
    assert [(p.name, sha) for p, sha, _ in in_processes] == [(p.name, sha) for p, sha in exports]
    assert [_shown(r) for *_, r in in_processes] == [_shown(r) for *_, r in on_thread]
    groups = [r if isinstance(r, str) else r[0].group_id for *_, r in in_processes]
    assert groups[0] == "G2" and groups[2] == "G1"
    assert isinstance(groups[1], str) and "Nowhere Else" in groups[1]


def test_worker_processes_fingerprint_what_the_thread_fingerprints_and_drop_the_text(tmp_path):
    (tmp_path / "WhatsApp Chat with Sadar Samvad.txt").write_text(
        _chat("Sita Devi: Road to the district hospital is closed for repairs today"),
        encoding="utf-8",
    )
    exports = [(tmp_path / "WhatsApp Chat with Sadar Samvad.txt", "sha")] * 2
    pepper = b"p" * 32
    on_thread = _parsed(exports, keep_text=False, workers=0, pepper=pepper)
    in_processes = _parsed(exports, keep_text=False, workers=2, pepper=pepper)
    assert [_shown(r) for *_, r in in_processes] == [_shown(r) for *_, r in on_thread]
    chat, prints = in_processes[0][2]
    assert prints is not None and prints.height == 1
    assert chat.messages["text"].to_list() == [None]


def test_an_export_that_cannot_be_read_is_refused_alone_within_its_batch(tmp_path):
    exports = _exports(tmp_path)
    broken = tmp_path / "WhatsApp Chat with Kotwali Samvad.zip"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    headless = tmp_path / "WhatsApp Chat with Sadar Samvad (2).txt"
    headless.write_text("no header here\n", encoding="utf-8")
    exports[1:1] = [(broken, "sha-broken"), (headless, "sha-headless")]
    together = _parsed(exports, keep_text=False, workers=0)
    alone = [read_chat_or_reason(path, _directory(), False) for path, _ in exports]
    assert [_shown(r) for *_, r in together] == [_shown(r) for r in alone]
    reasons = [r for *_, r in together if isinstance(r, str)]
    assert len(reasons) == 3 and "not a zip file" in reasons[0].lower()
    assert "no WhatsApp message header" in reasons[1] and "Nowhere Else" in reasons[2]


def test_when_a_batch_fails_as_a_whole_each_export_is_read_alone(tmp_path, monkeypatch):
    def failing(*args: object, **kwargs: object) -> None:
        raise MemoryError("batch")

    exports = _exports(tmp_path)
    alone = _parsed(exports, keep_text=False, workers=0)
    monkeypatch.setattr(etl.chat_reads, "read_chats", failing)
    assert [_shown(r) for *_, r in _parsed(exports, keep_text=False, workers=0)] == [
        _shown(r) for *_, r in alone
    ]


class _Recorded(Executor):
    """An executor that runs each batch of exports at once and records what was asked of it."""

    def __init__(self) -> None:
        self.submitted: list[list[str]] = []
        self.cancelled: bool | None = None

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        names = [path.name for path in args[0]]
        self.submitted.append(names)
        future: Future[object] = Future()
        future.set_result([f"parsed {name}" for name in names])
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.cancelled = cancel_futures


def _recorded(monkeypatch: pytest.MonkeyPatch) -> _Recorded:
    pool = _Recorded()
    monkeypatch.setattr(etl.chat_reads, "_executor", lambda directory, workers: pool)
    monkeypatch.setattr(etl.chat_reads, "BATCH_FILES", 2)
    return pool


def _six(root: Path) -> list[tuple[Path, str]]:
    exports = []
    for i in range(6):
        path = root / f"WhatsApp Chat with Thana {i}.txt"
        path.write_text(_chat("Ram Prasad: Good morning"), encoding="utf-8")
        exports.append((path, f"sha-{i}"))
    return exports


def _names(exports: list[tuple[Path, str]], *batches: tuple[int, ...]) -> list[list[str]]:
    return [[exports[i][0].name for i in batch] for batch in batches]


def test_exports_go_in_batches_of_consecutive_files_closed_by_count_or_bytes(tmp_path):
    sizes = {"a": 10, "b": 10, "c": 50, "d": 10, "e": 10, "f": 10, "g": 10}
    exports = []
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
        exports.append((tmp_path / name, name))
    runs = etl.chat_reads.batches(exports, files=3, size=40)
    assert [[sha for _, sha in batch] for batch in runs] == [
        ["a", "b", "c"],
        ["d", "e", "f"],
        ["g"],
    ]
    runs = etl.chat_reads.batches(exports, files=9, size=40)
    assert [[sha for _, sha in batch] for batch in runs] == [["a", "b", "c"], ["d", "e", "f", "g"]]
    assert list(etl.chat_reads.batches([], files=3, size=40)) == []


def test_workers_start_ahead_by_bytes_before_the_first_result_is_read(tmp_path, monkeypatch):
    exports = _six(tmp_path)
    pool = _recorded(monkeypatch)
    args = {"keep_text": False, "workers": 1}
    with parsing_ahead(exports, _directory(), ahead_bytes=10**9, **args) as parsed:
        assert pool.submitted == _names(exports, (0, 1), (2, 3), (4, 5))  # all fit ahead
        assert [r for *_, r in parsed] == [f"parsed {p.name}" for p, _ in exports]
    assert pool.cancelled is False


def test_workers_keep_two_batches_each_ahead_when_the_bytes_are_spent(tmp_path, monkeypatch):
    exports = _six(tmp_path)
    pool = _recorded(monkeypatch)
    with parsing_ahead(exports, _directory(), keep_text=False, workers=1, ahead_bytes=0) as ahead:
        assert pool.submitted == _names(exports, (0, 1), (2, 3))
        first = next(ahead)
        assert first[:2] == exports[0]
        assert pool.submitted == _names(exports, (0, 1), (2, 3), (4, 5))
        assert [sha for _, sha, _ in ahead] == [sha for _, sha in exports[1:]]


def test_an_error_while_the_exports_parse_cancels_what_has_not_started(tmp_path, monkeypatch):
    exports = _six(tmp_path)
    pool = _recorded(monkeypatch)
    ahead = parsing_ahead(exports, _directory(), keep_text=False, workers=1, ahead_bytes=0)
    with pytest.raises(RuntimeError, match="a sheet failed"), ahead:
        raise RuntimeError("a sheet failed")
    assert pool.cancelled is True and len(pool.submitted) == 2


def test_work_handed_to_the_pool_first_comes_before_every_export(tmp_path, monkeypatch):
    exports = _six(tmp_path)
    pool = _recorded(monkeypatch)
    sheet = tmp_path / "registers.csv"

    def first(executor: Executor) -> None:
        executor.submit(len, [sheet])

    with parsing_ahead(
        exports, _directory(), keep_text=False, workers=1, ahead_bytes=0, first=first
    ) as ahead:
        assert pool.submitted == [["registers.csv"], *_names(exports, (0, 1), (2, 3))]
        assert len(list(ahead)) == 6


def test_a_parse_worker_imports_no_database_layer() -> None:
    """Each worker process imports the parser afresh (spawn): a state's load starts one per
    core, so the database layer and every sheet's writer stay out of what it imports."""
    script = (
        "import sys, etl.chat_reads, etl.sources.whatsapp; "
        "print(sorted(m for m in ('sqlalchemy', 'etl.sources.registry', 'sampark.store')"
        " if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
