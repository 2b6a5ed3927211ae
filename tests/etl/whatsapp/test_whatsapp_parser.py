"""`parse_export`: small inline exports with literal expectations (the shared corpus is read
by test_whatsapp_corpus.py)."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from etl.sources.whatsapp import BadExport, ParsedExport, UnknownExportFormat, parse_export
from etl.sources.whatsapp import collected as whatsapp_collected
from etl.sources.whatsapp import reading as whatsapp_reading

NNBSP, LRM = "\u202f", "\u200e"


def parsed(tmp_path: Path, text: str, name: str = "chat.txt", **kwargs: bool | int) -> ParsedExport:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return parse_export(path, **kwargs)


def rows(frame: pl.DataFrame, *columns: str) -> list[tuple[object, ...]]:
    return frame.select(columns).rows()


# --- layouts, times, dates ------------------------------------------------------------------


def test_android_12h_narrow_space_and_multiline_kept_byte_exact(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        f"05/01/24, 9:15{NNBSP}am - Amit: first  \n  second\n\nthird\n"
        f"13/01/24, 7:42{NNBSP}pm - Ravi: ok\n",
    )
    assert rows(result.messages, "ts", "author", "text", "kind", "line") == [
        (datetime(2024, 1, 5, 9, 15), "Amit", "first  \n  second\n\nthird", "text", 1),
        (datetime(2024, 1, 13, 19, 42), "Ravi", "ok", "text", 5),
    ]
    assert (result.layout, result.day_first, result.date_order_decided) == ("android", True, True)


def test_ios_system_lines_attributed_to_group_have_no_author(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        f"{LRM}[05/01/24, 9:16:10{NNBSP}AM] PS Kotwali: {LRM}SHO added +91 98765 43210\n"
        f"{LRM}[05/01/24, 9:17:00{NNBSP}AM] SHO: {LRM}SHO changed this group's icon\n"
        f"[05/01/24, 9:18:00{NNBSP}AM] SHO: Welcome\n"
        f"{LRM}[13/01/24, 7:40:12{NNBSP}PM] PS Kotwali: {LRM}+91 98765 43210 left\n",
    )
    assert result.layout == "ios"
    assert rows(result.messages, "author", "text", "kind") == [
        (None, "SHO added +91 98765 43210", "system"),
        (None, "SHO changed this group's icon", "system"),
        ("SHO", "Welcome", "text"),
        (None, "+91 98765 43210 left", "system"),
    ]
    assert rows(result.events, "event", "actor", "subject") == [
        ("added", "SHO", "+91 98765 43210"),
        ("icon_changed", "SHO", None),
        ("left", "+91 98765 43210", None),
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("3/6/18, 1:55 p.m. - ", datetime(2018, 6, 3, 13, 55)),
        ("3/6/2018 1:55 p.\u00a0m. - ", datetime(2018, 6, 3, 13, 55)),
        ("[3/6/18 1:55:00 a. m.] ", datetime(2018, 6, 3, 1, 55)),
        ("03-06-2018, 01.55 PM - ", datetime(2018, 6, 3, 13, 55)),
        ("03.06.2018, 00:08 - ", datetime(2018, 6, 3, 0, 8)),
        ("[2018/06/13, 21:25:15] ", datetime(2018, 6, 13, 21, 25, 15)),
        ("2018-06-03, 21:25 - ", datetime(2018, 6, 3, 21, 25)),
        ("\u200f3/6/18, 12:05\u00a0AM - ", datetime(2018, 6, 3, 0, 5)),
    ],
)
def test_header_variants_parse_to_the_same_clock(
    tmp_path: Path, header: str, expected: datetime
) -> None:
    result = parsed(tmp_path, f"{header}a: m\n")
    assert rows(result.messages, "ts", "author", "text") == [(expected, "a", "m")]


def test_second_field_over_12_makes_the_file_month_first(tmp_path: Path) -> None:
    result = parsed(tmp_path, "1/2/23, 10:00 - A: x\n1/20/23, 10:00 - A: y\n")
    assert (result.day_first, result.date_order_decided) == (False, True)
    assert result.messages.get_column("ts").to_list() == [
        datetime(2023, 1, 2, 10),
        datetime(2023, 1, 20, 10),
    ]


def test_undecidable_order_uses_the_setting_and_is_flagged(tmp_path: Path) -> None:
    text = "1/2/23, 10:00 - A: x\n"
    default = parsed(tmp_path, text)
    assert (default.day_first, default.date_order_decided) == (True, False)
    assert default.messages.item(0, "ts") == datetime(2023, 2, 1, 10)
    us = parsed(tmp_path, text, day_first=False)
    assert (us.day_first, us.date_order_decided, us.date_order_evidence) == (
        False,
        False,
        "setting",
    )
    assert us.messages.item(0, "ts") == datetime(2023, 1, 2, 10)


def test_undecidable_order_follows_chronology_when_one_order_goes_back(tmp_path: Path) -> None:
    result = parsed(tmp_path, "1/4/23, 10:00 - A: x\n2/2/23, 10:00 - A: y\n2/4/23, 9:00 - A: z\n")
    assert (result.day_first, result.date_order_decided) == (False, False)
    assert result.date_order_evidence == "chronology"


def test_bom_and_crlf_are_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes("\ufeff12/03/2022, 21:07 - Amit: Hello\r\nsecond\r\n".encode())
    assert rows(parse_export(path).messages, "author", "text") == [("Amit", "Hello\nsecond")]


# --- kinds and events -----------------------------------------------------------------------


def test_added_several_people_gives_one_event_each(tmp_path: Path) -> None:
    result = parsed(tmp_path, "12/03/23, 10:00 - SHO added Amit, +91 98765 43210 and Ravi\n")
    assert rows(result.events, "event", "actor", "subject", "line") == [
        ("added", "SHO", "Amit", 1),
        ("added", "SHO", "+91 98765 43210", 1),
        ("added", "SHO", "Ravi", 1),
    ]
    assert rows(result.messages, "author", "kind") == [(None, "system")]


def test_media_deleted_and_system_kinds(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        "12/03/23, 10:00 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
        '12/03/23, 10:01 - SHO changed the subject from "a" to "Notice: b"\n'
        "12/03/23, 10:02 - Amit: <Media omitted>\n"
        "12/03/23, 10:03 - Amit: This message was deleted\n"
        "12/03/23, 10:04 - Amit: Ravi left\n",
    )
    assert rows(result.messages, "author", "kind") == [
        (None, "system"),
        (None, "system"),
        ("Amit", "media"),
        ("Amit", "deleted"),
        ("Amit", "text"),
    ]
    assert rows(result.events, "event", "actor", "subject") == [
        ("encryption_notice", None, None),
        ("subject_changed", "SHO", "Notice: b"),
    ]


def test_unknown_system_line_is_kept_and_counted_never_given_an_author(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        "12/03/23, 10:00 - SHO changed this group's settings to allow only admins\n"
        "12/03/23, 10:01 - Amit: hi\n",
    )
    assert rows(result.messages, "author", "text", "kind") == [
        (None, "SHO changed this group's settings to allow only admins", "system"),
        ("Amit", "hi", "text"),
    ]
    assert rows(result.events, "event", "line") == [("unknown", 1)]
    assert result.unknown_system_lines == 1


def test_hindi_locale_system_lines_and_markers(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        "05/01/24, 9:16 am - SHO ने अमित और रवि को जोड़ा\n"
        "05/01/24, 9:20 am - अमित ने ग्रुप छोड़ दिया\n"
        "05/01/24, 9:21 am - रवि: <मीडिया के बिना>\n"
        "05/01/24, 9:22 am - रवि: यह संदेश हटा दिया गया\n",
    )
    assert rows(result.events, "event", "actor", "subject") == [
        ("added", "SHO", "अमित"),
        ("added", "SHO", "रवि"),
        ("left", "अमित", None),
    ]
    assert result.messages.get_column("kind").to_list() == ["system", "system", "media", "deleted"]


# --- what is reported -----------------------------------------------------------------------


def test_header_far_back_starts_an_entry_and_is_reported_out_of_order(tmp_path: Path) -> None:
    # WhatsApp stamps some lines hours before the entry above them (a system line written
    # late, a message sent offline): a well-formed header is a new entry, the step back a
    # warning.
    result = parsed(
        tmp_path,
        "23/01/2024, 14:14 - Ravi left\n"
        "23/01/2024, 07:07 - Suman: <Media omitted>\n"
        '23/01/2024, 07:08 - Suman created group "Beat 4"\n'
        "23/01/2024, 14:15 - Ravi: ok\n",
    )
    assert rows(result.messages, "author", "kind") == [
        (None, "system"),
        ("Suman", "media"),
        (None, "system"),
        ("Ravi", "text"),
    ]
    assert rows(result.events, "event", "actor") == [("left", "Ravi"), ("created", "Suman")]
    assert rows(result.rejects, "line") == [(2,)]
    assert result.rejects.item(0, "reason").startswith("out-of-order timestamp")


def test_header_text_inside_a_body_line_is_reported_and_kept(tmp_path: Path) -> None:
    result = parsed(
        tmp_path,
        "12/03/23, 10:00 am - Amit: see this\nRamesh: 12/03/23, 10:00 am - Fake: x\n",
    )
    assert rows(result.messages, "text") == [("see this\nRamesh: 12/03/23, 10:00 am - Fake: x",)]
    assert rows(result.rejects, "line", "reason") == [
        (2, "header-shaped text inside a message body; kept as text")
    ]


def test_small_step_back_in_time_is_kept_and_reported(tmp_path: Path) -> None:
    result = parsed(tmp_path, "1/1/21, 12:03 - B: x\n1/1/21, 12:02 - A: y\n")
    assert result.messages.height == 2
    assert rows(result.rejects, "line") == [(2,)]
    assert result.rejects.item(0, "reason").startswith("out-of-order timestamp")


def test_undecodable_bytes_are_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(b"12/03/23, 10:00 - Amit: ok\n12/03/23, 10:01 - Amit: bad \xff byte\n")
    result = parse_export(path)
    assert rows(result.messages, "text") == [("ok",), ("bad \ufffd byte",)]
    assert rows(result.rejects, "line") == [(2,)]


def test_text_without_headers_is_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(UnknownExportFormat, match="no WhatsApp message header"):
        parsed(tmp_path, "name,phone\nAmit,9876543210\n")


def test_chat_name_comes_from_the_export_file_name(tmp_path: Path) -> None:
    result = parsed(tmp_path, "12/03/23, 10:00 - A: x\n", name="WhatsApp Chat with PS Kotwali.txt")
    assert result.chat_name == "PS Kotwali"


# --- reading in blocks ------------------------------------------------------------------------


MIXED = (
    "orphan line\n"
    f"{LRM}[05/01/24, 9:16:10{NNBSP}AM] PS Kotwali: {LRM}SHO added Amit, Ravi and +91 98765 43210\n"
    f"[05/01/24, 9:17:00{NNBSP}AM] Amit: first\n\n  second\n"
    f"[04/01/24, 9:17:00{NNBSP}AM] Fake: pasted\n"
    f"[05/01/24, 9:18:00{NNBSP}AM] Ravi: ok\n"
    f"{LRM}[05/01/24, 9:19:00{NNBSP}AM] PS Kotwali: {LRM}SHO changed the settings\n"
    f"[05/01/24, 9:15:00{NNBSP}AM] Ravi: late\n"
    f"[13/01/24, 7:40:12{NNBSP}PM] Ravi: see [05/01/24, 9:18:00{NNBSP}AM] Fake: x\n"
)


def test_small_blocks_read_the_same_as_one_block(tmp_path: Path) -> None:
    whole = parsed(tmp_path, MIXED)
    blocks = parsed(tmp_path, MIXED, block_bytes=40)
    assert rows(blocks.messages, "author", "kind", "line") == [
        (None, "system", 2),
        ("Amit", "text", 3),
        ("Fake", "text", 6),
        ("Ravi", "text", 7),
        (None, "system", 8),
        ("Ravi", "text", 9),
        ("Ravi", "text", 10),
    ]
    assert blocks.messages.equals(whole.messages)
    assert blocks.events.equals(whole.events)
    assert blocks.rejects.equals(whole.rejects)


def test_odd_rows_classified_in_small_batches_read_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = parsed(tmp_path, MIXED)
    monkeypatch.setattr(whatsapp_collected, "ODD_BATCH", 1)
    batches = parsed(tmp_path, MIXED, block_bytes=40)
    assert batches.messages.equals(whole.messages)
    assert batches.events.equals(whole.events)


def test_a_file_whose_first_lines_are_not_its_usual_shape_reads_as_if_all_were_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two phones' exports pasted into one file: 300 Android lines, then 400 iPhone lines. The
    # shape is guessed from the first lines only; the file's most common shape still wins.
    android = "".join(f"05/01/24, 9:{m % 60:02d} - Amit: first phone {m}\n" for m in range(300))
    iphone = "".join(
        f"[06/01/24, 10:{m % 60:02d}:00{NNBSP}AM] Ravi: second phone {m}\n" for m in range(400)
    )
    guessed = parsed(tmp_path, android + iphone)
    monkeypatch.setattr(whatsapp_reading, "HEAD_BYTES", 10**9)
    counted = parsed(tmp_path, android + iphone)
    assert guessed.layout == counted.layout == "ios"
    assert guessed.messages.height == counted.messages.height == 400
    assert guessed.messages.equals(counted.messages)
    assert guessed.rejects.equals(counted.rejects)
    assert guessed.messages.item(0, "author") == "Ravi"


def test_day_over_12_late_in_a_long_file_decides_the_order_of_all_of_it(tmp_path: Path) -> None:
    early = "".join(f"1/2/23, 10:{m:02d} - A: x\n" for m in range(60)) * 3
    text = early + "1/20/23, 10:00 - A: y\n"
    result = parsed(tmp_path, text, block_bytes=1000)
    assert (result.day_first, result.date_order_evidence) == (False, "day>12")
    assert result.messages.item(0, "ts") == datetime(2023, 1, 2, 10)


def test_days_over_12_in_both_fields_read_in_blocks_as_in_one(tmp_path: Path) -> None:
    # Later blocks skip counting steps back once the first field had a day > 12; a day > 12
    # in the second field at the end makes the steps decide after all.
    text = (
        "".join(f"13/01/23, 10:{m:02d} - A: x\n" for m in range(60))
        + "".join(f"01/02/23, 11:{m:02d} - A: y\n" for m in range(60))
        + "".join(f"02/01/23, 12:{m:02d} - A: z\n" for m in range(60))
        + "2/14/23, 13:00 - A: w\n"
    )
    whole = parsed(tmp_path, text)
    blocks = parsed(tmp_path, text, block_bytes=300)
    assert (whole.day_first, whole.date_order_evidence) == (False, "chronology")
    assert (blocks.day_first, blocks.date_order_evidence) == (False, "chronology")
    assert blocks.messages.equals(whole.messages)
    assert blocks.rejects.equals(whole.rejects)


# --- zip exports ----------------------------------------------------------------------------


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return path


def test_zip_reads_the_chat_and_refuses_traversal_names(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "WhatsApp Chat - PS Kotwali.zip",
        {
            "00000001-PHOTO.jpg": b"\xff\xd8 not text",
            "../evil.txt": b"x",
            "/etc/abs.txt": b"x",
            "_chat.txt": b"[12/03/23, 10:00:00] Amit: hi\n",
        },
    )
    result = parse_export(path)
    assert rows(result.messages, "author", "text") == [("Amit", "hi")]
    assert result.chat_name == "PS Kotwali"
    assert rows(result.rejects, "line", "raw") == [(None, "../evil.txt"), (None, "/etc/abs.txt")]


def test_zip_past_the_size_cap_is_a_bad_export(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "bomb.zip", {"_chat.txt": b"0" * 2_000_000})
    with pytest.raises(BadExport, match="cap"):
        parse_export(path, max_chat_bytes=1_000_000)


@pytest.mark.parametrize(
    ("members", "message"),
    [({"a.jpg": b"x"}, "no single chat text"), ({"a.txt": b"x", "b.txt": b"y"}, "a.txt, b.txt")],
)
def test_zip_without_one_chat_text_is_a_bad_export(
    tmp_path: Path, members: dict[str, bytes], message: str
) -> None:
    with pytest.raises(BadExport, match=message):
        parse_export(write_zip(tmp_path / "x.zip", members))


def test_broken_zip_is_a_bad_export(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"PK not really")
    with pytest.raises(BadExport, match="not a readable zip"):
        parse_export(path)


def test_module_docstring_example_runs() -> None:
    import doctest

    import etl.sources.whatsapp.parse as module

    assert doctest.testmod(module).failed == 0
