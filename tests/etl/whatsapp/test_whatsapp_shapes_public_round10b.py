"""More shapes of phones set to Russian and Indonesian, seen in public exports (cited in
phrases_ru.yaml and phrases_id.yaml): an iPhone's disappearing-messages lines written under the
chat partner's name, and a newer Android's "created group" without "telah". Lines written for
this project, read by both engines."""

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
