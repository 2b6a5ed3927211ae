"""The demo's chats write every system line the parser knows, in each phone language's own
wording from the phrase tables, and the parser reads each one back as its event."""

from __future__ import annotations

import polars as pl
import pytest
import yaml

from etl.demo.data.locale_lines import chat_phrases, example, locale_lines
from etl.sources.whatsapp.events import PHRASES_DIR, load_phrases, matched_events, normalized


def test_example_takes_first_branches_and_leaves_optional_parts_out() -> None:
    assert example("{actor} ने मैसेज को पिन किया(?: गया)?") == "{actor} ने मैसेज को पिन किया"
    assert example("(?:{actor} ने|आपने) 'गायब' मोड को (?:ऑन|ऑफ़) किया.*") == (
        "{actor} ने 'गायब' मोड को ऑन किया"
    )
    assert example('{actor} changed the subject from "[^"]*" to "{subject}"') == (
        '{actor} changed the subject from "{old}" to "{subject}"'
    )


def test_example_keeps_a_lone_optional_vowel_sign_or_nasal_mark() -> None:
    # The table takes "नही" too; the word is "नहीं". A joiner is no letter and stays out.
    assert example("{subjects} अब एडमिन नहीं? हैं") == "{subjects} अब एडमिन नहीं हैं"
    assert example("ताक\u200d?ि भेज सकें?") == "ताकि भेज सकें"


def test_hindi_dismissed_admin_and_settings_lines_are_spelt_right() -> None:
    ph = chat_phrases()["android_hi"]
    assert ph.admin_dismissed == "{subject} अब एडमिन नहीं हैं"
    assert ph.settings == ("{actor} ने इस ग्रुप की सेटिंग्स बदली हैं ताकि सिर्फ़ एडमिन ही इस ग्रुप में मैसेज भेज सकें")


def test_hindi_table_gives_every_event_the_demo_writes() -> None:
    lines = locale_lines("hi")
    assert set(lines.events) >= {
        "created",
        "added",
        "joined_link",
        "left",
        "removed",
        "admin_made",
        "admin_dismissed",
        "settings_changed",
        "subject_changed",
        "message_pinned",
        "security_code_changed",
        "disappearing_changed",
    }
    assert lines.media == ("<मीडिया के बिना>",)
    assert lines.deleted == "यह मैसेज डिलीट कर दिया गया है"


def _lines(fmt: str) -> dict[str, str]:
    ph = chat_phrases()[fmt]
    people = {"actor": "Ramesh Kumar", "subject": "+91 98765 43210", "subjects": "Sita Devi"}
    texts = {
        "added": ph.added.format(**people),
        "joined_link": ph.joined.format(**people),
        "left": ph.left.format(**people),
        "removed": ph.removed.format(**people),
    }
    optional = {
        "created": (ph.created, {"name": "Thana Sadar Jan Samvad"}),
        "subject_changed": (ph.subject, {"old": "Sadar Police", "new": "Thana Sadar"}),
        "icon_changed": (ph.icon, {}),
        "admin_made": (ph.admin_made, {}),
        "admin_dismissed": (ph.admin_dismissed, {}),
        "settings_changed": (ph.settings, {}),
        "message_pinned": (ph.pinned, {}),
        "security_code_changed": (ph.security, {}),
        "disappearing_changed": (ph.disappearing, {}),
    }
    for event, (line, more) in optional.items():
        assert line is not None, (fmt, event)
        texts[event] = line.format(**people, **more)
    return texts


@pytest.mark.parametrize("fmt", ["android", "android24", "ios", "android_hi"])
def test_parser_reads_every_demo_system_line_as_its_event(fmt: str) -> None:
    texts = _lines(fmt)
    frame = pl.DataFrame({"id": range(len(texts)), "text": list(texts.values())}).select(
        "id", normalized(pl.col("text")).alias("norm")
    )
    found = matched_events(frame, load_phrases())
    assert dict(zip(found.get_column("id"), found.get_column("event"), strict=True)) == dict(
        enumerate(texts)
    )


@pytest.mark.parametrize("locale", ["en", "hi"])
def test_every_verified_phrase_reads_back_the_line_the_demo_would_write_from_it(
    locale: str,
) -> None:
    # Any verified phrase may become a demo line; its own example must be typed as its event.
    # Left out: lines that need free text after them ("…to the Community: <name>"), which the
    # demo never writes.
    table = yaml.safe_load((PHRASES_DIR / f"phrases_{locale}.yaml").read_text("utf-8"))
    people = {"{actor}": "Ramesh Kumar", "{subject}": "Sita Devi", "{subjects}": "Sita Devi"}
    texts, wanted = [], []
    for event, items in (table.get("events") or {}).items():
        for item in items or []:
            line = example(str(item["p"])).replace("{old}", "Sadar Police")
            if item.get("verified", True) and line == line.rstrip():
                for slot, name in people.items():
                    line = line.replace(slot, name)
                texts.append(line)
                wanted.append(event)
    frame = pl.DataFrame({"id": range(len(texts)), "text": texts}).select(
        "id", normalized(pl.col("text")).alias("norm")
    )
    found = dict(matched_events(frame, load_phrases()).select("id", "event").iter_rows())
    assert {texts[i]: found.get(i) for i in range(len(texts))} == dict(
        zip(texts, wanted, strict=True)
    )
