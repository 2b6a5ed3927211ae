"""Each rule of each shipped profile on a constructed network, with literal expectations."""

from pathlib import Path

import polars as pl
import pytest

from sampark.metrics.coverage.rules import (
    coverage_table,
    needs_action,
    officer_checks,
    officers_by_group,
    unconnected_staff,
)
from sampark.metrics.coverage.totals import Network, coverage_by_level
from sampark.targets import load_profile

TARGETS = Path(__file__).resolve().parents[2] / "data" / "targets"
BIHAR = load_profile(TARGETS, "bihar")
RAJASTHAN = load_profile(TARGETS, "rajasthan")
UP = load_profile(TARGETS, "up")

UNITS = pl.DataFrame(
    {
        "unit_id": ["S", "R", "D", "PC", "C", "T"],
        "kind": ["state", "range", "district", "police_centre", "circle", "thana"],
        "name": ["S", "R", "D", "PC", "C", "Kotwali"],
        "name_hi": [None] * 6,
        "parent_id": [None, "S", "R", "D", "D", "C"],
    }
)
STAFF = pl.DataFrame(
    {
        "staff_id": ["ig", "sp", "co", "sho", "ct", "adg", "hs"],
        "unit_id": ["R", "PC", "C", "T", "T", "S", "S"],
        "person_id": ["+91ig", "+91sp", "+91co", "+91sho", "+91ct", "+91adg", "+91hs"],
        "rank": ["IG", "SP", "DSP", "Inspector", "Constable", "ADG", "Home Secretary"],
    }
)


def _net(groups: list[tuple[str, str, str]], members: list[tuple[str, str, bool]]) -> Network:
    return Network(
        units=UNITS,
        groups=pl.DataFrame(
            groups, schema=["group_id", "unit_id", "kind"], orient="row"
        ).with_columns(name=pl.col("group_id")),
        members=pl.DataFrame(members, schema=["group_id", "person_id", "is_admin"], orient="row"),
        staff=STAFF,
        blocklist=pl.DataFrame(schema={"person_id": pl.String, "reason": pl.String}),
    )


def _thana_group(size: int, *, admin: str = "+91sho") -> Network:
    people = [("GT", admin, True)] + [("GT", f"+91p{i}", False) for i in range(size - 1)]
    return _net([("GT", "T", "thana_public")], people)


@pytest.mark.parametrize(("size", "compliant"), [(199, 0), (200, 1)])
def test_bihar_thana_group_fails_at_199_and_passes_at_200(size, compliant):
    row = coverage_by_level(_thana_group(size), BIHAR, "thana").row(0, named=True)
    assert (row["groups_compliant"], row["members_needed"]) == (compliant, 1 - compliant)


@pytest.mark.parametrize(("size", "compliant"), [(249, 0), (250, 1)])
def test_up_thana_group_fails_at_249_and_passes_at_250(size, compliant):
    row = coverage_by_level(_thana_group(size), UP, "thana").row(0, named=True)
    assert row["groups_compliant"] == compliant


def test_bihar_thana_group_with_the_sho_as_admin_passes():
    assert officers_by_group(_thana_group(5), BIHAR).rows() == [("GT", 0, [], True)]


def test_bihar_thana_group_run_by_a_constable_fails_the_admin_rule():
    assert officers_by_group(_thana_group(5, admin="+91ct"), BIHAR).rows() == [("GT", 0, [], False)]


def _circle(members: list[str], admin: str = "+91co") -> Network:
    rows = [("GC", admin, True)] + [("GC", p, False) for p in members if p != admin]
    return _net([("GC", "C", "circle")], rows)


def test_bihar_circle_group_with_the_sp_and_the_co_as_admin_passes():
    assert officers_by_group(_circle(["+91sp"]), BIHAR).rows() == [("GC", 0, [], True)]


def test_bihar_circle_group_without_the_sp_fails():
    assert officers_by_group(_circle(["+91sho"]), BIHAR).rows() == [("GC", 1, ["SP"], True)]


def test_rajasthan_circle_group_without_the_range_ig_fails():
    assert officers_by_group(_circle(["+91sp"]), RAJASTHAN).rows() == [("GC", 1, ["IG"], True)]


def test_rajasthan_circle_group_whose_admin_is_not_the_co_fails():
    net = _circle(["+91sp", "+91ig", "+91co"], admin="+91sho")
    assert officers_by_group(net, RAJASTHAN).rows() == [("GC", 0, [], False)]


def test_rajasthan_apex_group_names_each_missing_member():
    net = _net(
        [("GA", "S", "apex")],
        [("GA", "+91adg", True), ("GA", "+91hs", False), ("GA", "+91ig", False)],
    )
    checks = officer_checks(net, RAJASTHAN).filter(~pl.col("present"))
    # Joint Secretary Home and PRO have no staff record: missing without a person.
    assert checks.select("role", "person_id").rows() == [
        ("Joint Secretary Home", None),
        ("PRO", None),
        ("SP", "+91sp"),
    ]


def test_rajasthan_requires_an_apex_group_at_the_state():
    net = _net([("GC", "C", "circle")], [("GC", "+91co", True)])
    assert needs_action(net, RAJASTHAN).filter(pl.col("kind") == "missing_group").select(
        "unit_id", "detail"
    ).rows() == [("S", "apex")]


def test_staff_in_no_group_are_listed_by_unit():
    net = _circle(["+91sp"])
    assert sorted(unconnected_staff(net).get_column("staff_id")) == ["adg", "ct", "hs", "ig", "sho"]


def test_coverage_table_counts_groups_short_of_officers_per_unit():
    row = coverage_table(_circle(["+91sho"]), BIHAR, "district").row(0, named=True)
    # In the district: SP, CO, SHO and a constable; the SP and the constable are in no group.
    assert (row["groups_short_officers"], row["staff_unconnected"]) == (1, 2)


def test_blocklisted_member_of_a_public_group_needs_action():
    net = _circle(["+91sp", "+91bad"])
    net = Network(
        net.units,
        net.groups,
        net.members,
        net.staff,
        pl.DataFrame({"person_id": ["+91bad"], "reason": ["tout"]}),
    )
    actions = needs_action(net, BIHAR).filter(pl.col("kind") == "blocklisted")
    assert actions.select("group_id", "count").rows() == [("GC", 1)]
