"""Exports stamped in a script's own digits, or with right-to-left marks inside the stamp: an
Arabic iPhone (seen in public exports: Arabic-Indic digits, U+200F after the day and month, the
Arabic comma, م for pm; and the same with Western digits), and phones whose language counts in
Devanagari, Bengali or Extended Arabic-Indic digits. Lines written for this project."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from etl.sources.whatsapp.digits import ascii_stamp_blocks, ascii_stamps
from tests.etl.whatsapp.public_shapes import ENGINES, NBSP, parsed

RLM = "\u200f"


def test_an_arabic_iphone_stamp_is_rewritten_in_ascii() -> None:
    line = f"[١٨{RLM}/٣{RLM}/٢٠٢٢، ٢:٥٦:٠٠{NBSP}م] سمير: مرحبا ١٢ ساعة\n"
    assert ascii_stamps(line.encode()).decode() == (
        f"[18/3/2022, 2:56:00{NBSP}PM] سمير: مرحبا ١٢ ساعة\n"
    )


def test_marks_and_the_arabic_comma_around_western_digits_go() -> None:
    line = f"{RLM}[{RLM}27{RLM}/3{RLM}/2022، 21:41:55] Samir: {RLM}نص\n"
    assert ascii_stamps(line.encode()).decode() == f"{RLM}[27/3/2022, 21:41:55] Samir: {RLM}نص\n"


def test_devanagari_and_bengali_android_stamps_with_their_am_pm() -> None:
    marathi = "१२/०३/२४, ९:०५ म.उ. - सुनील: नमस्कार\n"
    bengali = "১২/০৩/২৪ ২১:০৫ - রিনা: ঠিক আছে\n"
    assert ascii_stamps(marathi.encode()).decode() == "12/03/24, 9:05 PM - सुनील: नमस्कार\n"
    assert ascii_stamps(bengali.encode()).decode() == "12/03/24 21:05 - রিনা: ঠিক আছে\n"


def test_ascii_dates_with_an_indic_am_pm_after_or_before_the_time() -> None:
    punjabi = "12/03/24, 9:05 ਬਾ.ਦੁ. - ਹਰਪ੍ਰੀਤ: ਸਤ ਸ੍ਰੀ ਅਕਾਲ\n"
    tamil = "12/3/24, பிற்பகல் 9:05 - முருகன்: வணக்கம்\n"
    kannada = "[12/03/24, 9:05:10 ಪೂರ್ವಾಹ್ನ] ರವಿ: ನಮಸ್ಕಾರ\n"
    assert ascii_stamps(punjabi.encode()).decode() == "12/03/24, 9:05 PM - ਹਰਪ੍ਰੀਤ: ਸਤ ਸ੍ਰੀ ਅਕਾਲ\n"
    assert ascii_stamps(tamil.encode()).decode() == "12/3/24, 9:05 PM - முருகன்: வணக்கம்\n"
    assert ascii_stamps(kannada.encode()).decode() == "[12/03/24, 9:05:10 AM] ರವಿ: ನಮಸ್ಕಾರ\n"


def test_day_periods_instead_of_am_pm() -> None:
    lines = [
        "03/01/2021, 9:15 in the morning - Asha: hi",
        "03/01/2021, 3:07 in the afternoon - Asha: hi",
        "03/01/2021, 10:30 at night - Asha: hi",
        "04/01/2021, 12:30 at night - Asha: hi",
        "04/01/2021, 12:05 noon - Asha: hi",
        "5/1/21 7:40 de la tarde - Ana: hola",
    ]
    rewritten = ascii_stamps("\n".join(lines).encode()).decode().split("\n")
    assert [line.split(" - ")[0] for line in rewritten] == [
        "03/01/2021, 9:15 AM",
        "03/01/2021, 3:07 PM",
        "03/01/2021, 10:30 PM",
        "04/01/2021, 12:30 AM",
        "04/01/2021, 12:05 PM",
        "5/1/21 7:40 PM",
    ]


def test_the_first_lines_decide_whether_an_export_is_rewritten() -> None:
    english = "".join(f"12/03/24, 9:0{i} pm - Ravi: hi\n" for i in range(5))
    pasted = "१२/०३/२४, ९:०५ म.उ. - सुनील: नमस्कार\n"
    # One odd line among plain headers is text pasted into a message: left as written.
    assert (
        b"".join(ascii_stamp_blocks(iter([(english + pasted).encode()])))
        == (english + pasted).encode()
    )
    tamil = "".join(f"12/3/24, பிற்பகல் 9:0{i} - முருகன்: வணக்கம்\n" for i in range(5))
    assert b"".join(ascii_stamp_blocks(iter([tamil.encode()]))).decode() == "".join(
        f"12/3/24, 9:0{i} PM - முருகன்: வணக்கம்\n" for i in range(5)
    )


def test_a_body_line_opening_with_native_digits_is_left_as_written() -> None:
    # A continuation line: a number and a dash, but no date and time before it.
    lines = "१२ लोग - थाने पहुंचे\n२०२४ - नया साल\n"
    assert ascii_stamps(lines.encode()).decode() == lines


def test_a_plain_export_passes_untouched_and_undecodable_bytes_survive() -> None:
    plain = [b"12/03/24, 9:05 pm - Ravi: hi\n", b"12/03/24, 9:06 pm - Ravi: \xff\xfe ok\n"]
    assert [b is p for b, p in zip(ascii_stamp_blocks(iter(plain)), plain, strict=True)] == [
        True,
        True,
    ]
    odd = "١٢/٣/٢٤ ٩:٠٥ م - Ravi: hi\n".encode() + b"\xff tail\n"
    assert ascii_stamps(odd) == b"12/3/24 9:05 PM - Ravi: hi\n\xff tail\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_an_arabic_iphone_export_reads_its_times_and_authors(tmp_path: Path, engine: str) -> None:
    text = (
        f"[١٨{RLM}/٣{RLM}/٢٠٢٢، ٢:٥٦:٠٠{NBSP}م] سمير: مرحبا\n"
        f"{RLM}[٢٧{RLM}/٣{RLM}/٢٠٢٢، ٩:٤١:٣٥{NBSP}ص] Dina K: Hello\n"
        "second line of Dina's message\n"
        f"[٢٧{RLM}/٣{RLM}/٢٠٢٢، ٩:٤٢:٠٠{NBSP}م] سمير: ١٢٣\n"
    )
    result = parsed(tmp_path, text, engine)
    assert result.messages.select("ts", "author", "text").rows() == [
        (datetime(2022, 3, 18, 14, 56), "سمير", "مرحبا"),
        (datetime(2022, 3, 27, 9, 41, 35), "Dina K", "Hello\nsecond line of Dina's message"),
        (datetime(2022, 3, 27, 21, 42), "سمير", "١٢٣"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_export_with_day_periods_reads_its_times_and_authors(
    tmp_path: Path, engine: str
) -> None:
    text = (
        "03/01/2021, 9:15 in the morning - Asha K: Good morning\n"
        "05/01/2021, 3:07 in the afternoon - Vikram: Noted\n"
        "05/01/2021, 11:50 at night - Asha K: Reached home\n"
    )
    result = parsed(tmp_path, text, engine)
    assert result.messages.select("ts", "author").rows() == [
        (datetime(2021, 1, 3, 9, 15), "Asha K"),
        (datetime(2021, 1, 5, 15, 7), "Vikram"),
        (datetime(2021, 1, 5, 23, 50), "Asha K"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tamil_android_export_reads_its_times(tmp_path: Path, engine: str) -> None:
    text = "05/01/24, முற்பகல் 9:00 - முருகன்: காலை வணக்கம்\n05/01/24, பிற்பகல் 9:30 - செல்வி: சரி\n"
    result = parsed(tmp_path, text, engine)
    assert result.messages.select("ts", "author", "text").rows() == [
        (datetime(2024, 1, 5, 9, 0), "முருகன்", "காலை வணக்கம்"),
        (datetime(2024, 1, 5, 21, 30), "செல்வி", "சரி"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_devanagari_android_export_reads_its_times(tmp_path: Path, engine: str) -> None:
    text = (
        "०५/०१/२४, ९:०० म.पू. - सुनील: सुप्रभात\n०५/०१/२४, ९:३० म.उ. - रेखा: ठीक है\n१२ लोग - थाने पहुंचे\n"
    )
    result = parsed(tmp_path, text, engine)
    assert result.messages.select("ts", "author", "text").rows() == [
        (datetime(2024, 1, 5, 9, 0), "सुनील", "सुप्रभात"),
        (datetime(2024, 1, 5, 21, 30), "रेखा", "ठीक है\n१२ लोग - थाने पहुंचे"),
    ]


def test_the_byte_sniff_knows_every_mark_a_header_may_carry() -> None:
    # The sniff reads bytes, the rewrite text: both must skip the same marks.
    from etl.sources.whatsapp.headers import MARKS
    from etl.sources.whatsapp.stamps import MARK_BYTES

    assert [bool(re.fullmatch(MARK_BYTES, mark.encode())) for mark in MARKS] == [True] * len(MARKS)
