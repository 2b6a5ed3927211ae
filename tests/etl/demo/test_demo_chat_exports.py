"""The demo writes one WhatsApp export per group, in a deterministic mix of phone layouts.

Checked with plain regular expressions, not with the export parser, so that the generator and the
parser test each other.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from etl.demo import DemoSummary, write_demo
from etl.demo.build.chat_cap import MEDIA_CAP
from etl.demo.calendar import REFERENCE

PREFIX = "WhatsApp Chat with "
# One header pattern per layout; each captures day, month, year, hour, minute, (am/pm).
ANDROID_12H = re.compile(r"^(\d{2})/(\d{2})/(\d{2}), (\d{1,2}):(\d{2})\u202f(am|pm) - ")
IOS = re.compile(r"^\u200e?\[(\d{2})/(\d{2})/(\d{2}), (\d{1,2}):(\d{2}):\d{2}\u202f(AM|PM)\] ")
ANDROID_24H = re.compile(r"^(\d{2})/(\d{2})/(\d{4}), (\d{2}):(\d{2}) - ")
# The Hindi phone's system lines, in the wording of data/whatsapp/phrases_hi.yaml.
HINDI_LINES = (
    " ने ",
    "को शामिल किया",
    "इस ग्रुप के आमंत्रण लिंक का इस्तेमाल करके शामिल हुए/हुईं",
    " ने छोड़ा",
    " को हटा दिया",
    " एडमिन हैं",
    " अब एडमिन नहीं हैं",
    " ने इस ग्रुप की सेटिंग्स बदली हैं ताकि सिर्फ़ एडमिन ही इस ग्रुप में मैसेज भेज सकें",
    " ने मैसेज को पिन किया",
    " के लिए आपका सुरक्षा कोड बदल गया है",
    " ने 'गायब होने वाले मैसेज' मोड को ऑन किया",
    ": <मीडिया के बिना>",
    ": यह मैसेज डिलीट कर दिया गया है",
    "मैसेजेस और कॉल्स एंड-टू-एंड एन्क्रिप्टेड हैं.",
)
NOISE = re.compile(
    r"(good morning|good night|gn all|suprabhat|सुप्रभात|शुभ प्रभात|शुभ रात्रि|जय श्री राम|jai shri ram"
    r"|राधे राधे|forward|omitted|मीडिया के बिना|^[^\w]+$)",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chats") / "a"


@pytest.fixture(scope="module")
def summary(inbox: Path) -> DemoSummary:
    return write_demo(inbox, state="bihar", scale="small", seed=7, today=REFERENCE)


@pytest.fixture(scope="module")
def chats(inbox: Path, summary: DemoSummary) -> dict[str, str]:
    """Group name → chat text (CRLF kept), for .txt and .zip exports alike."""
    out: dict[str, str] = {}
    for path in sorted((inbox / "chats").iterdir()):
        assert path.name.startswith(PREFIX)
        name = path.name.removeprefix(PREFIX).removesuffix(path.suffix)
        assert name not in out, f"two exports for {name}"
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                texts = [m for m in zf.namelist() if m.endswith(".txt")]
                out[name] = zf.read(texts[0]).decode("utf-8")
        else:
            assert path.suffix == ".txt"
            out[name] = path.read_bytes().decode("utf-8")
    return out


def _layout(text: str) -> str:
    first = text.split("\n", 1)[0]
    if IOS.match(first):
        return "ios"
    if ANDROID_24H.match(first):
        return "android24"
    if ANDROID_12H.match(first):
        return "android_hi" if "एन्क्रिप्टेड" in first else "android"
    raise AssertionError(f"unknown layout: {first!r}")


def _stamps(text: str) -> list[datetime]:
    """The time stamp of every header line (continuation lines of multi-line messages skipped)."""
    stamps = []
    for line in text.splitlines():
        m = IOS.match(line) or ANDROID_12H.match(line) or ANDROID_24H.match(line)
        if m is None:
            continue
        day, month, year, hour, minute = (int(x) for x in m.groups()[:5])
        if len(m.groups()) == 6 and m.group(6).lower() == "pm" and hour != 12:
            hour += 12
        elif len(m.groups()) == 6 and m.group(6).lower() == "am" and hour == 12:
            hour = 0
        stamps.append(datetime(year % 100 + 2000, month, day, hour, minute))
    return stamps


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes(inbox: Path, summary: DemoSummary, tmp_path: Path) -> None:
    again = write_demo(tmp_path / "b", state="bihar", scale="small", seed=7, today=REFERENCE)
    assert again == summary
    assert _files(tmp_path / "b" / "chats") == _files(inbox / "chats")
    other = write_demo(tmp_path / "c", state="bihar", scale="small", seed=8, today=REFERENCE)
    assert _files(tmp_path / "c" / "chats") != _files(inbox / "chats")
    assert other.chats == other.groups


def test_one_export_per_group_named_after_the_sheet(
    inbox: Path, summary: DemoSummary, chats: dict[str, str]
) -> None:
    groups = pl.read_csv(inbox / "groups" / "groups.csv", infer_schema=False)
    units = set(pl.read_csv(inbox / "units" / "units.csv", infer_schema=False)["Unit ID"])
    good = groups.filter(pl.col("Unit ID").is_in(units))  # the planted bad row has no unit
    assert good.height < groups.height
    assert set(chats) == set(good["Group name"])
    assert summary.chats == summary.groups == len(chats)
    # The target, plus the older talk of the one export cut at WhatsApp's media cap.
    assert 40_000 <= summary.chat_messages <= 60_000 + MEDIA_CAP


def test_layout_mix(chats: dict[str, str]) -> None:
    layouts = Counter(_layout(text) for text in chats.values())
    assert set(layouts) == {"android", "ios", "android24", "android_hi"}, layouts
    assert min(layouts.values()) >= 5, layouts
    for name, text in chats.items():
        layout = _layout(text)
        lines = text.split("\n")[:-1]
        if layout == "android24":
            assert all(line.endswith("\r") for line in lines), name  # CRLF only
        else:
            assert "\r" not in text, name
        if layout == "ios":
            assert text.startswith("\u200e[")
            assert f"] {name}: \u200eMessages and calls are end-to-end encrypted." in lines[0]
        if layout == "android":
            assert "\u202fam - " in text or "\u202fpm - " in text
    hindi = [t for t in chats.values() if _layout(t) == "android_hi"]
    for phrase in HINDI_LINES:
        assert any(phrase in t for t in hindi), phrase
    english = "".join(t for t in chats.values() if _layout(t) in ("android", "android24"))
    for phrase in (
        "joined using this group's invite link",
        " added ",
        " left",
        " removed ",
        "changed this group's icon",
        ": <Media omitted>",
        ": This message was deleted",
        " is now an admin",
        " is no longer an admin",
        " changed this group's settings to allow only admins to send messages to this group",
        " pinned a message",
        "Your security code with ",
        " turned on disappearing messages.",
    ):
        assert phrase in english, phrase


def test_time_stamps_are_in_the_period_and_never_go_back(chats: dict[str, str]) -> None:
    for name, text in chats.items():
        stamps = _stamps(text)
        assert stamps, name
        assert stamps == sorted(stamps), name
        assert datetime(2026, 8, 1) <= stamps[0] and stamps[-1] <= datetime(2026, 11, 1, 23, 59)


def test_dormant_and_active_groups(chats: dict[str, str]) -> None:
    last = [_stamps(text)[-1] for text in chats.values()]
    dormant = sum(t < datetime(2026, 10, 2) for t in last)
    assert 2 <= dormant <= len(last) // 4
    assert sum(t >= datetime(2026, 10, 25) for t in last) >= len(last) // 2


def test_noise_share_and_multiline(chats: dict[str, str]) -> None:
    posts = noise = multiline = 0
    for text in chats.values():
        entries = re.split(r"\n(?=\u200e?\[?\d{2}/\d{2}/\d{2})", text.replace("\r", "").strip())
        for entry in entries:
            head = ANDROID_12H.match(entry) or IOS.match(entry) or ANDROID_24H.match(entry)
            assert head is not None, entry[:80]
            rest = entry[head.end() :]
            if ": " not in rest.split("\n", 1)[0]:
                continue  # an Android system line
            body = rest.split(": ", 1)[1]
            body = body.removeprefix("\u200e")
            if body.startswith("Messages and calls") or " created group " in body:
                continue
            posts += 1
            noise += bool(NOISE.search(body))
            multiline += "\n" in body
    assert 0.28 <= noise / posts <= 0.45, noise / posts
    assert multiline > 100


def test_people_join_before_they_post_and_not_after_they_leave(chats: dict[str, str]) -> None:
    joined_then_posted = left = 0
    for text in chats.values():
        if _layout(text) != "android":
            continue
        events: list[tuple[str, str]] = []  # (what, who) in file order
        for line in text.splitlines():
            head = ANDROID_12H.match(line)
            if head is None:
                continue
            rest = line[head.end() :]
            if ": " in rest:  # names and numbers hold no ": ", so this is a post
                events.append(("post", rest.split(": ", 1)[0]))
            elif m := re.fullmatch(r"(.+) joined using this group's invite link", rest):
                events.append(("join", m.group(1)))
            elif m := re.fullmatch(r".+? added (.+)", rest):
                events += [("join", who) for who in re.split(r", | and ", m.group(1))]
            elif m := re.fullmatch(r"(.+) left|.+? removed (.+)", rest):
                events.append(("leave", m.group(1) or m.group(2)))
        joiners = {who for what, who in events if what == "join"}
        state: dict[str, str] = {}
        for what, who in events:
            if what == "post" and who in joiners:
                assert state.get(who) == "join", f"{who} posts while {state.get(who)}"
                joined_then_posted += 1
            elif what == "post":
                assert state.get(who) != "leave", f"{who} posts after leaving"
            else:
                state[who] = what
                left += what == "leave"
    assert joined_then_posted > 100
    assert left > 3


def test_zip_exports(inbox: Path) -> None:
    zips = sorted((inbox / "chats").glob("*.zip"))
    assert 3 <= len(zips) <= 20
    kinds = set()
    for path in zips:
        with zipfile.ZipFile(path) as zf:
            members = zf.namelist()
            texts = [m for m in members if m.endswith(".txt")]
            assert len(texts) == 1, members
            assert texts[0] in ("_chat.txt", path.stem + ".txt"), texts
            kinds.add(texts[0] == "_chat.txt")
            media = [m for m in members if m not in texts]
            assert 1 <= len(media) <= 2
            assert all(
                re.fullmatch(r"(IMG-\d{8}-WA\d{4}|\d{8}-PHOTO-[\d-]+)\.jpg", m) for m in media
            )
            assert all(i.date_time == (2026, 11, 1, 0, 0, 0) for i in zf.infolist())
