"""More shapes seen in public exports (cited in the phrase tables): a Russian iPhone's
disappearing-messages lines written under the chat partner's name, a newer Indonesian Android's
"created group" without "telah", an older French iPhone's group lines, and a 2016 iPhone's missed
call under no name. Lines written for this project, read by both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.etl.whatsapp.public_shapes import ENGINES, LRM, NBSP, events, parsed, rows


def ru_ios(author: str, text: str, second: int) -> str:
    return f"[25.04.2024, 05:20:{second:02d}] {author}: {text}\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_russian_iphone_s_disappearing_message_lines_are_events(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(
        tmp_path,
        ru_ios(
            "Олег Н",
            f"{LRM}{LRM}Вы используете автоматический таймер для исчезающих сообщений "
            f"в{NBSP}новых чатах. {LRM}Новые сообщения исчезнут через 24 часа.",
            1,
        )
        + ru_ios("Марина", f"{LRM}{LRM}Вы отключили исчезающие сообщения. {LRM}Нажмите.", 2)
        + ru_ios("Марина", "Вы отключили звук?", 3),
        engine,
    )
    assert rows(result) == [(None, "system"), (None, "system"), ("Марина", "text")]
    assert events(result) == [
        ("disappearing_changed", None, None),
        ("disappearing_changed", None, None),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_newer_indonesian_android_s_created_group_line(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        f'08/01/26 14.14 - {LRM}Dewi Lestari (Kelas 2) membuat grup "Ronda Malam"\n'
        f"08/01/26 14.14 - {LRM}Dewi Lestari (Kelas 2) menambahkan Anda\n"
        "08/01/26 14.15 - Dewi Lestari (Kelas 2): Halo semua\n",
        engine,
    )
    assert rows(result) == [(None, "system"), (None, "system"), ("Dewi Lestari (Kelas 2)", "text")]
    assert events(result) == [
        ("created", "Dewi Lestari (Kelas 2)", "Ronda Malam"),
        ("added", "Dewi Lestari (Kelas 2)", None),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_older_french_iphone_s_group_lines(tmp_path: Path, engine: str) -> None:
    def line(second: int, text: str) -> str:
        return f"[02/10/2020 10:44:{second:02d}] {text}\n"

    result = parsed(
        tmp_path,
        line(0, f"{LRM}Vous avez créé le groupe “Patrouille Nord”")
        + line(1, f"{LRM}Vous avez retiré Lucie Martin")
        + line(2, f"{LRM}\u202a+91 98765 00011\u202c a intégré ce groupe via le lien d'invitation")
        + line(3, "Paul R: Bonjour à tous"),
        engine,
    )
    assert rows(result) == [(None, "system")] * 3 + [("Paul R", "text")]
    assert events(result) == [
        ("created", None, "Patrouille Nord"),
        ("removed", None, "Lucie Martin"),
        ("joined_link", "\u202a+91 98765 00011\u202c", None),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_2016_iphone_s_missed_call_under_no_name(tmp_path: Path, engine: str) -> None:
    iphone = parsed(
        tmp_path,
        "6/5/16, 12:42:53 AM: Kiran D: On my way\n"
        f"6/14/16, 12:28:10 PM: {LRM}Missed Call\n"
        "6/14/16, 12:30:02 PM: Kiran D: Missed call, will ring later\n",
        engine,
    )
    assert rows(iphone) == [("Kiran D", "text"), (None, "system"), ("Kiran D", "text")]
    assert events(iphone) == [("call", None, None)]
