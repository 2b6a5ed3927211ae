"""Weekly series from membership history, the projection, 'behind since', league and tree."""

from datetime import date

import polars as pl

from sampark.metrics.coverage.drill import drill_tree, group_table
from sampark.metrics.coverage.history import (
    Projection,
    behind_since,
    counts_by_week,
    members_on,
    projection,
    week_ends,
    weekly_compliance,
    weekly_members,
)
from sampark.metrics.coverage.league import league_table
from sampark.metrics.coverage.totals import Network
from sampark.targets import Profile

WEEKS = [date(2026, 10, 18), date(2026, 10, 25), date(2026, 11, 1)]
PROFILE = Profile(
    state="t",
    name="T",
    name_hi="टी",
    member_target=10,
    member_target_date=date(2027, 3, 31),
    min_members={"thana_public": 2},
    required_groups={"thana": ("thana_public",)},
    public_group_kinds=("thana_public",),
)
UNITS = pl.DataFrame(
    {
        "unit_id": ["S", "D", "T1", "T2"],
        "kind": ["state", "district", "thana", "thana"],
        "name": ["S", "D", "Kotwali", "Town"],
        "name_hi": ["एस", "डी", "कोतवाली", "टाउन"],
        "parent_id": [None, "S", "D", "D"],
    }
)
GROUPS = pl.DataFrame(
    {
        "group_id": ["G1", "G2"],
        "unit_id": ["T1", "T2"],
        "kind": ["thana_public"] * 2,
        "name": ["Kotwali group", "Town group"],
    }
)
# a joins G1 early; b joins G1 on 20 Oct and leaves on 1 Nov; a is also in G2 from 25 Oct.
HISTORY = pl.DataFrame(
    {
        "group_id": ["G1", "G1", "G2"],
        "person_id": ["a", "b", "a"],
        "joined_at": [date(2026, 1, 1), date(2026, 10, 20), date(2026, 10, 25)],
        "left_at": [None, date(2026, 11, 1), None],
    }
)
NET = Network(
    units=UNITS,
    groups=GROUPS,
    members=pl.DataFrame(
        {"group_id": ["G1", "G2"], "person_id": ["a", "a"], "is_admin": [True, False]}
    ),
    staff=pl.DataFrame(
        schema={
            "staff_id": pl.String,
            "unit_id": pl.String,
            "person_id": pl.String,
            "rank": pl.String,
        }
    ),
    blocklist=pl.DataFrame(schema={"person_id": pl.String, "reason": pl.String}),
)


def test_week_ends_step_back_seven_days_oldest_first():
    assert week_ends(date(2026, 11, 1), 3) == WEEKS


def test_counts_by_week_counts_joins_up_to_and_exits_from_the_week_end():
    intervals = HISTORY.select(
        "group_id", pl.col("joined_at").alias("start"), pl.col("left_at").alias("end")
    )
    assert counts_by_week(intervals, "group_id", WEEKS).rows() == [
        ("G1", date(2026, 10, 18), 1),
        ("G1", date(2026, 10, 25), 2),
        ("G1", date(2026, 11, 1), 1),
        ("G2", date(2026, 10, 18), 0),
        ("G2", date(2026, 10, 25), 1),
        ("G2", date(2026, 11, 1), 1),
    ]


def test_weekly_members_count_a_person_once_per_unit():
    series = weekly_members(NET, HISTORY, "district", WEEKS)
    assert series.get_column("members").to_list() == [1, 2, 1]


def test_members_on_a_day_keeps_admin_flags_of_today():
    assert members_on(HISTORY, date(2026, 10, 21), NET.members).rows() == [
        ("G1", "a", True),
        ("G1", "b", False),
    ]


def test_weekly_compliance_follows_group_sizes():
    rows = weekly_compliance(NET, HISTORY, PROFILE, "thana", WEEKS).filter(
        pl.col("unit_id") == "T1"
    )
    assert rows.select("groups_compliant", "members_needed").rows() == [(0, 1), (1, 0), (0, 1)]


def _series(values: list[int]) -> pl.DataFrame:
    return pl.DataFrame({"week_end": week_ends(date(2026, 11, 1), len(values)), "members": values})


def test_projection_carries_the_last_eight_weeks_pace_to_the_target():
    # 10 a week for eight weeks; 120 short of 300 → 12 weeks → 84 days after 1 Nov 2026.
    p = projection(_series([100 + 10 * i for i in range(9)]), 300, date(2027, 3, 31))
    assert (p.pace_per_week, p.reach_on, p.on_time) == (10.0, date(2027, 1, 24), True)


def test_projection_past_the_target_date_is_not_on_time():
    # 1 a week (two weeks of data); 198 short → 198 weeks after 1 Nov 2026.
    p = projection(_series([100, 101, 102]), 300, date(2027, 3, 31))
    assert (p.pace_per_week, p.reach_on, p.on_time) == (1.0, date(2030, 8, 18), False)


def test_projection_without_growth_never_arrives():
    p = projection(_series([100, 100, 90]), 300, date(2027, 3, 31))
    assert (p.reach_on, p.on_time, p.needed_per_week) == (None, False, 210 / (150 / 7))


def test_projection_of_a_reached_target_is_its_last_week():
    assert projection(_series([290, 310]), 300, date(2027, 3, 31)) == Projection(
        310, 300, date(2027, 3, 31), 20.0, date(2026, 11, 1), date(2026, 11, 1)
    )


def test_behind_since_is_the_start_of_the_current_run_below_the_baseline():
    rates = pl.DataFrame(
        {
            "unit_id": ["A"] * 3 + ["B"] * 3,
            "week_end": WEEKS * 2,
            "rate": [0.1, 0.6, 0.2, 0.9, 0.9, 0.9],
        }
    )
    baseline = pl.DataFrame({"week_end": WEEKS, "rate": [0.5, 0.5, 0.5]})
    assert behind_since(rates, baseline).sort("unit_id").rows() == [
        ("A", date(2026, 11, 1)),
        ("B", None),
    ]


def test_league_ranks_within_bands_and_not_below_the_minimum_sample():
    districts = pl.DataFrame(
        {
            "unit_id": ["a", "b", "c", "d", "e", "f"],
            "groups_required": [90, 80, 40, 45, 12, 5],
            "compliance": [0.5, 0.7, 0.2, 0.2, 0.9, 1.0],
        }
    )
    league = league_table(districts, min_sample=10)
    assert league.select("unit_id", "band", "rank", "band_size").rows() == [
        ("b", "A", 1, 2),
        ("a", "A", 2, 2),
        ("c", "B", 1, 2),
        ("d", "B", 1, 2),
        ("e", "C", 1, 1),
        ("f", "C", None, 1),
    ]


def test_group_table_says_how_many_a_group_still_needs():
    assert group_table(NET, PROFILE).select("group_id", "members", "minimum", "need").rows() == [
        ("G1", 1, 2, 1),
        ("G2", 1, 2, 1),
    ]


def test_drill_tree_hangs_groups_under_their_thana_and_thanas_under_the_district():
    tree = drill_tree(NET, PROFILE).select("id", "parent", "level", "value")
    assert tree.rows() == [
        ("S", None, "state", 0),
        ("D", "S", "district", 0),
        ("T1", "D", "thana", 0),
        ("T2", "D", "thana", 0),
        ("G1", "T1", "group", 1),
        ("G2", "T2", "group", 1),
    ]


def test_projection_too_slow_for_the_calendar_never_arrives():
    # Two members against the state's 200,000 at a fraction of a member a week: past year 9999.
    p = projection(_series([2, 2, 2, 2, 2, 2, 2, 2, 3]), 200_000, date(2027, 3, 31))
    assert (p.reach_on, p.on_time) == (None, False)
