"""Export shapes seen in public exports on GitHub (listed with repository and path in the
phrase tables' `seen`), each as lines written for this project: invented names and texts.

The same lines are read by both engines in `test_whatsapp_engines.py` ("public_export_shapes").
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from etl.sources.whatsapp import ParsedExport, parse_export
from etl.sources.whatsapp.matching import matched_events
from etl.sources.whatsapp.native import glue as whatsapp_native
from etl.sources.whatsapp.phrases import load_phrases

NNBSP, NBSP, LRM = "\u202f", "\u00a0", "\u200e"
needs_native = pytest.mark.skipif(
    not whatsapp_native.available(), reason="compiled parser not built (bash scripts/setup.sh)"
)


def parsed(tmp_path: Path, text: str) -> ParsedExport:
    path = tmp_path / "_chat.txt"
    path.write_bytes(text.encode("utf-8"))
    return parse_export(path)


def ios(author: str, text: str, second: int = 0, *, marked: bool = True) -> str:
    mark = LRM if marked else ""
    return f"[12/03/24, 10:02:{second:02d}] {author}: {mark}{text}\n"


def events(result: ParsedExport) -> list[tuple[object, ...]]:
    return result.events.select("event", "actor", "subject").rows()


def test_phrase_whose_actor_is_one_branch_matches_the_other_branch_too() -> None:
    # "(?:{actor} cambió|Cambiaste) …": when "Cambiaste" ("you changed") matches, the actor
    # group is empty; the line is still the phrase's.
    texts = [
        "Cambiaste la descripción del grupo.",
        "Tomás cambió la descripción del grupo.",
        "Du hast eine Nachricht fixiert.",
        'Du hast den Gruppennamen zu „Streife Nord" geändert.',
    ]
    frame = pl.DataFrame({"id": range(len(texts)), "norm": texts}).with_columns(
        pl.col("id").cast(pl.UInt32)
    )
    got = matched_events(frame, load_phrases()).select("event", "actor", "subject").rows()
    assert got == [
        ("description_changed", None, None),
        ("description_changed", "Tomás", None),
        ("message_pinned", None, None),
        ("subject_changed", None, "Streife Nord"),
    ]


def test_you_lines_of_an_iphone_in_german_and_spanish_are_events(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        ios("Wache Süd", "Wache Süd", marked=False).replace("Wache Süd: Wache", "Jonas: Wache")
        + ios("Wache Süd", "Du bist der Gruppe mit dem Einladungslink beigetreten.", 1)
        + ios(
            "Wache Süd",
            f"Du hast Mia, Lea und 3{NBSP}weitere Personen hinzugefügt. Tippe, um alle zu sehen.",
            2,
        )
        + ios("Jonas", "Cambiaste la descripción del grupo.", 3),
    )
    assert result.messages.get_column("kind").to_list() == ["text"] + ["system"] * 3
    assert events(result) == [
        ("joined_link", None, None),
        ("added", None, "Mia"),
        ("added", None, "Lea"),
        ("description_changed", None, None),
    ]


def test_member_list_ending_in_a_count_after_a_no_break_space(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        ios("Ravi", "ok", marked=False)
        + ios("Beat 4", f"Anil added Sunita, Ramesh and 4{NBSP}others. Tap to see all.", 1),
    )
    assert events(result) == [("added", "Anil", "Sunita"), ("added", "Anil", "Ramesh")]


def test_old_iphone_placeholders_in_angle_brackets_are_media(tmp_path: Path) -> None:
    # iPhone exports of 2015-2016: "<‎image omitted>", the mark inside the brackets
    result = parsed(
        tmp_path,
        "13/06/15 10:59:59: Ravi: hello\n"
        f"13/06/15 11:00:01: Ravi: <{LRM}image omitted>\n"
        f"13/06/15 11:00:02: Suman: <{LRM}audio omitted>\n"
        "13/06/15 11:00:03: Suman: <video omitted>\n",
    )
    assert result.messages.select("author", "kind").rows() == [
        ("Ravi", "text"),
        ("Ravi", "media"),
        ("Suman", "media"),
        ("Suman", "media"),
    ]


def test_call_lines_in_every_capitalisation_are_calls(tmp_path: Path) -> None:
    old = parsed(
        tmp_path,
        f"13/06/15 08:44:40: Ravi: hello\n13/06/15 08:44:48: {LRM}Missed Voice Call\n",
    )
    assert old.messages.get_column("kind").to_list() == ["text", "system"]
    assert [e for e, _, _ in events(old)] == ["call"]
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", marked=False)
        + ios("Ravi", f"Group call, {LRM}4 invited", 1)
        + ios("Ravi", f"Call failed, {LRM}Try again", 2),
    )
    assert result.messages.get_column("kind").to_list() == ["text", "system", "system"]
    assert [e for e, _, _ in events(result)] == ["call", "call"]


def test_group_added_to_a_community_is_a_change_of_the_group_not_a_join(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", marked=False)
        + ios("Beat 4", "You Added This Group to the Community: Thana Kotwali", 1)
        + ios("Beat 4", "Anil added this group to the community: Thana Kotwali", 2),
    )
    assert [e for e, _, _ in events(result)] == ["settings_changed", "settings_changed"]
    assert result.unknown_system_lines == 0


def test_message_the_export_cannot_show_is_the_person_s_message(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", marked=False)
        + ios(
            "Ravi",
            "This message can't be displayed here. Please open "
            f"{LRM}WhatsApp on your phone to view the message.",
            1,
        ),
    )
    assert result.messages.select("author", "kind").rows() == [("Ravi", "text"), ("Ravi", "media")]


def test_android_missed_call_under_the_caller_s_name_is_a_call(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        "25/08/20, 12:34 pm - Ravi: are you there\n"
        "25/08/20, 12:35 pm - Ravi: Missed voice call\n"
        "25/08/20, 12:36 pm - Suman: Missed video call\n"
        "25/08/20, 12:37 pm - Suman: I missed your voice call\n"
        "25/08/20, 12:38 pm - Suman: Video call\n"
        "25/08/20, 12:39 pm - Suman: Video call \n",
    )
    assert result.messages.select("author", "kind").rows() == [
        ("Ravi", "text"),
        (None, "system"),
        (None, "system"),
        ("Suman", "text"),
        ("Suman", "text"),
        ("Suman", "text"),
    ]
    assert [e for e, _, _ in events(result)] == ["call", "call"]


# A person's sentence that begins with a call word, then call lines with the details WhatsApp
# writes after them (a duration, "No answer", "Tap to call back"), unmarked under an author
# on Android and marked on an iPhone.
PERSON_AND_CALL_LINES = (
    "25/08/20, 12:34 pm - Ravi: Llamada a la comisaría mañana\n"
    "25/08/20, 12:35 pm - Ravi: Group call, everyone join at 5\n"
    "25/08/20, 12:36 pm - Suman: Videollamada\n"
    "25/08/20, 12:37 pm - Suman: Video call, everyone at the thana\n"
    "25/08/20, 12:38 pm - Suman: Sprachanruf. Bitte um 5 zurückrufen\n"
    "25/08/20, 12:39 pm - Ravi: Video call, 2 min\n"
    "25/08/20, 12:40 pm - Ravi: Llamada. 5 min\n"
    "25/08/20, 12:41 pm - Ravi: Missed voice call, Tap to call back\n"
)
CALL_LINES_WITH_DETAILS = (
    ios("Ana", "hola", marked=False)
    + ios("Ana", f"Voice call. {LRM}17 min", 1)
    + ios("Ana", f"Voice call, {LRM}No answer", 2)
    + ios("Ana", f"Missed video call, {LRM}{LRM}2 min • {LRM}4 joined", 3)
    + ios("Ana", f"Videollamada{NNBSP} {LRM}1 h", 4)
    + ios("Ana", f"Llamada perdida. {LRM}Pulsar para volver a llamar", 5)
    + ios("Ana", f"Sprachanruf. {LRM}9{NBSP}Min.", 6)
    + ios("Ana", f"Sprachchat. {LRM}{LRM}2{NBSP}Sek. • {LRM}1 beigetreten", 7)
    + ios("Ana", "Llamada a la comisaría mañana", 8, marked=False)
)


@pytest.mark.parametrize("engine", [pytest.param("native", marks=needs_native), "polars"])
def test_person_s_sentence_after_a_call_word_stays_their_message(
    tmp_path: Path, engine: str
) -> None:
    path = tmp_path / "WhatsApp Chat with Beat 4.txt"
    path.write_text(PERSON_AND_CALL_LINES, encoding="utf-8")
    result = parse_export(path, engine=engine)
    assert result.messages.select("author", "kind").rows() == [
        ("Ravi", "text"),
        ("Ravi", "text"),
        ("Suman", "text"),
        ("Suman", "text"),
        ("Suman", "text"),
        (None, "system"),
        (None, "system"),
        (None, "system"),
    ]
    assert [e for e, _, _ in events(result)] == ["call"] * 3


@pytest.mark.parametrize("engine", [pytest.param("native", marks=needs_native), "polars"])
def test_call_line_with_its_duration_or_outcome_is_a_call(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "_chat.txt"
    path.write_text(CALL_LINES_WITH_DETAILS, encoding="utf-8")
    result = parse_export(path, engine=engine)
    assert result.messages.get_column("kind").to_list() == ["text"] + ["system"] * 7 + ["text"]
    assert [e for e, _, _ in events(result)] == ["call"] * 7
    assert result.unverified.height == 0


def test_old_iphone_system_lines_under_the_name_they_name_are_events(tmp_path: Path) -> None:
    # iPhone exports before the marks attribute "Talha left" to Talha and "Hasan added
    # Yasser" to Yasser; a person's message that merely holds a name stays theirs.
    result = parsed(
        tmp_path,
        ios("Hasan", "Hasan created this group", marked=False)
        + ios("Yasser", "Hasan added Yasser", 1, marked=False)
        + ios("Talha", "Talha left", 2, marked=False)
        + ios("Talha", "Yasser left early", 3, marked=False)
        + ios("Yasser", "ok Talha", 4, marked=False),
    )
    assert result.messages.select("author", "kind").rows() == [
        (None, "system"),
        (None, "system"),
        (None, "system"),
        ("Talha", "text"),
        ("Yasser", "text"),
    ]
    assert events(result) == [
        ("created", "Hasan", None),
        ("added", "Hasan", "Yasser"),
        ("left", "Talha", None),
    ]


def test_name_with_a_line_break_is_the_author_not_a_system_line(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", marked=False)
        + f"[12/03/24, 10:02:01] ~{NNBSP}Imdad\n(IMDAD): is the bus running?\n"
        + f"{LRM}[12/03/24, 10:02:02] ~{NNBSP}Imdad\n(IMDAD): {LRM}image omitted\n"
        + f"[12/03/24, 10:02:03] {LRM}Ravi left\nnote: kept\n",
    )
    assert result.messages.select("author", "text", "kind").rows() == [
        ("Ravi", "hello", "text"),
        (f"~{NNBSP}Imdad\n(IMDAD)", "is the bus running?", "text"),
        (f"~{NNBSP}Imdad\n(IMDAD)", f"{LRM}image omitted", "media"),
        (None, "Ravi left\nnote: kept", "system"),
    ]
    assert result.unknown_system_lines == 0
