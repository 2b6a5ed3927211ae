"""The Directives and rumours page's tables: the reach curve, the level a reader counts units
by, and a group named only inside the reader's scope. Literal frames written for these tests;
the docstring examples of both modules run here too."""

from __future__ import annotations

import doctest

import polars as pl

from sampark.tables import spread, spread_rumours

UNITS = pl.DataFrame(
    {
        "unit_id": ["BR", "R1", "D1", "D2", "T1", "T2"],
        "kind": ["state", "range", "district", "district", "thana", "thana"],
        "name": ["Bihar", "Patna Range", "Patna", "Gaya", "Sadar", "Sadar"],
        "name_hi": [None, None, "पटना", None, None, None],
        "parent_id": [None, "BR", "R1", "BR", "D1", "D2"],
    }
)


def test_the_examples_in_the_docstrings_hold():
    for module in (spread, spread_rumours):
        assert doctest.testmod(module).failed == 0


def test_the_state_and_a_range_count_by_district_and_a_district_by_its_own_units():
    assert [spread.status_level(UNITS, s) for s in (None, "R1", "D1", "T1")] == [
        "district",
        "district",
        None,
        None,
    ]


def test_a_group_outside_the_scope_reads_another_district_in_either_language():
    groups = pl.DataFrame(
        {"group_id": ["G1", "G2"], "unit_id": ["T1", "T2"], "name": ["Sadar JS", "Sadar JS 2"]}
    )
    for lang, other in (("en", "Another district"), ("hi", "दूसरा ज़िला")):
        shown = spread_rumours.shown_group_names(groups, UNITS, "D1", lang)
        assert shown.sort("group_id").rows() == [("G1", "Sadar JS"), ("G2", other)]
    everyone = spread_rumours.shown_group_names(groups, UNITS, None, "en")
    assert everyone.sort("group_id")["shown"].to_list() == ["Sadar JS", "Sadar JS 2"]


def test_a_directive_found_in_the_chats_is_named_by_when_it_was_first_posted():
    from datetime import datetime

    reach = pl.DataFrame(
        {
            "key": ["PHQ/017/01", "found:-3098700481924472877"],
            "issued_at": [datetime(2026, 9, 22, 9, 16), datetime(2026, 10, 10, 15, 17)],
        }
    )
    assert spread.directive_labels(reach, "en") == {
        "PHQ/017/01": "PHQ/017/01",
        "found:-3098700481924472877": "Found in the chats 10-10-2026 15:17",
    }
    assert spread.directive_labels(reach, "hi")["found:-3098700481924472877"] == (
        "चैट में मिला 10-10-2026 15:17"
    )


def test_an_sp_counts_only_the_stalls_inside_the_district():
    # Directive d1 stalled at thana T1 (district D1) and at thana T2 (district D2).
    stalls = pl.DataFrame({"key": ["d1", "d1"], "unit_id": ["T1", "T2"]})
    reach = pl.DataFrame({"key": ["d1"], "targets": [4], "reached": [2]})
    rumours = pl.DataFrame({"verdict": [None]}, schema={"verdict": pl.String})
    parts = {"stalls": stalls}
    state = spread.spread_counts(parts, reach, rumours, UNITS, None)
    district = spread.spread_counts(parts, reach, rumours, UNITS, "D1")
    assert (state.stalled, district.stalled) == (2, 1)
    assert (district.directives, district.reached_all, district.rumours_open) == (1, 0, 1)
