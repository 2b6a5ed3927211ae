"""Export shapes real phones write, each as lines written for this project.

Every shape here was seen in real exports (issue 15's held-out corpus, public exports, or
WhatsApp's own strings); the names and texts are invented. The same lines are read by both
engines in `test_whatsapp_engines.py`.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from etl.sources.whatsapp import ParsedExport, parse_export
from etl.sources.whatsapp.completeness import at_export_cap, starts_mid_history

NNBSP, LRM = "\u202f", "\u200e"


def parsed(tmp_path: Path, text: str, name: str = "chat.txt") -> ParsedExport:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return parse_export(path)


def rows(frame: pl.DataFrame, *columns: str) -> list[tuple[object, ...]]:
    return frame.select(columns).rows()


def android(text: str, minute: int = 0) -> str:
    return f"23/01/2024, 10:{minute:02d} - {text}\n"


def ios(author: str, text: str, second: int = 0, *, marked: bool = True) -> str:
    mark = LRM if marked else ""
    return f"{mark}[12.03.24, 10:02:{second:02d}] {author}: {mark}{text}\n"


# --- iOS system lines in the phone's language ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "event", "actor", "subject"),
    [
        ("Jonas hat die Gruppe erstellt.", "created", "Jonas", None),
        ("Jonas hat Mia hinzugefügt", "added", "Jonas", "Mia"),
        ("Jonas hat die Gruppe verlassen.", "left", "Jonas", None),
        ("Ana añadió a Luis", "added", "Ana", "Luis"),
        ("Luis salió del grupo.", "left", "Luis", None),
        ("Ana adicionou Rui", "added", "Ana", "Rui"),
        ("Rui saiu", "left", "Rui", None),
        ("Marco ha aggiunto Gino", "added", "Marco", "Gino"),
        ("Gino ha abbandonato", "left", "Gino", None),
        ("Daan heeft Sem toegevoegd", "added", "Daan", "Sem"),
        ("Sem heeft de groep verlaten", "left", "Sem", None),
        ("Emre ayrıldı", "left", "Emre", None),
    ],
)
def test_ios_system_line_in_another_language_is_an_event_not_a_message(
    tmp_path: Path, line: str, event: str, actor: str, subject: str | None
) -> None:
    result = parsed(tmp_path, ios("Jonas", "Hallo", marked=False) + ios(actor, line, 1))
    assert rows(result.messages, "author", "kind") == [("Jonas", "text"), (None, "system")]
    assert rows(result.events, "event", "actor", "subject") == [(event, actor, subject)]


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("SHO ने रवि को शामिल किया", "added"),
        ("রবি বেরিয়ে এসেছেন", "left"),
        ("SHO यांनी तुम्हाला समाविष्ट केले", "added"),
        ("SHOએ રવિને ઉમેર્યા", "added"),
        ("SHO ਨੇ ਗਰੁੱਪ ਛੱਡਿਆ", "left"),
        ("SHO ଗ୍ରୁପ୍ ଛାଡ଼ିଦେଲେ", "left"),
        ("SHO விலகினார்", "left"),
        ("SHO వీడెను", "left"),
        ("SHO ನಿರ್ಗಮಿಸಿದರು", "left"),
        ("SHO പുറത്തു പോയി", "left"),
        ("SHO نکل گئے", "left"),
    ],
)
def test_android_system_lines_of_indian_phone_languages(
    tmp_path: Path, line: str, event: str
) -> None:
    result = parsed(tmp_path, android("SHO: ok") + android(line, 1))
    assert rows(result.messages, "kind") == [("text",), ("system",)]
    assert result.events.get_column("event").to_list() == [event]
    assert result.unknown_system_lines == 0


# --- English wordings the table lacked -------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("Ravi pinned a message", "message_pinned"),
        ("Ravi started a call", "call"),
        ("Ravi started a video call", "call"),
        ("Your security code with Ravi changed. Tap to learn more.", "security_code_changed"),
        ("Ravi's security code changed. Tap to learn more.", "security_code_changed"),
        (
            "Ravi turned on disappearing messages. New messages will disappear from this chat "
            "7 days after they're sent, except when kept. Tap to change.",
            "disappearing_changed",
        ),
        ("Ravi turned off disappearing messages. Tap to change.", "disappearing_changed"),
        (
            "Ravi updated the message timer. New messages will disappear from this chat 24 "
            "hours after they're sent, except when kept.",
            "disappearing_changed",
        ),
        (
            "Ravi changed this group's settings to allow only admins to send messages to this "
            "group",
            "settings_changed",
        ),
        (
            "Ravi changed this group\u2019s settings to allow all members to edit this "
            "group\u2019s info",
            "settings_changed",
        ),
        (
            "Ravi changed this group's settings to allow only admins to add others to this group",
            "settings_changed",
        ),
        (
            "Ravi changed the settings so only admins can edit the group settings",
            "settings_changed",
        ),
        ("Ravi turned on admin approval to join this group", "settings_changed"),
        ("Mohan requested to join", "join_requested"),
        ("Ravi is a contact.", "notice"),
        (
            "This group has over 256 members so now only admins can edit the group settings.",
            "settings_changed",
        ),
        (
            "When you mention @Meta AI, the AI generates a response. Meta only receives the "
            "mention and the messages that reply to it.",
            "notice",
        ),
    ],
)
def test_english_system_wordings_are_typed(tmp_path: Path, line: str, event: str) -> None:
    result = parsed(tmp_path, android("Ravi: ok") + android(line, 1))
    assert rows(result.messages, "kind") == [("text",), ("system",)]
    assert result.events.get_column("event").to_list() == [event]


def test_ios_english_system_wordings_are_typed_too(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", marked=False)
        + ios("Ravi", "Ravi pinned a message", 1)
        + ios("Ravi", "Your security code with Mohan changed. Tap to learn more.", 2),
    )
    assert rows(result.messages, "author", "kind") == [
        ("Ravi", "text"),
        (None, "system"),
        (None, "system"),
    ]
    assert result.events.get_column("event").to_list() == [
        "message_pinned",
        "security_code_changed",
    ]


# --- media and deleted entries keep their author ---------------------------------------------


def test_media_after_a_join_keeps_its_author(tmp_path: Path) -> None:
    # iOS attributes "X added ~ Farhan" to Farhan and marks it; his marked media entry right
    # after is still his message.
    result = parsed(
        tmp_path,
        "[05/06/24, 18:19:00] Rakesh: welcome all\n"
        f"[05/06/24, 18:20:01] ~ Farhan: {LRM}Rakesh added ~ Farhan\n"
        f"[05/06/24, 18:21:44] ~ Farhan: {LRM}sticker omitted\n"
        f"[05/06/24, 18:22:10] ~ Farhan: {LRM}This message was deleted.\n",
    )
    assert rows(result.messages, "author", "kind") == [
        ("Rakesh", "text"),
        (None, "system"),
        ("~ Farhan", "media"),
        ("~ Farhan", "deleted"),
    ]
    assert rows(result.events, "event", "actor", "subject") == [("added", "Rakesh", "~ Farhan")]


def test_view_once_notice_is_a_media_message_never_an_added_event(tmp_path: Path) -> None:
    notice = (
        "You received a view once message. For added privacy, you can only open it on your phone."
    )
    result = parsed(
        tmp_path, ios("Ravi", "hello", marked=False) + ios("Ravi", notice, 1) + android(notice)
    )
    assert "added" not in result.events.get_column("event").to_list()
    assert rows(result.messages.head(2), "author", "kind") == [("Ravi", "text"), ("Ravi", "media")]


def test_view_once_notice_without_author_is_a_notice(tmp_path: Path) -> None:
    notice = (
        "You received a view once message. For added privacy, you can only open it on your phone."
    )
    result = parsed(tmp_path, android("Ravi: ok") + android(notice, 1))
    assert rows(result.events, "event", "actor") == [("notice", None)]


# --- names with a colon ----------------------------------------------------------------------


def test_names_with_a_colon_still_match_a_phrase(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        android("Harish: hello")
        + android("~ Kavi:) joined using this group's invite link", 1)
        + android("Harish added Mohan 🎄 :D", 2),
    )
    assert rows(result.messages, "author", "kind") == [
        ("Harish", "text"),
        (None, "system"),
        (None, "system"),
    ]
    assert rows(result.events, "event", "actor", "subject") == [
        ("joined_link", "~ Kavi:)", None),
        ("added", "Harish", "Mohan 🎄 :D"),
    ]


# --- lists of people --------------------------------------------------------------------------


def test_member_list_with_a_serial_comma_gives_one_event_each(tmp_path: Path) -> None:
    result = parsed(
        tmp_path, android("Anil: hi") + android("Anil added Sunita, Ramesh, and Geeta", 1)
    )
    assert rows(result.events, "actor", "subject") == [
        ("Anil", "Sunita"),
        ("Anil", "Ramesh"),
        ("Anil", "Geeta"),
    ]


def test_member_list_ending_in_a_count_names_only_the_people(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        android("Anil: hi")
        + android("Anil added Sunita, Ramesh, and 8 others. Tap to see all.", 1),
    )
    assert rows(result.events, "event", "subject") == [("added", "Sunita"), ("added", "Ramesh")]


def test_member_list_is_split_with_the_phrase_language_separators(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        ios("Jonas", "Hallo", marked=False)
        + ios("Jonas", "Jonas hat Mia, Ben und Lea hinzugefügt", 1),
    )
    assert rows(result.events, "subject") == [("Mia",), ("Ben",), ("Lea",)]


# --- empty bodies -----------------------------------------------------------------------------


def test_empty_body_is_the_author_message_on_ios_and_android(tmp_path: Path) -> None:
    ios_result = parsed(
        tmp_path, "[24/11/25, 6:52:07] Carlos:\n[24/11/25, 6:53:00] Ana: ok\n", name="a.txt"
    )
    android_result = parsed(
        tmp_path, "24/11/25, 6:52 - Carlos: \n24/11/25, 6:53 - Ana: ok\n", name="b.txt"
    )
    for result in (ios_result, android_result):
        assert rows(result.messages, "author", "text", "kind") == [
            ("Carlos", "", "text"),
            ("Ana", "ok", "text"),
        ]
        assert result.events.height == 0


# --- placeholders in other languages ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<Multimedia omitido>", "media"),
        ("Bild weggelassen", "media"),
        ("imagem ocultada", "media"),
        ("immagine omessa", "media"),
        ("afbeelding weggelaten", "media"),
        ("görüntü dahil edilmedi", "media"),
        ("<मीडिया के बिना>", "media"),
        ("<ମିଡିଆ ବାଦ ଦିଆଯାଇଛି>", "media"),
        ("Mensagem apagada", "deleted"),
        ("Diese Nachricht wurde gelöscht.", "deleted"),
        ("Se eliminó este mensaje.", "deleted"),
        ("Bu mesaj silindi", "deleted"),
        ("यह मैसेज डिलीट कर दिया गया है", "deleted"),
    ],
)
def test_media_and_deleted_placeholders_in_other_languages(
    tmp_path: Path, text: str, kind: str
) -> None:
    result = parsed(tmp_path, android("Ravi: ok") + android(f"Ravi: {text}", 1))
    assert rows(result.messages, "author", "kind") == [("Ravi", "text"), ("Ravi", kind)]


# --- what only a guess recognised is reported -------------------------------------------------


def test_lines_only_an_unverified_phrase_recognises_are_listed(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        android("Ravi: ok")
        + android("Ravi joined using an invite link", 1)
        + android("Ravi joined using this group's invite link", 2)
        + android("Ravi: <ମିଡିଆ ବାଦ ଦିଆଯାଇଛି>", 3)
        + android("Ravi: <Media omitted>", 4),
    )
    assert rows(result.unverified, "line", "kind", "event") == [
        (2, "system", "joined_link"),
        (4, "media", None),
    ]


def test_export_of_verified_lines_lists_nothing_unverified(tmp_path: Path) -> None:
    result = parsed(tmp_path, android("Ravi: ok") + android("Ravi left", 1))
    assert result.unverified.height == 0


# --- incomplete exports -----------------------------------------------------------------------


def test_export_cap_counts() -> None:
    assert [at_export_cap(n) for n in (9_799, 9_800, 10_000, 10_001, 39_200, 40_000)] == [
        False,
        True,
        True,
        False,
        True,
        True,
    ]


def _entries(n: int, first_event: str | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    messages = pl.DataFrame({"line": list(range(1, n + 1))})
    events = pl.DataFrame(
        {"line": [1] if first_event else [], "event": [first_event] if first_event else []},
        schema={"line": pl.Int64, "event": pl.String},
    )
    return messages, events


@pytest.mark.parametrize(
    ("n", "first_event", "cut"),
    [
        (10_000, None, True),
        (40_000, "added", True),
        (10_000, "encryption_notice", False),
        (10_000, "created", False),
        (5_000, None, False),
    ],
)
def test_export_at_the_cap_that_starts_mid_history_is_incomplete(
    n: int, first_event: str | None, cut: bool
) -> None:
    assert starts_mid_history(*_entries(n, first_event)) is cut


def _lines(n: int) -> str:
    return "".join(
        f"2{i // 1440 % 8}/01/2024, {i // 60 % 24:02d}:{i % 60:02d} - A: x\n" for i in range(n)
    )


def test_parsed_export_at_the_cap_is_flagged_incomplete(tmp_path: Path) -> None:
    assert parsed(tmp_path, _lines(10_000), name="cut.txt").incomplete
    notice = "20/01/2024, 00:00 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
    assert not parsed(tmp_path, notice + _lines(9_999), name="whole.txt").incomplete
