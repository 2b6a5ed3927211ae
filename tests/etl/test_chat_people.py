"""Authors and event subjects tied to people: by their number, else by the one member of the
group saved under that name."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import etl.sources.chats.read
from etl.sources.chats.names import keyed_groups
from etl.sources.chats.read import (
    Chat,
    _names_of,
    _with_people,
    names_by_group,
    read_chat,
    read_chats,
)

MEMBERS = pl.DataFrame(
    {
        "group_id": ["G1", "G1", "G1", "G2", "G2"],
        "person_id": ["+919876500001", "+919876500002", "+919876500003", "+919876500004", None],
        "name": ["Ram Prasad", " Sita Devi", "sita devi", "Ram Prasad", "Nobody"],
    }
).with_columns(pl.col("person_id").fill_null("+919876500005"))


def test_names_that_name_one_member_of_their_group_are_kept_per_group() -> None:
    names = names_by_group(MEMBERS)
    assert sorted(names) == ["G1", "G2"]
    # "Sita Devi" names two people of G1, so it names nobody; "Ram Prasad" one in each group.
    assert names["G1"].rows() == [("ram prasad", "+919876500001")]
    assert sorted(names["G2"].rows()) == [
        ("nobody", "+919876500005"),
        ("ram prasad", "+919876500004"),
    ]


def test_authors_are_tied_by_number_then_by_name_direction_marks_aside() -> None:
    names = _names_of(["G1"], names_by_group(MEMBERS))
    messages = pl.DataFrame(
        {
            "group_id": ["G1"] * 5,
            "line": [1, 2, 3, 4, 5],
            "author": [
                "\u202a+91 98765 00009\u202c",
                "\u202bRam Prasad\u202c",
                "Sita Devi",
                None,
                "ram prasad ",
            ],
        }
    )
    assert _with_people(messages, "author", names).drop("group_id").rows() == [
        (1, "\u202a+91 98765 00009\u202c", "+919876500009"),
        (2, "\u202bRam Prasad\u202c", "+919876500001"),
        (3, "Sita Devi", None),
        (4, None, None),
        (5, "ram prasad ", "+919876500001"),
    ]


def test_a_name_is_looked_up_in_its_own_group_when_exports_are_tied_together() -> None:
    names = _names_of(["G2", "G1", "G9"], names_by_group(MEMBERS))
    assert sorted(names.rows()) == [
        ("G1", "ram prasad", "+919876500001"),
        ("G2", "nobody", "+919876500005"),
        ("G2", "ram prasad", "+919876500004"),
    ]
    messages = pl.DataFrame(
        {
            "group_id": ["G2", "G1", "G9", "G1"],
            "author": ["Ram Prasad", "Ram Prasad", "Ram Prasad", "Nobody"],
        }
    )
    assert _with_people(messages, "author", names)["person_id"].to_list() == [
        "+919876500004",
        "+919876500001",
        None,
        None,
    ]


NNBSP = "\u202f"


def _export(folder: Path, group: str, *lines: str) -> Path:
    path = folder / f"WhatsApp Chat with {group}.txt"
    text = "".join(f"05/01/24, 9:{i:02d}{NNBSP}am - {line}\n" for i, line in enumerate(lines))
    path.write_text(text, encoding="utf-8")
    return path


def _shown(chat: Chat | Exception) -> object:
    if isinstance(chat, Exception):
        return str(chat)
    return chat.group_id, chat.messages.rows(), chat.events.rows(), chat.rows_read


def _three_exports(folder: Path) -> tuple[list[Path], pl.DataFrame]:
    groups = keyed_groups(
        pl.DataFrame({"group_id": ["G1", "G2"], "name": ["Kotwali Samvad", "Sadar Samvad"]})
    )
    paths = [
        _export(folder, "Sadar Samvad", "Ram Prasad: Good morning", "Ram Prasad added Nobody"),
        _export(folder, "Nowhere Else", "A: hi"),
        # System lines only (no author to tie); in G1 "Sita Devi" names two members, so nobody.
        _export(folder, "Kotwali Samvad", "Ram Prasad added +91 98765 00007", "Sita Devi left"),
    ]
    return paths, groups


def test_exports_read_together_are_tied_to_people_as_each_alone(tmp_path: Path) -> None:
    paths, groups = _three_exports(tmp_path)
    known = names_by_group(MEMBERS)
    together = read_chats(paths, groups, known, keep_text=False)
    alone: list[Chat | Exception] = []
    for path in paths:
        try:
            alone.append(read_chat(path, groups, known, keep_text=False))
        except LookupError as exc:
            alone.append(exc)
    assert [_shown(c) for c in together] == [_shown(c) for c in alone]
    sadar, nowhere, kotwali = together
    assert isinstance(sadar, Chat) and isinstance(kotwali, Chat)
    assert isinstance(nowhere, LookupError)
    assert sadar.messages.select("author", "person_id", "kind").rows() == [
        ("Ram Prasad", "+919876500004", "text"),
        (None, None, "system"),
    ]
    assert sadar.events.select("subject", "person_id").rows() == [("Nobody", "+919876500005")]
    assert kotwali.messages.select("author", "person_id").rows() == [(None, None), (None, None)]
    assert kotwali.events.select("event", "person_id").rows() == [
        ("added", "+919876500007"),
        ("left", None),
    ]


def test_when_tying_a_batch_fails_each_export_is_tied_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, groups = _three_exports(tmp_path)
    known = names_by_group(MEMBERS)
    expected = [_shown(c) for c in read_chats(paths, groups, known, keep_text=False)]
    real = etl.sources.chats.read._chats_of

    def fails_for_many(parsed: list[object], *args: object, **kwargs: object) -> object:
        if len(parsed) > 1:
            raise MemoryError("the batch")
        return real(parsed, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(etl.sources.chats.read, "_chats_of", fails_for_many)
    assert [_shown(c) for c in read_chats(paths, groups, known, keep_text=False)] == expected
