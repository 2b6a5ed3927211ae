"""Stamps of an iPhone set to the Buddhist or the Japanese calendar, or writing the time before
the date (shapes seen in public exports), read as Gregorian stamps by both engines. Lines
written for this project."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from etl.sources.whatsapp.calendars import gregorian_stamps
from tests.etl.whatsapp.public_shapes import ENGINES, LRM, parsed


@pytest.mark.parametrize(
    "written, read",
    [
        ("[3/18/2565 BE, 14:56:01] Asha: hi\n", "[3/18/2022, 14:56:01] Asha: hi\n"),
        ("[18/3/2565 พ.ศ. 14:56:01] Asha: hi\n", "[18/3/2022 14:56:01] Asha: hi\n"),
        ("[3/18/R4, 14:56:01] Asha: hi\n", "[3/18/2022, 14:56:01] Asha: hi\n"),
        ("[1/7/H31, 09:05:00] Asha: hi\n", "[1/7/2019, 09:05:00] Asha: hi\n"),
        ("[14:56:01, 3/18/22] Asha: hi\n", "[3/18/22, 14:56:01] Asha: hi\n"),
        ("[2:56:01 PM, 3/18/22] Asha: hi\n", "[3/18/22, 2:56:01 PM] Asha: hi\n"),
        (
            f"{LRM}[21:41:55, 3/27/22] Asha: {LRM}image\n",
            f"{LRM}[3/27/22, 21:41:55] Asha: {LRM}image\n",
        ),
        # a Gregorian stamp, and a body line opening with a time, stay as written
        (
            "[3/18/22, 14:56:01] Asha: R4 at 10:30, 5/6\n",
            "[3/18/22, 14:56:01] Asha: R4 at 10:30, 5/6\n",
        ),
        ("10:30, 5/6 pe milte hain\n", "10:30, 5/6 pe milte hain\n"),
    ],
)
def test_stamps_are_made_gregorian_and_date_first(written: str, read: str) -> None:
    assert gregorian_stamps(written.encode()).decode() == read


def _export(stamps: list[str]) -> str:
    texts = ["Namaste", "image omitted", "Kal milte hain"]
    return "".join(
        f"[{stamp}] Ravi K: {LRM if text.endswith('omitted') else ''}{text}\n"
        for stamp, text in zip(stamps, texts, strict=True)
    )


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "stamps",
    [
        ["3/18/2565 BE, 14:56:01", "3/27/2565 BE, 21:41:35", "4/2/2565 BE, 08:00:10"],
        ["3/18/R4, 14:56:01", "3/27/R4, 21:41:35", "4/2/R4, 08:00:10"],
        ["14:56:01, 3/18/22", "21:41:35, 3/27/22", "08:00:10, 4/2/22"],
    ],
    ids=["buddhist", "japanese", "time-first"],
)
def test_an_export_in_another_calendar_reads_as_the_gregorian_one(
    tmp_path: Path, engine: str, stamps: list[str]
) -> None:
    result = parsed(tmp_path, _export(stamps), engine)
    assert result.messages.select("ts", "author", "kind").rows() == [
        (datetime(2022, 3, 18, 14, 56, 1), "Ravi K", "text"),
        (datetime(2022, 3, 27, 21, 41, 35), "Ravi K", "media"),
        (datetime(2022, 4, 2, 8, 0, 10), "Ravi K", "text"),
    ]
    assert result.rejects.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_time_first_line_typed_into_a_gregorian_export_stays_text(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(
        tmp_path,
        "[3/18/22, 14:56:01] Ravi K: Duty chart:\n"
        "[21:00:00, 3/18/22] night patrol\n"
        "[3/18/22, 14:57:00] Mohan: ok\n",
        engine,
    )
    assert result.messages.select("author", "text").rows() == [
        ("Ravi K", "Duty chart:\n[21:00:00, 3/18/22] night patrol"),
        ("Mohan", "ok"),
    ]
