"""Standing texts (posted again and again in the same groups) are neither rumours nor new
directives; a common text an officer happens to post first is not his order. Shapes met in
the demo's chats: a complaint template and a police notice posted all through the months."""

from datetime import datetime

import polars as pl

from sampark.spread.found import directives_without_register
from sampark.spread.rumours import group_districts, rumour_clusters
from sampark.spread.standing import forwarded_clusters
from sampark.spread.tree import unit_ancestors
from tests.spread.network import GROUPS, UNITS, at

ANCESTORS = unit_ancestors(UNITS)
DISTRICTS = group_districts(GROUPS, ANCESTORS)


def frames(rows: list[tuple[int, str, datetime, bool]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(cluster, group, time, sent by a police officer) rows: clusters and messages."""
    ids = list(range(len(rows)))
    clusters = pl.DataFrame(
        {"message_id": ids, "cluster": [r[0] for r in rows]},
        schema={"message_id": pl.Int64, "cluster": pl.Int64},
    )
    messages = pl.DataFrame(
        {
            "message_id": ids,
            "group_id": [r[1] for r in rows],
            "ts": [r[2] for r in rows],
            "is_police": [r[3] for r in rows],
            "is_officer": [r[3] for r in rows],
        },
        schema={
            "message_id": pl.Int64,
            "group_id": pl.String,
            "ts": pl.Datetime("us"),
            "is_police": pl.Boolean,
            "is_officer": pl.Boolean,
        },
    )
    return clusters, messages


FORWARD = [(1, g, at(t), False) for g, t in [("gT1", "08:00"), ("gC1", "09:00"), ("gT2", "10:00")]]
FORWARD += [(1, "gC3", at("11:00"), False), (1, "gT2", at("09:00", day=2), False)]
# Posted in the same four groups on the 1st, 8th and 15th: a standing text.
STANDING = [
    (2, g, at(t, day=d), False)
    for d in (1, 8, 15)
    for g, t in [("gT1", "08:00"), ("gC1", "09:00"), ("gT2", "10:00"), ("gC3", "11:00")]
]


def test_a_text_posted_on_many_days_in_each_group_is_standing_and_a_forward_is_not():
    clusters, messages = frames(FORWARD + STANDING)
    posts = clusters.join(messages, on="message_id")
    assert forwarded_clusters(posts)["cluster"].to_list() == [1]
    assert forwarded_clusters(posts, max_days_per_group=3)["cluster"].to_list() == [1, 2]


def test_a_standing_text_across_groups_and_districts_is_not_a_rumour():
    clusters, messages = frames(FORWARD + STANDING)
    found = rumour_clusters(clusters, messages, DISTRICTS, min_groups=4, min_districts=2)
    assert found["cluster"].to_list() == [1]


def test_a_notice_an_officer_posts_again_and_again_is_not_a_new_directive():
    rows = [
        (3, g, at(t, day=d), g == "gD1")
        for d in (1, 5, 9)
        for g, t in [("gD1", "10:00"), ("gC1", "10:20"), ("gC2", "10:40")]
    ]
    clusters, messages = frames(rows)
    assert directives_without_register(clusters, messages, GROUPS, ANCESTORS).height == 0


def test_a_common_text_mostly_outside_the_officers_unit_is_not_his_directive():
    # First posted by D1's officer; then two groups below D1 and three of D2 and the apex.
    rows = [(4, "gD1", at("10:00"), True)]
    rows += [(4, g, at(t), False) for g, t in [("gC1", "10:20"), ("gC2", "10:40")]]
    rows += [(4, g, at(t), False) for g, t in [("gC3", "11:00"), ("gT2", "11:10"), ("gA", "12:00")]]
    clusters, messages = frames(rows)
    assert directives_without_register(clusters, messages, GROUPS, ANCESTORS).height == 0
    # The same order seen below D1 in two groups and outside it in two: still D1's order.
    clusters, messages = frames(rows[:5])
    found = directives_without_register(clusters, messages, GROUPS, ANCESTORS)
    assert found.select("key", "unit_id", "groups_below").rows() == [("found:4", "D1", 2)]


def test_a_template_most_groups_saw_once_but_busy_groups_post_daily_is_standing():
    # Four groups saw it once; two busy groups post it every day for six days.
    once = [(5, g, at("09:00"), False) for g in ("gT1", "gC1", "gT2", "gC3")]
    daily = [(5, g, at("10:00", day=d), False) for g in ("gC2", "gD2") for d in range(1, 7)]
    clusters, messages = frames(once + daily)
    posts = clusters.join(messages, on="message_id")
    assert forwarded_clusters(posts).height == 0
    assert rumour_clusters(clusters, messages, DISTRICTS, min_groups=4).height == 0
