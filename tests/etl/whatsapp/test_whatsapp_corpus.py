"""`parse_export` over the shared corpus: public exports and synthetic edge cases, with the
counts their own projects expect.

The corpus (../shared/corpus/whatsapp relative to the repo root) holds files under GPL/AGPL/MIT
licences; it is read in place, never copied, and its tests skip when it is absent.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from etl.sources.whatsapp import parse_export
from tests.etl.whatsapp.test_whatsapp_parser import parsed, rows

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "whatsapp"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
MEMBERSHIP = ("created", "added", "joined_link", "joined_community", "left", "removed")


def synthetic_cases() -> list[str]:
    expected = CORPUS / "synthetic-edge-cases" / "expected.json"
    return sorted(json.loads(expected.read_text())) if expected.is_file() else []


# Where the parser now reads a case otherwise than its expected.json, on purpose: a header
# going back in time is a new entry (WhatsApp stamps some lines late), never text of the entry
# before, so the "forged" line 4 is an entry of its own.
DEPARTURES = {"android_colon_in_system_and_forged_header.txt": {"entries": 5, "user_messages": 3}}


@needs_corpus
@pytest.mark.parametrize("name", synthetic_cases())
def test_synthetic_edge_cases_match_expected_counts(name: str) -> None:
    folder = CORPUS / "synthetic-edge-cases"
    want = json.loads((folder / "expected.json").read_text())[name] | DEPARTURES.get(name, {})
    result = parse_export(folder / name)
    kinds = result.messages.get_column("kind")
    assert result.messages.height == want["entries"]
    assert int((kinds != "system").sum()) == want["user_messages"]
    assert int((kinds == "system").sum()) == want["system_events"]
    if "multiline_messages" in want:
        multiline = result.messages.filter(pl.col("text").str.contains("\n", literal=True))
        assert multiline.height == want["multiline_messages"]
    if "events" in want:
        got = dict(result.events.get_column("event").value_counts().rows())
        assert {e: got.get(e, 0) for e in MEMBERSHIP} == {
            e: want["events"].get(e, 0) for e in MEMBERSHIP
        }
    assert result.unknown_system_lines == 0


CHAT_MINER = sorted(p.name for p in (CORPUS / "joweich+chat-miner").glob("*.txt"))


@needs_corpus
@pytest.mark.parametrize("name", CHAT_MINER)
def test_chat_miner_files_yield_its_six_user_messages(name: str) -> None:
    """Differences from chat-miner's target, by design: it joins continuation lines with a
    space (we keep "\\n", compared here with the newline replaced); it drops system lines (we
    keep "created group" and "You were added" as system messages with events); and it drops
    "John Doe:." (no ": " follows the name, so we keep it as a system line, event "unknown")."""
    folder = CORPUS / "joweich+chat-miner"
    target = json.loads((folder / "target.json").read_text())
    result = parse_export(folder / name)
    users = result.messages.filter(pl.col("kind") != "system").sort("ts", descending=True)
    assert [
        (ts.isoformat(), author, text.replace("\n", " "))
        for ts, author, text in users.select("ts", "author", "text").rows()
    ] == [(t["timestamp"], t["author"], t["message"]) for t in target]
    assert rows(result.events, "event", "actor", "subject") == [
        ("unknown", None, None),
        ("created", "+12 345 578", "Groupname"),
        ("added", None, "You"),
    ]


@needs_corpus
@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("lorem.txt", r"^\["),
        ("lorem-2000.txt", r"^\["),
        ("lorem-merge-part1.txt", r"^\d{4}-"),
        ("lorem-merge-part2.txt", r"^\d{4}-"),
        ("pokemon.txt", r"^\d\d\.\d\d\.\d{4}, "),
    ],
)
def test_whatstk_files_parse_one_message_per_header_line(name: str, header: str) -> None:
    path = CORPUS / "lucasrodes+whatstk" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    result = parse_export(path)
    assert result.messages.height == sum(1 for line in lines if re.match(header, line))
    assert result.rejects.height == 0
    assert result.date_order_decided


@needs_corpus
def test_whatstk_pokemon_keeps_both_encryption_notices_as_system() -> None:
    result = parse_export(CORPUS / "lucasrodes+whatstk" / "pokemon.txt")
    assert rows(result.events, "event", "line") == [
        ("encryption_notice", 1),
        ("encryption_notice", 2),
    ]


@needs_corpus
def test_chat_analytics_samples_parse_and_report_the_reordered_message() -> None:
    folder = CORPUS / "mlomb+chat-analytics"
    small = parse_export(folder / "2A_5M.txt")
    assert small.messages.height == 5
    assert rows(small.rejects, "line") == [(5,)]
    text, archived = parse_export(folder / "4A_11M.txt"), parse_export(folder / "4A_11M.zip")
    assert text.messages.equals(archived.messages)
    users = text.messages.filter(pl.col("kind") != "system")
    assert users.height == 11
    assert sorted(users.get_column("author").unique()) == [
        "Alice",
        "Bob",
        "Eve",
        "Mallory",
        "Trent",
    ]
    assert (datetime(2020, 9, 12, 23, 55), "Alice", "boiii") in rows(users, "ts", "author", "text")
    assert rows(text.events, "event", "actor", "subject") == [
        ("encryption_notice", None, None),
        ("created", "Alice", "Some cool group chat"),
        ("added", "Alice", "you"),
    ]


@needs_corpus
def test_pustur_zip_with_media_reads_only_the_chat() -> None:
    path = CORPUS / "Pustur+whatsapp-chat-parser-website" / "whatsapp-chat-parser-example.zip"
    result = parse_export(path)
    assert result.layout == "ios"
    assert result.rejects.height == 0
    assert int((result.messages.get_column("kind") == "media").sum()) == 4
    assert rows(result.events, "event", "actor", "subject") == [
        ("encryption_notice", None, None),
        ("created", "Loris", "WhatsApp Chat Parser Example"),
        ("added", "Loris", "Emily"),
        ("added", "Loris", "John"),
    ]


def pustur_samples() -> list[str]:
    path = CORPUS / "Pustur+whatsapp-chat-parser" / "header-format-samples.txt"
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    # The last sample is two lines: an attachment and its caption on a continuation line.
    return [*lines[:-2], "\n".join(lines[-2:])]


@needs_corpus
@pytest.mark.parametrize("sample", pustur_samples())
def test_pustur_header_samples_each_read_as_one_message(tmp_path: Path, sample: str) -> None:
    result = parsed(tmp_path, sample + "\n")
    assert result.messages.height == 1
    assert result.messages.item(0, "author") == "a"
    assert result.messages.item(0, "ts") in {
        datetime(2018, 6, 3, 13, 55),
        datetime(2018, 6, 13, 21, 25, 15),
    }
