"""Export shapes seen in further public English-language exports on GitHub (listed with their
source in the phrase tables' `seen`): the lines of a WhatsApp community's announcement group
on an Indian Android phone (a group added to or removed from the community, community admins,
the community's name, masked phone numbers), a list of people leaving that ends in a count, and
the date and time shapes of Canadian, Australian, South African and 2013 iPhone exports. Each as
lines written for this project (invented names and texts), read by both engines.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from etl.sources.whatsapp import ParsedExport
from tests.etl.whatsapp import public_shapes
from tests.etl.whatsapp.public_shapes import ENGINES, LRM, NNBSP, events, rows

# a group export's file name: the chat name some lines are checked against
CHAT = "WhatsApp Chat with Ward 7 Volunteers.txt"


def android(text: str, minute: int) -> str:
    # an Indian Android phone: 12h clock, lower-case "am"/"pm" after a narrow no-break space
    return f"24/07/23, 11:{minute:02d}{NNBSP}am - {text}\n"


def parsed(tmp_path: Path, text: str, engine: str) -> ParsedExport:
    return public_shapes.parsed(tmp_path, text, engine, name=CHAT)


@pytest.mark.parametrize("engine", ENGINES)
def test_community_announcement_group_lines_are_events_about_the_community(
    tmp_path: Path, engine: str
) -> None:
    # A group joining or leaving the community names no person: it is a change to the
    # community (settings_changed), never someone added or removed.
    result = parsed(
        tmp_path,
        android("Messages and calls are end-to-end encrypted. Tap to learn more.", 0)
        + android("This chat has added privacy for your phone number. Tap to learn more.", 1)
        + android(f'~{NNBSP}Meena created community "Ward 7 Volunteers"', 2)
        + android("You joined from the community", 3)
        + android('Group "Ward 7 Ration Desk" was added', 4)
        + android("+91 98765 43210 is now a community admin", 5)
        + android("Ravi Teacher is now a community admin", 6)
        + android("Ravi Teacher: Please share the list by evening", 7)
        + android('Group "Old Desk" was removed', 8)
        + android('+91 98765 43210 removed the group "Ward 7 Ration Desk"', 9)
        + android(
            'Ravi Teacher changed the community\'s name from "Ward 7 Volunteers" to '
            '"Ward 7 and 8 Volunteers"',
            10,
        )
        + android("Only admins can message this group", 11)
        + android(f"~{NNBSP}Meena removed you", 12),
        engine,
    )
    assert (
        rows(result) == [(None, "system")] * 7 + [("Ravi Teacher", "text")] + [(None, "system")] * 5
    )
    assert events(result) == [
        ("encryption_notice", None, None),
        ("notice", None, None),
        ("created", f"~{NNBSP}Meena", "Ward 7 Volunteers"),
        ("joined_community", "You", None),
        ("settings_changed", None, None),
        ("admin_made", None, "+91 98765 43210"),
        ("admin_made", None, "Ravi Teacher"),
        ("settings_changed", None, None),
        ("settings_changed", "+91 98765 43210", None),
        ("subject_changed", "Ravi Teacher", "Ward 7 and 8 Volunteers"),
        ("settings_changed", None, None),
        ("removed", f"~{NNBSP}Meena", "you"),
    ]
    assert result.unknown_system_lines == 0
    assert result.unverified.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_people_leaving_with_a_count_at_the_end_name_only_the_people(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(
        tmp_path,
        android("+91 98765 43210, +91 91234 56789 and 1 other left", 0)
        + android("+91 98765 43210, Suman and 3 others left", 1)
        + android("+91 98765 43210 and Suman left", 2),
        engine,
    )
    assert events(result) == [
        ("left", "+91 98765 43210", None),
        ("left", "+91 91234 56789", None),
        ("left", "+91 98765 43210", None),
        ("left", "Suman", None),
        ("left", "+91 98765 43210", None),
        ("left", "Suman", None),
    ]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Canadian English Android: ISO date, 12h clock "p.m." after a narrow no-break space
        (f"2024-03-10, 7:07{NNBSP}p.m. - ", datetime(2024, 3, 10, 19, 7)),
        # Canadian English iPhone: ISO date, 12h clock with seconds
        ("[2022-02-13, 10:47:29 PM] ", datetime(2022, 2, 13, 22, 47, 29)),
        # Australian English iPhone: day without a leading zero, four-digit year, "pm"
        (f"[10/2/2026, 9:09:55{NNBSP}pm] ", datetime(2026, 2, 10, 21, 9, 55)),
        # South African English iPhone: year first with slashes, 24h clock
        ("[2020/02/15, 14:34:56] ", datetime(2020, 2, 15, 14, 34, 56)),
        # a 2013 iPhone: dotted date, seconds, a colon instead of brackets
        ("05.10.13, 00:40:47: ", datetime(2013, 10, 5, 0, 40, 47)),
    ],
)
def test_english_date_shapes_of_other_regions(
    tmp_path: Path, engine: str, header: str, expected: datetime
) -> None:
    result = parsed(
        tmp_path,
        f"{header}{LRM}Meena created this group\n{header}Ravi: namaste\nsecond line\n",
        engine,
    )
    assert result.messages.select("ts", "author", "text").rows() == [
        (expected, None, "Meena created this group"),
        (expected, "Ravi", "namaste\nsecond line"),
    ]
    assert events(result) == [("created", "Meena", None)]


@pytest.mark.parametrize("engine", ENGINES)
def test_iphone_display_name_holding_a_line_break_keeps_its_messages(
    tmp_path: Path, engine: str
) -> None:
    # A contact's display name with a line break in it: the name's second line comes before
    # the ": " that ends the author, so the message is the person's, not text of the last one.
    result = parsed(
        tmp_path,
        f"[11/01/25, 4:50:00{NNBSP}PM] Ravi: bus kab aayegi\n"
        f"[11/01/25, 4:53:33{NNBSP}PM] ~{NNBSP}Imran\n(IMRAN K): City bus chal rahi hai?\n"
        f"{LRM}[11/01/25, 4:54:00{NNBSP}PM] ~{NNBSP}Imran\n(IMRAN K): {LRM}image omitted\n",
        engine,
    )
    assert result.messages.select("author", "text", "kind").rows() == [
        ("Ravi", "bus kab aayegi", "text"),
        (f"~{NNBSP}Imran\n(IMRAN K)", "City bus chal rahi hai?", "text"),
        (f"~{NNBSP}Imran\n(IMRAN K)", f"{LRM}image omitted", "media"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_disappearing_messages_turned_off_by_no_one_and_a_blocked_person_are_events(
    tmp_path: Path, engine: str
) -> None:
    # Android (24h clock) writes the timer's end without a name; newer iPhones say "this
    # person" where older ones said "this contact".
    on_android = parsed(
        tmp_path,
        "20/04/24, 10:44 - Disappearing messages were turned off. Tap to change.\n"
        "20/04/24, 10:45 - Ravi: theek hai\n",
        engine,
    )
    assert rows(on_android) == [(None, "system"), ("Ravi", "text")]
    assert events(on_android) == [("disappearing_changed", None, None)]
    on_iphone = parsed(
        tmp_path,
        f"[8/17/24, 4:15:11\u202fAM] Suman: {LRM}You blocked this person\n"
        f"[8/17/24, 4:15:12\u202fAM] Suman: {LRM}You unblocked this contact\n"
        "[8/17/24, 4:16:00\u202fAM] Suman: hello\n",
        engine,
    )
    assert rows(on_iphone) == [(None, "system"), (None, "system"), ("Suman", "text")]
    assert events(on_iphone) == [("notice", None, None), ("notice", None, None)]
    assert on_android.unverified.height == on_iphone.unverified.height == 0


def ios(author: str, text: str, second: int) -> str:
    # an iPhone system line: attributed to the group (or the person), its text marked
    return f"[19/11/22, 16:05:{second:02d}] {author}: {LRM}{text}\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_iphone_community_and_chat_privacy_lines_name_no_one_added(
    tmp_path: Path, engine: str
) -> None:
    # "this group and its members" is no person: bringing a group into a community is a
    # change to the group, as are the community's join rule and its end.
    group = "Ward 7 Desk"
    result = parsed(
        tmp_path,
        ios(group, "You added this group and its members to the community “Ward 7”", 0)
        + ios(
            group,
            "Anyone in the community “Ward 7” can request to join this group by messaging "
            "group admins.",
            1,
        )
        + ios("Ravi", "hello", 2)
        + ios(group, "You deactivated the community “Ward 7”", 3)
        + ios(group, "You Joined a Group via Invite in the Community: Ward 7", 4)
        + ios(
            group,
            "Ravi turned on advanced chat privacy. No one can auto-save media, export "
            "history, ask Meta AI questions, or summarise unread messages in this chat.",
            5,
        )
        + ios(group, "You turned off advanced chat privacy.", 6)
        + ios("Suman", "# Suman is now an admin #", 7),
        engine,
    )
    assert rows(result) == [(None, "system")] * 2 + [("Ravi", "text")] + [(None, "system")] * 5
    assert events(result) == [
        ("settings_changed", "You", None),
        ("settings_changed", None, None),
        ("settings_changed", "You", None),
        ("joined_link", "You", None),
        ("settings_changed", "Ravi", None),
        ("settings_changed", "You", None),
        ("admin_made", None, "Suman"),
    ]
    assert result.unverified.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_2015_iphone_number_change_lines_name_the_person_and_the_new_number(
    tmp_path: Path, engine: str
) -> None:
    old, new = "\u202a+43\u00a0660\u00a01234567\u202c", "\u202a+43\u00a0664\u00a07654321\u202c"
    result = parsed(
        tmp_path,
        f"07.03.17, 23:40:49: {LRM}{LRM}Anna Berger's number was changed from {old} to "
        f"{new}. {LRM}Tap to add.\n"
        f"08.03.17, 11:48:48: {LRM}{LRM}{old} was changed to {new}. {LRM}Tap to add.\n"
        "08.03.17, 11:50:00: Anna Berger: servus\n",
        engine,
    )
    assert rows(result) == [(None, "system"), (None, "system"), ("Anna Berger", "text")]
    assert events(result) == [
        ("number_changed", "Anna Berger", new),
        ("number_changed", old, new),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_group_members_have_changed_is_a_notice_naming_no_one(tmp_path: Path, engine: str) -> None:
    # WhatsApp on a computer ("Click") or a phone ("Tap") sums up joins and leaves in one line.
    result = parsed(
        tmp_path,
        ios("Ward 7 Desk", "Group members have changed. Click to view.", 0)
        + ios("Ward 7 Desk", "Group members have changed. Tap to view", 1)
        + ios("Ravi", "ok", 2),
        engine,
    )
    assert rows(result) == [(None, "system"), (None, "system"), ("Ravi", "text")]
    assert events(result) == [("notice", None, None), ("notice", None, None)]


@pytest.mark.parametrize("engine", ENGINES)
def test_iphone_group_call_the_exporting_phone_joined_is_a_call_line(
    tmp_path: Path, engine: str
) -> None:
    # "• You joined" where other group calls say "• 3 joined": the call, not a message.
    result = parsed(
        tmp_path,
        ios("Suman", f"Video call, {LRM}{LRM}1 sec • You joined", 0)
        + ios("Suman", f"Voice call, {LRM}{LRM}6 min • {LRM}3 joined", 1)
        + ios("Ravi", "Voice call, 6 min • You joined us late", 2),
        engine,
    )
    assert rows(result) == [(None, "system"), (None, "system"), ("Ravi", "text")]
    assert [e for e, _, _ in events(result)] == ["call", "call"]
