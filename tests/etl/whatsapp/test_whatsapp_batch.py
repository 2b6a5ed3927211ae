"""Several exports parsed together (`parse_exports`) give what each gives alone, and one that
cannot be read refuses only itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from polars.testing import assert_frame_equal

import etl.sources.whatsapp.parse as parse_module
from etl.sources.whatsapp import BadExport, ParsedExport, parse_export, parse_exports
from tests.etl.whatsapp.public_shapes import ENGINES, LRM, NNBSP, ios

ANDROID = (
    f"13/01/24, 7:41{NNBSP}pm - SHO Kotwali added Amit and Ravi\n"
    f"13/01/24, 7:42{NNBSP}pm - Amit: Namaste\nsecond line\n"
    f"13/01/24, 7:43{NNBSP}pm - Ravi: <Media omitted>\n"
    f"13/01/24, 7:44{NNBSP}pm - Ravi left\n"
    f"13/01/24, 7:45{NNBSP}pm - Amit: This message was deleted\n"
)
# On an iPhone a marked line no phrase knows is a system line when the chat's own name is its
# author, and waits for the whole file when a person's: here Ana speaks only in marked lines,
# one of them a known phrase, so her unknown one becomes a system line too.
IOS = (
    ios("Beat 4", "a notice nobody wrote down", 1)
    + ios("Ana", "Ana created group “Beat 4”", 2)
    + ios("Ana", "the settings changed somehow", 3)
    + ios("Ravi", "a marked line of his", 4)
    + ios("Ravi", "kal milte hain", 5, marked=False)
    + ios("Ravi", "sticker omitted", 6)
)
GERMAN = ios("Jonas", "Jonas hat die Gruppe erstellt.", 1) + ios("Jonas", "Hallo", 2, marked=False)


def _written(root: Path) -> list[Path]:
    files = {
        "WhatsApp Chat with Kotwali.txt": ANDROID.encode(),
        "WhatsApp Chat with Notes.txt": b"no header here\njust text\n",
        "WhatsApp Chat with Beat 4.txt": IOS.encode(),
        "WhatsApp Chat - Broken.zip": b"PK\x03\x04 not really a zip",
        # The same lines under another chat name: "Beat 4" is then a person, not the group.
        "WhatsApp Chat with Beat 5.txt": IOS.encode(),
        "WhatsApp Chat with Jonas.txt": GERMAN.encode(),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    return [root / name for name in files]


def _alone(path: Path, engine: str) -> ParsedExport | Exception:
    try:
        return parse_export(path, engine=engine)
    except Exception as exc:  # compared with what the batch gives for it
        return exc


def _assert_same(together: ParsedExport | Exception, alone: ParsedExport | Exception) -> None:
    if isinstance(alone, Exception):
        assert type(together) is type(alone) and str(together) == str(alone)
        return
    assert isinstance(together, ParsedExport)
    for frame in ("messages", "events", "rejects", "unverified"):
        assert_frame_equal(getattr(together, frame), getattr(alone, frame))
    for flag in ("day_first", "date_order_evidence", "layout", "chat_name", "engine"):
        assert getattr(together, flag) == getattr(alone, flag)


@pytest.mark.parametrize("engine", ENGINES)
def test_exports_parsed_together_give_what_each_gives_alone(tmp_path: Path, engine: str) -> None:
    paths = _written(tmp_path)
    together = parse_exports(paths, engine=engine)
    assert len(together) == len(paths)
    for got, path in zip(together, paths, strict=True):
        _assert_same(got, _alone(path, engine))
    kotwali, notes, beat4, broken, beat5, jonas = together
    assert isinstance(notes, ValueError) and "no WhatsApp message header" in str(notes)
    assert isinstance(broken, BadExport)
    assert isinstance(kotwali, ParsedExport) and isinstance(jonas, ParsedExport)
    assert kotwali.events.select("event", "actor", "subject").rows() == [
        ("added", "SHO Kotwali", "Amit"),
        ("added", "SHO Kotwali", "Ravi"),
        ("left", "Ravi", None),
    ]
    assert jonas.messages.select("author", "kind").rows() == [(None, "system"), ("Jonas", "text")]
    # The chat's name decides per export: the group's own line in Beat 4, a person's in Beat 5.
    assert isinstance(beat4, ParsedExport) and isinstance(beat5, ParsedExport)
    assert beat4.messages.select("author", "kind").rows() == [
        (None, "system"),
        (None, "system"),
        (None, "system"),
        ("Ravi", "text"),
        ("Ravi", "text"),
        ("Ravi", "media"),
    ]
    assert beat5.messages.select("author", "kind").row(0) == ("Beat 4", "text")


@pytest.mark.parametrize("engine", ENGINES)
def test_when_the_batch_cannot_be_classified_each_export_is_classified_alone(
    tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = parse_module.classified_waiting

    def failing_for_a_batch(reads, phrases):  # type: ignore[no-untyped-def]
        if len(reads) > 1:
            raise MemoryError("batch too large")
        return real(reads, phrases)

    paths = _written(tmp_path)
    alone = [_alone(path, engine) for path in paths]
    monkeypatch.setattr(parse_module, "classified_waiting", failing_for_a_batch)
    for got, want in zip(parse_exports(paths, engine=engine), alone, strict=True):
        _assert_same(got, want)


def test_no_exports_give_nothing() -> None:
    assert parse_exports([]) == []


def test_exports_with_the_same_line_numbers_keep_their_own_events(tmp_path: Path) -> None:
    one, two = tmp_path / "WhatsApp Chat with A.txt", tmp_path / "WhatsApp Chat with B.txt"
    one.write_text(ios("Ana", f"{LRM}Ana left", 1), encoding="utf-8")
    two.write_text(ios("Ravi", "Ravi left", 1), encoding="utf-8")
    a, b = parse_exports([one, two])
    assert isinstance(a, ParsedExport) and isinstance(b, ParsedExport)
    assert a.events.select("event", "actor", "line").rows() == [("left", "Ana", 1)]
    assert b.events.select("event", "actor", "line").rows() == [("left", "Ravi", 1)]


# Lines only a guessed phrase types (Odia placeholders, an English wording not yet confirmed),
# at the same line numbers in two exports, between exports with none.
GUESSED = (
    "05/01/2024, 10:00 - Amit: ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି\n"
    "05/01/2024, 10:01 - Amit: <Media omitted>\n"
    "05/01/2024, 10:02 - SHO Kotwali made Amit an admin\n"
    "05/01/2024, 10:03 - Amit: <ମିଡିଆ ବାଦ ଦିଆଯାଇଛି>\n"
)


def _guessed(root: Path) -> list[Path]:
    files = {
        "WhatsApp Chat with Plain.txt": ANDROID,
        "WhatsApp Chat with Odia 1.txt": GUESSED,
        "WhatsApp Chat with Odia 2.txt": GUESSED.replace("10:0", "11:0"),
        "WhatsApp Chat with Plain 2.txt": ANDROID,
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return [root / name for name in files]


@pytest.mark.parametrize("fails", [False, True])
def test_lines_only_a_guess_typed_are_found_per_export_in_a_batch(
    tmp_path: Path, fails: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _guessed(tmp_path)
    alone = [_alone(path, "auto") for path in paths]
    if fails:  # each export's are then found alone

        def failing(*args: object) -> None:
            raise MemoryError("batch too large")

        monkeypatch.setattr(parse_module, "unverified_of", failing)
    together = parse_exports(paths)
    for got, want in zip(together, alone, strict=True):
        _assert_same(got, want)
    plain, odia1, odia2, _ = together
    assert isinstance(plain, ParsedExport) and plain.unverified.is_empty()
    for odia in (odia1, odia2):
        assert isinstance(odia, ParsedExport)
        assert odia.unverified.rows() == [
            (1, "deleted", None),
            (3, "system", "admin_made"),
            (4, "media", None),
        ]
