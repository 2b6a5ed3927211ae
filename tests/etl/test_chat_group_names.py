"""Chat-side pure functions: noise flags, matching exports to groups, group health."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from etl.sources.chats.names import AmbiguousGroup, GroupNotFound, chat_name, match_group
from etl.sources.chats.noise import is_noise
from sampark.metrics.coverage.totals import Network
from sampark.metrics.groups.activity import (
    SPELL_COLUMNS,
    Activity,
    chat_frames,
    group_health,
    health_by_level,
)


@pytest.mark.parametrize(
    ("text", "noise"),
    [
        ("Good Morning 🌹", True),
        ("सुप्रभात", True),
        ("शुभ रात्रि 🌙", True),
        ("🙏🙏", True),
        ("*Forwarded many times* please share to all groups", True),
        ("GM!!", True),
        ("road blocked near the market since morning", False),
        ("चोरी की शिकायत दर्ज करनी है", False),
        (None, False),
    ],
)
def test_is_noise_flags_greetings_forwards_and_emoji_only(text, noise):
    frame = pl.DataFrame({"text": [text]}, schema={"text": pl.String})
    assert frame.select(is_noise()).item() is noise


@pytest.mark.parametrize(
    ("file", "name"),
    [
        ("WhatsApp Chat with Kotwali Thana Jan Samvad.txt", "Kotwali Thana Jan Samvad"),
        ("WhatsApp Chat - Kotwali Thana Jan Samvad.zip", "Kotwali Thana Jan Samvad"),
        ("WhatsApp Chat with Kotwali Thana Jan Samvad (1).txt", "Kotwali Thana Jan Samvad"),
        ("कोतवाली थाना के साथ WhatsApp चैट.txt", "कोतवाली थाना"),
        ("kotwali.txt", "kotwali"),
    ],
)
def test_chat_name_reads_android_ios_and_hindi_export_names(file, name):
    assert chat_name(Path(file)) == name


GROUPS = pl.DataFrame(
    {
        "group_id": ["G1", "G2", "G3", "G4"],
        "name": [
            "Kotwali Thana Jan Samvad",
            "Gandhi Maidan Thana Jan Samvad",
            "Digha OP",
            "Digha O.P.",
        ],
    }
)


def test_match_group_ignores_case_punctuation_and_emoji():
    assert match_group("kotwali thana jan-samvad 🚓", GROUPS) == "G1"


def test_match_group_accepts_one_close_spelling():
    assert match_group("Kotwali Thana Jan Samwad", GROUPS) == "G1"


def test_match_group_refuses_two_equal_matches_naming_both():
    with pytest.raises(AmbiguousGroup, match=r"G3 \(Digha OP\), G4 \(Digha O.P.\)"):
        match_group("Digha O P", GROUPS)


def test_match_group_refuses_an_unknown_name():
    with pytest.raises(GroupNotFound, match="no group named 'Patna Sadar'"):
        match_group("Patna Sadar", GROUPS)


def _net() -> Network:
    units = pl.DataFrame(
        {
            "unit_id": ["S", "D", "T1", "T2"],
            "kind": ["state", "district", "thana", "thana"],
            "name": ["S", "D", "T1", "T2"],
            "name_hi": [None] * 4,
            "parent_id": [None, "S", "D", "D"],
        }
    )
    groups = pl.DataFrame(
        {
            "group_id": ["G1", "G2"],
            "unit_id": ["T1", "T2"],
            "kind": ["thana_public", "thana_public"],
            "name": ["a", "b"],
            "admin_phone": ["+91900", "+91999"],
        }
    )
    members = pl.DataFrame(
        {
            "group_id": ["G1", "G1", "G1", "G1", "G2"],
            "person_id": ["+91900", "+91901", "+91902", "+91903", "+91999"],
            "is_admin": [True, False, False, False, False],
        }
    )
    staff = pl.DataFrame(
        schema={"staff_id": pl.String, "unit_id": pl.String, "person_id": pl.String}
    )
    blocklist = pl.DataFrame({"person_id": ["+91903"], "reason": ["tout"]})
    return Network(units, groups, members, staff, blocklist)


def _activity() -> Activity:
    return Activity(
        reference=datetime(2026, 11, 1, 12, 0),
        window=pl.DataFrame({"group_id": ["G1"], "messages": [60], "noise": [15]}),
        # +91999 wrote in G1 but is no member of it: not counted as an active member.
        authors=pl.DataFrame(
            {"group_id": ["G1", "G1", "G1"], "person_id": ["+91900", "+91901", "+91999"]}
        ),
        last_seen=pl.DataFrame(
            {"group_id": ["G1", "G2"], "last_ts": [datetime(2026, 11, 1, 12), datetime(2026, 9, 1)]}
        ),
        rosters=pl.DataFrame(
            {"group_id": ["G1", "G2"], "as_of": [datetime(2026, 10, 1), datetime(2026, 9, 1)]}
        ),
        # After the rosters: +91902 (listed) left, +91904 was added and stays, +91906 was
        # added and left again; the export shows none of them before.
        spells=pl.DataFrame(
            {
                "group_id": ["G1", "G1", "G1"],
                "person": ["+91902", "+91904", "+91906"],
                "joined_at": [
                    datetime(2026, 10, 20),
                    datetime(2026, 10, 10),
                    datetime(2026, 10, 16),
                ],
                "start_is_bound": [True, False, False],
                "left_at": [datetime(2026, 10, 20), None, datetime(2026, 10, 25)],
                "is_admin": [None, False, False],
                "first_seen": [
                    datetime(2026, 10, 20),
                    datetime(2026, 10, 10),
                    datetime(2026, 10, 16),
                ],
                "last_seen": [
                    datetime(2026, 10, 20),
                    datetime(2026, 10, 10),
                    datetime(2026, 10, 25),
                ],
            },
            schema_overrides={"is_admin": pl.Boolean},
        ),
        exports=pl.DataFrame({"group_id": ["G1"], "incomplete": [True]}),
        # +91902 left the chat but is still on G1's roster; +91999 wrote but is on no roster
        # of G1.
        presence=pl.DataFrame(
            {
                "group_id": ["G1"],
                "person_id": ["+91902"],
                "ts": [datetime(2026, 10, 20)],
                "event": ["left"],
            }
        ),
        writers=pl.DataFrame(
            {
                "group_id": ["G1", "G1"],
                "person_id": ["+91900", "+91999"],
                "last_ts": [datetime(2026, 11, 1), datetime(2026, 10, 30)],
            }
        ),
    )


def test_group_health_literal_row_of_an_active_group():
    row = group_health(_net(), _activity()).filter(group_id="G1").row(0, named=True)
    assert {
        k: row[k]
        for k in (
            "members",
            "member_source",
            "incomplete_export",
            "active_members",
            "messages_per_day",
            "active_share",
            "noise_share",
            "days_since_last",
            "dormant",
            "admin_is_admin",
            "blocklisted",
            "joins_30d",
            "exits_30d",
            "left_chat",
            "not_on_roster",
        )
    } == {
        "members": 4,
        "member_source": "both",
        "incomplete_export": True,
        "active_members": 2,
        "messages_per_day": 2.0,
        "active_share": 0.5,
        "noise_share": 0.25,
        "days_since_last": 0,
        "dormant": False,
        "admin_is_admin": True,
        "blocklisted": 1,
        "joins_30d": 2,
        "exits_30d": 2,
        "left_chat": 1,
        "not_on_roster": 1,
    }


def test_group_silent_for_two_months_is_dormant_and_its_admin_is_not_admin():
    row = group_health(_net(), _activity()).filter(group_id="G2").row(0, named=True)
    assert (row["days_since_last"], row["dormant"], row["admin_is_admin"]) == (61, True, False)


def test_a_group_without_chat_spells_counts_its_roster_and_no_incomplete_export():
    row = group_health(_net(), _activity()).filter(group_id="G2").row(0, named=True)
    assert {k: row[k] for k in ("members", "member_source", "incomplete_export")} == {
        "members": 1,
        "member_source": "roster",
        "incomplete_export": False,
    }


def test_chat_admin_change_after_the_roster_counts_in_group_health():
    # The chat's spell of G2's SHO: made admin on 2 October, after the roster of 1 September
    # (which lists him, not as admin); the export does not show him joining.
    made = pl.DataFrame(
        {
            "group_id": ["G2"],
            "person": ["+91999"],
            "joined_at": [datetime(2026, 10, 2)],
            "start_is_bound": [True],
            "left_at": [None],
            "is_admin": [True],
            "first_seen": [datetime(2026, 10, 2)],
            "last_seen": [datetime(2026, 10, 2)],
        },
        schema=SPELL_COLUMNS,
    )
    activity = _activity()
    activity = replace(activity, spells=pl.concat([activity.spells, made], how="vertical_relaxed"))
    row = group_health(_net(), activity).filter(group_id="G2").row(0, named=True)
    assert (row["admin_is_admin"], row["admin_by"]) == (True, "chat")


def test_health_rolls_up_to_the_district_as_shares_of_sums():
    health = group_health(_net(), _activity())
    row = health_by_level(health, _net().units, "district").row(0, named=True)
    assert {
        k: row[k]
        for k in (
            "groups",
            "dormant_groups",
            "groups_admin_missing",
            "incomplete_exports",
            "members",
            "active_share",
            "noise_share",
        )
    } == {
        "groups": 2,
        "dormant_groups": 1,
        "groups_admin_missing": 1,
        "incomplete_exports": 1,
        "members": 5,
        "active_share": 0.4,
        "noise_share": 0.25,
    }


def test_roster_vs_chat_finds_both_kinds_of_disagreement():
    from sampark.metrics.groups.reconcile import roster_vs_chat

    members = pl.DataFrame({"group_id": ["G1"] * 3, "person_id": ["a", "b", "c"]})
    events = pl.DataFrame(
        {
            "group_id": ["G1"] * 5,
            "person_id": ["b", "b", "c", "d", "e"],
            "ts": [datetime(2026, 10, d) for d in (1, 5, 2, 3, 4)],
            "event": ["added", "left", "joined_link", "joined_link", "left"],
        }
    )
    # "e" wrote before leaving: gone, not a finding; "f" only wrote.
    authors = pl.DataFrame(
        {
            "group_id": ["G1", "G1"],
            "person_id": ["e", "f"],
            "last_ts": [datetime(2026, 10, 1), datetime(2026, 10, 6)],
        }
    )
    found = roster_vs_chat(members, events, authors)
    assert found.rows() == [
        ("G1", "b", "left_chat", datetime(2026, 10, 5)),
        ("G1", "d", "not_on_roster", datetime(2026, 10, 3)),
        ("G1", "f", "not_on_roster", datetime(2026, 10, 6)),
    ]


def test_match_group_prefers_the_name_as_written_over_a_spacing_twin():
    twins = pl.DataFrame(
        {"group_id": ["T10", "T29"], "name": ["काली बाजार थाना जन संवाद", "कालीबाजार थाना जन संवाद"]}
    )
    assert (
        match_group("काली बाजार  थाना जन संवाद", twins),
        match_group("कालीबाजार थाना जन संवाद", twins),
    ) == ("T10", "T29")


def test_match_group_takes_the_group_named_exactly_over_a_punctuation_twin():
    assert match_group("Digha OP", GROUPS) == "G3"


def test_chat_frames_count_window_messages_but_keep_every_writer():
    per_author = pl.DataFrame(
        {
            "group_id": ["G1", "G1", "G1", "G2"],
            "person_id": [None, "+919800000001", "+919800000002", "+919800000001"],
            "last_ts": [
                datetime(2026, 11, 1, 9),
                datetime(2026, 10, 30, 8),
                datetime(2026, 8, 2, 7),
                datetime(2026, 8, 3, 6),
            ],
            "messages": [4, 2, 0, 0],
            "noise": [1, 1, 0, 0],
        }
    )
    frames = chat_frames(per_author)
    assert frames.window.rows() == [("G1", 6, 2)]
    assert frames.authors.rows() == [("G1", "+919800000001")]
    assert frames.last_seen.rows() == [
        ("G1", datetime(2026, 11, 1, 9)),
        ("G2", datetime(2026, 8, 3, 6)),
    ]
    assert frames.writers.rows() == [
        ("G1", "+919800000001", datetime(2026, 10, 30, 8)),
        ("G1", "+919800000002", datetime(2026, 8, 2, 7)),
        ("G2", "+919800000001", datetime(2026, 8, 3, 6)),
    ]


def test_activity_doctests_pass():
    import doctest

    import sampark.metrics.groups.activity as module

    assert doctest.testmod(module).failed == 0
