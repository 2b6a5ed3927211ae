"""State profiles: every shipped profile loads, with the rules the orders set; a bad profile
fails naming its file, line and reason."""

from datetime import date
from pathlib import Path

import pytest

from sampark.targets import BadProfile, MemberRule, Officer, load_profile, read_profile

TARGETS = Path(__file__).resolve().parents[2] / "data" / "targets"


def _bad(tmp_path: Path, text: str) -> str:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadProfile) as caught:
        read_profile(path)
    return str(caught.value).replace(str(path), "bad.yaml")


GOOD = """state: x
name: X
member_target: 100
member_target_date: 2027-03-31
min_members:
  thana_public: 200
required_groups:
  thana: [thana_public]
"""


def test_bihar_profile_holds_the_order_minimums():
    p = load_profile(TARGETS, "bihar")
    assert p.min_members == {"thana_public": 200, "outpost_public": 100, "district_staff": 200}
    assert p.required_groups["police_centre"] == ("district_staff", "women_staff")
    assert (p.member_target, p.member_target_date) == (200000, date(2027, 3, 31))
    assert p.staff_coverage == 1.0


def test_bihar_circle_group_needs_the_sp_and_the_co_as_admin():
    rule = load_profile(TARGETS, "bihar").required_members["circle"]
    assert rule == MemberRule(
        members=(Officer(("SP",), "district"),), admin=Officer(("DSP",), "unit")
    )


def test_rajasthan_circle_group_holds_sp_and_range_ig():
    rule = load_profile(TARGETS, "rajasthan").required_members["circle"]
    assert [(o.ranks, o.at) for o in rule.members] == [(("SP",), "district"), (("IG",), "range")]


def test_rajasthan_apex_group_is_required_at_the_state_with_its_members():
    p = load_profile(TARGETS, "rajasthan")
    assert p.required_groups["state"] == ("apex",)
    assert [o.label for o in p.required_members["apex"].members] == [
        "Home Secretary",
        "Joint Secretary Home",
        "PRO",
        "IG",
        "SP",
    ]


def test_up_thana_group_minimum_is_250_with_the_sho_as_admin():
    p = load_profile(TARGETS, "up")
    assert p.min_members == {"thana_public": 250}
    assert p.required_members["thana_public"].admin == Officer(("Inspector", "SI"), "unit")


def test_response_slas_stay_in_every_profile():
    assert [
        load_profile(TARGETS, s).response_sla_hours["closed"] for s in ("bihar", "rajasthan", "up")
    ] == [504.0] * 3


def test_a_minimal_profile_loads_with_every_officer_in_a_group(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(GOOD, encoding="utf-8")
    p = read_profile(path)
    assert (p.required_members, p.staff_coverage) == ({}, 1.0)


def test_unknown_group_kind_names_its_line(tmp_path):
    text = GOOD.replace("  thana_public: 200", "  thana_public: 200\n  market: 50")
    assert _bad(tmp_path, text) == "bad.yaml line 7: min_members.market: unknown kind 'market'"


def test_unknown_kind_in_a_list_names_its_line(tmp_path):
    text = GOOD.replace("thana: [thana_public]", "thana:\n    - thana_public\n    - tea_stall")
    assert _bad(tmp_path, text) == (
        "bad.yaml line 10: required_groups.thana.1: unknown kind 'tea_stall'"
    )


def test_negative_minimum_is_refused_with_its_line(tmp_path):
    text = GOOD.replace("thana_public: 200", "thana_public: -5")
    assert _bad(tmp_path, text) == (
        "bad.yaml line 6: min_members.thana_public: must be a whole number ≥ 0, not -5"
    )


def test_officer_posted_nowhere_known_is_refused(tmp_path):
    text = GOOD + "required_members:\n  thana_public:\n    admin: {rank: SI, at: village}\n"
    assert _bad(tmp_path, text) == (
        "bad.yaml line 11: required_members.thana_public.admin.at: "
        "at must be one of unit, circle, district, range, state, all, not 'village'"
    )


def test_officer_without_rank_is_refused(tmp_path):
    text = GOOD + "required_members:\n  circle:\n    members:\n      - {at: district}\n"
    assert _bad(tmp_path, text) == (
        "bad.yaml line 12: required_members.circle.members.0: an officer needs a rank"
    )


def test_target_date_that_is_not_a_date_is_refused(tmp_path):
    text = GOOD.replace("2027-03-31", "next year")
    assert _bad(tmp_path, text) == (
        "bad.yaml line 4: member_target_date: must be a date like 2027-03-31"
    )


def test_staff_coverage_above_one_is_refused(tmp_path):
    assert _bad(tmp_path, GOOD + "staff_coverage: 1.5\n") == (
        "bad.yaml line 9: staff_coverage: must be a share above 0 and at most 1, not 1.5"
    )


def test_missing_fields_are_named(tmp_path):
    assert _bad(tmp_path, "state: x\nname: X\n") == (
        "bad.yaml line 1: missing member_target, member_target_date, min_members, required_groups"
    )


def test_broken_yaml_names_its_line(tmp_path):
    assert _bad(tmp_path, GOOD + "oops: [unclosed\n").startswith("bad.yaml line 10: not valid YAML")


def test_unknown_state_lists_the_profiles_there_are():
    with pytest.raises(BadProfile, match=r"have: bihar, rajasthan, up"):
        load_profile(TARGETS, "kerala")


def test_rajasthan_directives_must_reach_every_circle_group():
    spread = load_profile(TARGETS, "rajasthan").spread
    assert spread.directive_targets == ("circle",)
    assert spread.chain == ("apex", "district_staff", "circle")


@pytest.mark.parametrize("state", ["bihar", "up"])
def test_bihar_and_up_directives_must_reach_thana_and_outpost_groups(state: str):
    spread = load_profile(TARGETS, state).spread
    assert spread.directive_targets == ("thana_public", "outpost_public")
    assert (spread.rumour_groups, spread.rumour_districts, spread.rumour_window_hours) == (
        5,
        2,
        24.0,
    )
    assert spread.broadcast_groups == 5


def test_profile_without_spread_section_keeps_the_default_thresholds(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_text(GOOD, encoding="utf-8")
    spread = read_profile(path).spread
    assert (spread.rumour_groups, spread.broadcast_groups) == (5, 5)
    assert spread.directive_targets == ("thana_public", "outpost_public")


def test_spread_target_kind_outside_the_chain_is_refused(tmp_path: Path):
    text = GOOD + "spread:\n  directive_targets: [circle]\n  chain: [apex]\n"
    assert _bad(tmp_path, text) == (
        "bad.yaml line 11: spread.chain: target kind(s) circle not in the chain"
    )


def test_spread_rumour_window_must_be_positive(tmp_path: Path):
    text = GOOD + "spread:\n  rumour_window_hours: 0\n"
    assert "spread.rumour_window_hours: must be a positive number, not 0" in _bad(tmp_path, text)


def test_spread_unknown_field_is_named(tmp_path: Path):
    assert "unknown field(s) rumor_groups" in _bad(tmp_path, GOOD + "spread:\n  rumor_groups: 3\n")
