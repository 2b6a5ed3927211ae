"""Invisible characters around a message header: the byte-order mark inside an iPhone's
bracket (seen in a public parser's test fixtures), a byte-order mark at the start of a later
line (a second export pasted below the first), and the Unicode bidirectional controls before
the date or just inside the bracket. A line a person reads as a new message is one, in both
engines; a line that only starts with such a character is still continuation text.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from etl.sources.whatsapp import ParsedExport
from etl.sources.whatsapp.headers import line_shapes
from tests.etl.whatsapp.public_shapes import ENGINES, LRM, parsed

BOM, RLM = "\ufeff", "\u200f"
# The bidirectional controls other than the two marks: embeddings, overrides and isolates,
# and the Arabic letter mark.
CONTROLS = [
    "\u061c",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
]
IPHONE = "[29/01/18, 12:25:03] Ana Reyes: hola\n"
ANDROID = "29/01/2018, 12:25 - Ana Reyes: hola\n"


def entries(result: ParsedExport) -> list[tuple[object, ...]]:
    return result.messages.select("ts", "author", "text").rows()


def said(result: ParsedExport) -> list[tuple[object, ...]]:
    return result.messages.select("author", "text").rows()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bom_inside_an_iphone_bracket_on_a_later_line_starts_a_message(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(
        tmp_path,
        IPHONE.replace("/", ".") + f"[{BOM}29.01.18, 12:26:03] Ben Ortiz: qué tal\n",
        engine,
    )
    assert [(str(ts), a, t) for ts, a, t in entries(result)] == [
        ("2018-01-29 12:25:03", "Ana Reyes", "hola"),
        ("2018-01-29 12:26:03", "Ben Ortiz", "qué tal"),
    ]
    assert result.rejects.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bom_inside_an_iphone_bracket_on_the_first_line_starts_a_message(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(
        tmp_path,
        f"[{BOM}29.01.18, 12:26:03] Ana Reyes: hola\n[29.01.18, 12:27:10] Ben Ortiz: hey\n",
        engine,
    )
    assert said(result) == [("Ana Reyes", "hola"), ("Ben Ortiz", "hey")]
    assert result.rejects.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bom_at_the_start_of_a_later_iphone_line_starts_a_message(
    tmp_path: Path, engine: str
) -> None:
    # Two exports joined: the second file's byte-order mark opens its first line.
    result = parsed(tmp_path, IPHONE + f"{BOM}[29/01/18, 12:26:03] Ben Ortiz: hey\n", engine)
    assert said(result) == [("Ana Reyes", "hola"), ("Ben Ortiz", "hey")]
    assert result.rejects.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bom_at_the_start_of_a_later_android_line_starts_a_message(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(tmp_path, ANDROID + f"{BOM}29/01/2018, 12:26 - Ben Ortiz: hey\n", engine)
    assert said(result) == [("Ana Reyes", "hola"), ("Ben Ortiz", "hey")]
    assert result.rejects.height == 0


@pytest.mark.parametrize("mark", [LRM, RLM, *CONTROLS])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_directional_control_before_or_inside_an_iphone_header_starts_a_message(
    tmp_path: Path, engine: str, mark: str
) -> None:
    result = parsed(
        tmp_path,
        IPHONE
        + f"{mark}[29/01/18, 12:26:03] Ben Ortiz: before\n"
        + f"[{mark}29/01/18, 12:27:03] Ben Ortiz: inside\n"
        + f"{mark}[{mark}{BOM}29/01/18, 12:28:03] Ben Ortiz: both\n",
        engine,
    )
    assert said(result) == [
        ("Ana Reyes", "hola"),
        ("Ben Ortiz", "before"),
        ("Ben Ortiz", "inside"),
        ("Ben Ortiz", "both"),
    ]
    assert result.rejects.height == 0


@pytest.mark.parametrize("mark", [LRM, RLM, *CONTROLS])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_directional_control_before_an_android_date_starts_a_message(
    tmp_path: Path, engine: str, mark: str
) -> None:
    result = parsed(tmp_path, ANDROID + f"{mark}{mark}29/01/2018, 12:26 - Ben Ortiz: hey\n", engine)
    assert said(result) == [("Ana Reyes", "hola"), ("Ben Ortiz", "hey")]
    assert result.rejects.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_starting_with_a_mark_and_ordinary_text_stays_continuation(
    tmp_path: Path, engine: str
) -> None:
    continued = [
        f"{BOM}second line",
        "\u202bشکریہ جناب",
        f"{RLM}12/03 ko milenge",
        f"[{BOM}29/01/18] the date only",
        "\u2067[note] 12:30 done",
        f"{LRM}[{LRM}",
        BOM,
    ]
    result = parsed(
        tmp_path, IPHONE.removesuffix("\n") + "".join(f"\n{c}" for c in continued), engine
    )
    assert said(result) == [("Ana Reyes", "\n".join(["hola", *continued]))]
    assert result.rejects.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_marked_iphone_header_inside_a_body_is_reported_and_kept_as_text(
    tmp_path: Path, engine: str
) -> None:
    quoted = f"[{BOM}29/01/18, 12:20:00] Ben Ortiz: forged"
    result = parsed(tmp_path, IPHONE + f"[29/01/18, 12:26:03] Ana Reyes: see {quoted}\n", engine)
    assert said(result) == [("Ana Reyes", "hola"), ("Ana Reyes", f"see {quoted}")]
    assert result.rejects.select("line", "reason").rows() == [
        (2, "header-shaped text inside a message body; kept as text")
    ]


def test_a_bom_inside_the_bracket_leaves_the_header_s_shape_as_without_it() -> None:
    lines = pl.Series(
        [f"[{BOM}29.01.18, 12:26:03] Ana: hola", "[29.01.18, 12:27:03] Ana: hola", f"{BOM}hola"]
    )
    assert line_shapes(lines).to_list() == [
        "[|.|..y|, |:|true|false|] ",
        "[|.|..y|, |:|true|false|] ",
        None,
    ]
