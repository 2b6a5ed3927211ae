"""The compiled parser core and the polars path give the same result on the same bytes.

Each input is read by both engines in one block and in 40-byte blocks (lines then span
blocks, and windows hold several). The larger comparison (200 generated exports, the corpus,
the demo chats, against the output recorded before the core existed) is bench/parity.py.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from etl.sources.whatsapp import parse_export
from etl.sources.whatsapp.native import glue as whatsapp_native
from etl.sources.whatsapp.phrases import load_phrases
from etl.sources.whatsapp.plain import phrase_flags

NNBSP, LRM = "\u202f", "\u200e"
NAME = "WhatsApp Chat with PS Kotwali"
needs_native = pytest.mark.skipif(
    not whatsapp_native.available(),
    reason="compiled parser not built (bash scripts/setup.sh)",
)
pytestmark = needs_native


def outcome(path: Path, engine: str, block_bytes: int) -> object:
    """Everything `parse_export` gives, or the error it raises, in comparable form."""
    try:
        got = parse_export(path, engine=engine, block_bytes=block_bytes)
    except Exception as err:  # the error is part of the result to compare
        return f"{type(err).__name__}: {err}"
    assert got.engine == engine
    return (
        got.messages,
        got.events,
        got.rejects,
        (got.day_first, got.date_order_decided, got.date_order_evidence, got.layout),
        got.chat_name,
        got.unverified,
        got.incomplete,
    )


def assert_same(expected: object, actual: object) -> None:
    if isinstance(expected, tuple) and isinstance(actual, tuple):
        for want, got in zip(expected, actual, strict=True):
            if isinstance(want, pl.DataFrame):
                assert isinstance(got, pl.DataFrame)
                assert_frame_equal(got, want)
            else:
                assert got == want
    else:
        assert actual == expected


def assert_engines_agree(path: Path, block_sizes: tuple[int, ...] = (4 << 20, 40)) -> None:
    for block in block_sizes:
        assert_same(outcome(path, "polars", block), outcome(path, "native", block))


def _android(day: int, hour: int, minute: int, text: str, *, month: int = 1) -> str:
    h12, half = hour % 12 or 12, "am" if hour < 12 else "pm"
    return f"{day:02d}/{month:02d}/24, {h12}:{minute:02d}{NNBSP}{half} - {text}"


CASES = {
    "android_multiline_and_system": "\n".join(
        [
            _android(5, 9, 15, "SHO Kotwali added Amit, Ravi and +91 98765 43210"),
            _android(5, 9, 16, "Amit: first  \n  second\n\nthird"),
            _android(5, 9, 17, "Ravi: <Media omitted>"),
            _android(5, 9, 18, "Ravi: This message was deleted"),
            _android(5, 9, 19, "Amit left"),
            _android(5, 9, 20, "Neha: “quoted” it’s fine "),
            _android(5, 9, 21, "Neha:  leading space"),
            _android(5, 9, 22, "Messages and calls are end-to-end encrypted. Tap."),
            _android(5, 9, 23, "Neha:"),
            _android(5, 9, 24, "Neha: IMG-20240105.jpg (file attached)"),
        ]
    )
    + "\n",
    "crlf_and_bom": "\ufeff"
    + "\r\n".join(
        [
            "13/01/2024, 19:41 - Amit: one\r",
            "two",
            "",
            "13/01/2024, 19:42 - Ravi: three",
        ]
    )
    + "\r\n",
    "forged_late_orphan_embedded": "\n".join(
        [
            "text before any header",
            _android(20, 10, 0, "Amit: start"),
            _android(2, 10, 0, "Fake: forged far back"),
            _android(20, 10, 5, "Ravi: back in order"),
            _android(20, 9, 30, "Late: a small step back"),
            _android(20, 10, 40, f"Amit: see {_android(20, 10, 39, 'Fake: inside')}"),
            _android(31, 10, 41, "Bad: impossible date", month=2),
            _android(20, 10, 42, "Amit: 12/03/23, 10:00 - another shape 1/2/3"),
        ]
    ),
    "ios_marks_and_voice": "\n".join(
        [
            f"{LRM}[05/01/24, 9:16:10{NNBSP}AM] PS Kotwali: {LRM}SHO added +91 98765 43210",
            f"{LRM}[05/01/24, 9:17:00{NNBSP}AM] PS Kotwali: {LRM}something new",
            f"[05/01/24, 9:18:00{NNBSP}AM] SHO: Welcome",
            f"{LRM}[13/01/24, 7:40:12{NNBSP}PM] SHO: {LRM}image omitted",
        ]
    )
    + "\n",
    "hindi_and_devanagari_digits": "\n".join(
        [
            _android(5, 9, 15, "SHO Kotwali ने राजेश यादव और अमित को जोड़ा"),
            _android(5, 9, 16, "राजेश यादव: नमस्ते सर 🙏"),
            "१३/०१/२४, ७:४१ pm - राजेश: देवनागरी अंक",
            "0१/01/24, 7:41 pm - mixed digits",
            _android(5, 9, 17, "+91 98765 43210: <मीडिया के बिना>"),
            _android(5, 9, 18, "राजेश यादव ने ग्रुप छोड़ दिया"),
        ]
    ),
    "month_first_decided_late": "\n".join(
        [f"1/{d}/24, 10:{d:02d} AM - Amit: day {d}" for d in range(1, 20)]
    ),
    "ambiguous_order_by_chronology": "\n".join(
        ["03/02/24, 10:00 - A: x", "02/03/24, 10:00 - A: y", "04/03/24, 10:00 - A: z"]
    ),
    "odd_bytes": "05/01/24, 9:15 am - Amit: a\x00b\rc\r\r\n\x01\n05/01/24, 9:16 am - R: \t\n",
    "seconds_dotted_and_klo": "\n".join(
        ["03.06.2018, 00:08 - Amit: dotted", "3.6.2018 klo 1.55 - Ravi: klo", "x"]
    ),
    "mixed_shapes": "\n".join(
        [
            "[05/01/24, 9:16:10] A: ios",
            "05/01/24, 9:16 - B: android",
            "05/01/24, 9:17 - B: android",
            "2024-01-05 09:18 - C: year first",
        ]
    ),
    # the shapes of real exports (tests/etl/whatsapp/test_whatsapp_shapes.py), in one file
    "shapes_of_real_exports": "\n".join(
        [
            "23/01/2024, 14:14 - Ravi left",
            "23/01/2024, 07:07 - Suman: <Media omitted>",
            '23/01/2024, 07:08 - Suman created group "Beat 4"',
            "23/01/2024, 14:15 - Ravi pinned a message",
            "23/01/2024, 14:16 - Ravi changed this group\u2019s settings to allow only admins to "
            "edit this group\u2019s info",
            "23/01/2024, 14:17 - ~ Kavi:) joined using this group's invite link",
            "23/01/2024, 14:18 - Harish added Mohan 🎄 :D",
            "23/01/2024, 14:19 - Anil added Sunita, Ramesh, and Geeta",
            "23/01/2024, 14:20 - Anil added Sunita, and 8 others. Tap to see all.",
            "23/01/2024, 14:21 - Carlos: ",
            "23/01/2024, 14:22 - Ravi: Bild weggelassen",
            "23/01/2024, 14:23 - Ravi: Mensagem apagada",
            "23/01/2024, 14:24 - Ravi joined using an invite link",
            "23/01/2024, 14:25 - SHO ଗ୍ରୁପ୍ ଛାଡ଼ିଦେଲେ",
            "23/01/2024, 14:26 - রবি বেরিয়ে এসেছেন",
        ]
    )
    + "\n",
    "ios_shapes_of_real_exports": "\n".join(
        [
            f"[12.03.24, 10:02:11] Jonas: {LRM}Jonas hat die Gruppe erstellt.",
            f"[12.03.24, 10:02:12] ~ Farhan: {LRM}Jonas hat ~ Farhan, Mia und Lea hinzugefügt",
            f"[12.03.24, 10:02:13] ~ Farhan: {LRM}sticker omitted",
            f"[12.03.24, 10:02:14] Mia: {LRM}You received a view once message. For added "
            "privacy, you can only open it on your phone.",
            "[12.03.24, 10:02:15] Carlos:",
            "[12.03.24, 10:02:16] Ana: ok",
        ]
    )
    + "\n",
    # the shapes of public exports (tests/etl/whatsapp/test_whatsapp_shapes_public.py)
    "public_export_shapes": "\n".join(
        [
            "[12/03/24, 10:02:00] Jonas: ok",
            f"[12/03/24, 10:02:01] Wache: {LRM}Du bist der Gruppe mit dem Einladungslink "
            "beigetreten.",
            f"[12/03/24, 10:02:02] Wache: {LRM}Du hast Mia, Lea und 3\u00a0weitere Personen "
            "hinzugefügt. Tippe, um alle zu sehen.",
            f"[12/03/24, 10:02:03] Jonas: {LRM}Cambiaste la descripción del grupo.",
            f"[12/03/24, 10:02:04] Jonas: <{LRM}image omitted>",
            f"[12/03/24, 10:02:05] Jonas: {LRM}Group call, {LRM}4 invited",
            f"[12/03/24, 10:02:06] Wache: {LRM}You Added This Group to the Community: Thana",
            "[12/03/24, 10:02:07] Talha: Talha left",
            "[12/03/24, 10:02:08] Yasser: Hasan added Yasser",
            "[12/03/24, 10:02:09] Ravi: Missed voice call",
            "[12/03/24, 10:02:10] Ravi: ok Ravi",
            f"[12/03/24, 10:02:11] ~{NNBSP}Imdad\n(IMDAD): is the bus running?",
        ]
    )
    + "\n",
    # call words that begin a person's sentence, and call lines ending in a call's detail
    "call_tails": "\n".join(
        [
            "[12/03/24, 10:02:00] Jonas: Llamada a la comisaría mañana",
            "[12/03/24, 10:02:01] Jonas: Group call, everyone join at 5",
            "[12/03/24, 10:02:02] Jonas: Videollamada",
            "[12/03/24, 10:02:03] Jonas: Video call, 2 min",
            f"[12/03/24, 10:02:04] Jonas: {LRM}Voice call. {LRM}No answer",
            f"[12/03/24, 10:02:05] Jonas: {LRM}Llamada{NNBSP} {LRM}5 min",
            f"[12/03/24, 10:02:06] Jonas: {LRM}Sprachanruf. {LRM}2\u00a0Std.",
        ]
    )
    + "\n",
    # invisible characters before a header's date, outside or inside the bracket, and a line
    # that only starts with one
    "marks_around_headers": "\n".join(
        [
            "[29.01.18, 12:25:03] Ana: hola",
            "[\ufeff29.01.18, 12:26:03] Ben: qué tal",
            "\ufeff[29.01.18, 12:27:03] Ana: bien",
            "\u202b[\u206729.01.18, 12:28:03] Ben: ok",
            "\u202bشکریہ",
            "[\ufeff29.01.18] the date only",
            "29/01/2018, 12:29 - Ana: another shape",
            "\u200f29/01/2018, 12:30 - Ana: another shape, marked",
        ]
    )
    + "\n",
    "long_line": _android(5, 9, 15, "Amit: " + "x" * 100_000) + "\n" + _android(5, 9, 16, "R: y"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_engines_agree_on_edge_cases(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{NAME}.txt"
    path.write_bytes(CASES[name].encode("utf-8"))
    assert_engines_agree(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_engines_agree_on_other_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{NAME}.txt"
    path.write_bytes(CASES["android_multiline_and_system"].encode(encoding))
    assert_engines_agree(path)


def test_engines_agree_on_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / f"{NAME}.txt"
    text = CASES["forged_late_orphan_embedded"].encode()
    path.write_bytes(text[:50] + b"\xff\xe0\x80" + text[50:120] + b"\xc3" + text[120:])
    assert_engines_agree(path)


def test_auto_uses_the_compiled_core_when_built(tmp_path: Path) -> None:
    path = tmp_path / f"{NAME}.txt"
    path.write_bytes(CASES["android_multiline_and_system"].encode())
    assert parse_export(path).engine == "native"
    assert parse_export(path, engine="polars").engine == "polars"


# --- fuzz: random and chat-like bytes, truncated anywhere --------------------------------

_FOLDER = tempfile.TemporaryDirectory(prefix="sampark-engines-")
FUZZ = settings(
    max_examples=60,
    deadline=timedelta(seconds=20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_header = st.builds(
    "{}{}/{}/{}{}{}:{:02d}{}{}".format,
    st.sampled_from(["", LRM, "[", f"{LRM}[", "[\ufeff", "\u202b[\u2069", "\u2067", "\ufeff"]),
    st.integers(0, 40),
    st.integers(0, 14),
    st.sampled_from(["24", "2024", "99", "0", "२४"]),
    st.sampled_from([", ", " ", ",", ", \u00a0"]),
    st.integers(0, 30),
    st.integers(0, 70),
    st.sampled_from([" am", f"{NNBSP}pm", "", " PM", ":61", " a. m.", ":05 AM", ":07"]),
    st.sampled_from([" - ", "] ", " – ", ": ", " ", "]"]),
)
_line = st.one_of(
    st.builds(
        "{}{}".format,
        _header,
        st.sampled_from(["Amit: ", "Ravi: x ", "", "SHO added A and B", "A left", f"G: {LRM}"]),
    ),
    st.text(max_size=40),
)
_chat = st.lists(_line, max_size=40).map("\n".join)
_damage = st.sampled_from([b"", b"\xff", b"\r", b"\x00", b"\xe0\x80", b"\n\n", "\u2028".encode()])


def _written(data: bytes) -> Path:
    path = Path(_FOLDER.name) / f"{NAME}.txt"
    path.write_bytes(data)
    return path


@FUZZ
@given(st.binary(max_size=2048))
def test_engines_agree_on_random_bytes(data: bytes) -> None:
    assert_engines_agree(_written(data))


@FUZZ
@given(_chat, st.integers(0, 4000), _damage, st.sampled_from(["utf-8", "utf-16"]), st.booleans())
def test_engines_agree_on_damaged_chats(
    text: str, cut: int, damage: bytes, encoding: str, crlf: bool
) -> None:
    raw = (text.replace("\n", "\r\n") if crlf else text).encode(encoding, errors="replace")
    assert_engines_agree(_written(raw[:cut] + damage + raw[cut:]))


def test_phrase_flags_tell_notices_calls_and_deleted_placeholders_apart() -> None:
    # The compiled core's entries: a notice and an unanswered call line need the phrase
    # tables, an answered call line is the author's message, a deleted placeholder is one.
    said = [
        "Messages and calls are end-to-end encrypted. Tap to learn more.",
        "Missed voice call",
        "Voice call",
        "This message was deleted",
        "hello",
        None,
    ]
    rest = [f"Amit: {text}" for text in said[:-1]] + ["hello there"]
    odd, media, deleted = phrase_flags(pl.Series(rest), pl.Series(said), load_phrases())
    assert (odd.to_list(), media.to_list(), deleted.to_list()) == (
        [True, True, False, False, False, False],
        [False] * 6,
        [False, False, False, True, False, False],
    )
