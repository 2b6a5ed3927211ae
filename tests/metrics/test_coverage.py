"""Coverage on a constructed network, with literal expectations."""

from datetime import date

import polars as pl
import pytest

from sampark.metrics.coverage.totals import (
    Network,
    coverage_by_level,
    scope_summary,
    scoped,
    unit_lineage,
)
from sampark.targets import Profile

PROFILE = Profile(
    state="test",
    name="Test",
    name_hi="परीक्षण",
    member_target=1000,
    member_target_date=date(2027, 3, 31),
    min_members={"thana_public": 200, "outpost_public": 100},
    required_groups={
        "thana": ("thana_public",),
        "outpost": ("outpost_public",),
        "police_centre": ("district_staff", "women_staff"),
    },
    public_group_kinds=("thana_public", "outpost_public"),
    response_sla_hours={},
    alert_sla_minutes={},
)

UNITS = pl.DataFrame(
    {
        "unit_id": ["S", "R", "D1", "D2", "C1", "T1", "T2", "O1", "PC1", "T3"],
        "kind": [
            "state",
            "range",
            "district",
            "district",
            "circle",
            "thana",
            "thana",
            "outpost",
            "police_centre",
            "thana",
        ],
        "name": ["S", "R", "D1", "D2", "C1", "T1", "T2", "O1", "PC1", "T3"],
        "name_hi": [None] * 10,
        "parent_id": [None, "S", "R", "R", "D1", "C1", "C1", "T1", "D1", "D2"],
    }
)


def _people(prefix: str, n: int) -> list[str]:
    return [f"+91{prefix}{i:05d}" for i in range(n)]


def _network(t1_members: int) -> Network:
    groups = pl.DataFrame(
        {
            "group_id": ["G-T1", "G-T2", "G-O1", "G-PC1", "G-T1-beat"],
            "unit_id": ["T1", "T2", "O1", "PC1", "T1"],
            "kind": ["thana_public", "thana_public", "outpost_public", "district_staff", "beat"],
            "name": ["a", "b", "c", "d", "e"],
        }
    )
    rows = (
        [("G-T1", p) for p in _people("98000", t1_members)]
        + [("G-T2", p) for p in _people("97000", 250)]
        + [("G-O1", p) for p in _people("96000", 99)]
        # The first 50 of T1's members are also in its beat group: counted once per unit.
        + [("G-T1-beat", p) for p in _people("98000", 50)]
        + [("G-PC1", "+919500000001")]
    )
    members = pl.DataFrame(rows, schema=["group_id", "person_id"], orient="row").with_columns(
        is_admin=pl.lit(False)
    )
    staff = pl.DataFrame(
        {
            "staff_id": ["s1", "s2"],
            "unit_id": ["T1", "T3"],
            "person_id": ["+919500000001", "+919500000002"],
        }
    )
    blocklist = pl.DataFrame({"person_id": [_people("97000", 1)[0]], "reason": ["tout"]})
    return Network(UNITS, groups, members, staff, blocklist)


@pytest.mark.parametrize(("size", "at_target"), [(199, 1), (200, 2)])
def test_thana_group_meets_target_at_200_not_199(size, at_target):
    row = coverage_by_level(_network(size), PROFILE, "state").row(0, named=True)
    assert (row["thanas"], row["thanas_at_target"]) == (3, at_target)


def test_outpost_at_99_is_below_its_100_minimum():
    row = coverage_by_level(_network(200), PROFILE, "state").row(0, named=True)
    assert (row["outposts"], row["outposts_at_target"]) == (1, 0)


def test_person_in_two_groups_of_a_district_counts_once():
    rows = coverage_by_level(_network(200), PROFILE, "district")
    assert dict(rows.select("unit_id", "members").iter_rows()) == {
        "D1": 200 + 250 + 99 + 1,
        "D2": 0,
    }


def test_required_groups_and_their_member_floor():
    rows = coverage_by_level(_network(200), PROFILE, "district").select(
        "unit_id", "groups_required", "groups_present", "member_floor"
    )
    # D1: T1, T2, O1 and both police-centre groups required; women_staff missing.
    # D2: T3 has no group at all.
    assert rows.rows() == [("D1", 5, 4, 500), ("D2", 1, 0, 200)]


def test_staff_in_no_group_are_not_connected():
    row = coverage_by_level(_network(200), PROFILE, "state").row(0, named=True)
    assert (row["staff"], row["staff_connected"]) == (2, 1)


def test_blocklisted_person_in_a_public_group_is_counted():
    row = coverage_by_level(_network(200), PROFILE, "state").row(0, named=True)
    assert row["blocklisted_in_public"] == 1


def test_unit_lineage_reaches_the_thana_of_an_outpost():
    row = unit_lineage(UNITS).filter(pl.col("unit_id") == "O1").row(0, named=True)
    assert row == {
        "unit_id": "O1",
        "state_id": "S",
        "range_id": "R",
        "district_id": "D1",
        "circle_id": "C1",
        "thana_id": "T1",
    }


def test_scope_summary_of_a_district_uses_its_member_floor_as_target():
    summary = scope_summary(_network(200), PROFILE, "D2")
    assert (summary["level"], summary["members"], summary["member_target"]) == ("district", 0, 200)


def test_scope_summary_of_the_state_uses_the_profile_target():
    summary = scope_summary(_network(200), PROFILE, None)
    assert (summary["members"], summary["member_target"]) == (550, 1000)


def test_scoped_network_keeps_only_units_below_the_scope():
    assert sorted(scoped(_network(200), "D2").units["unit_id"]) == ["D2", "T3"]


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="level must be one of"):
        coverage_by_level(_network(200), PROFILE, "beat")
