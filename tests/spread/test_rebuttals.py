"""What rebuttal coverage is worked out from: a rumour's arrivals, the police clusters that
could answer it (police first, after the rumour, never a rumour or a register directive) and
the copies of the answer the cell linked. Literal frames written for these tests."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from sampark.spread.rebuttals import (
    linked_answer_copies,
    police_answer_arrivals,
    rumour_arrivals,
)
from sampark.spread.rumours import rebuttal_coverage

T = datetime(2024, 1, 6, 9, 0)


def _at(hour: int) -> datetime:
    return T.replace(hour=hour)


# Cluster 7: a rumour sent by the public to groups a, b, c at 9, 10 and 11.
# Cluster 8: a police answer in a (12) and c (14). Cluster 9: a police post in b before the
# rumour (8): no answer. Cluster 5: posted first by the public: no answer. Cluster 4: holds a
# register row (message -1): a directive, linked as one, not as a cluster.
CLUSTERS = pl.DataFrame(
    {
        "message_id": [1, 2, 3, 4, 5, 6, 7, 8, 9, -1],
        "cluster": [7, 7, 7, 8, 8, 9, 5, 5, 4, 4],
    }
)
MESSAGES = pl.DataFrame(
    {
        "message_id": [1, 2, 3, 4, 5, 6, 7, 8, 9],
        "group_id": ["a", "b", "c", "a", "c", "b", "a", "b", "c"],
        "ts": [_at(9), _at(10), _at(11), _at(12), _at(14), _at(8), _at(15), _at(16), _at(17)],
        "is_police": [False, None, False, True, True, True, False, True, True],
    }
)
RUMOURS = pl.DataFrame({"cluster": [7]})


def test_a_rumour_arrives_once_in_each_group_it_reached():
    arrivals = rumour_arrivals(CLUSTERS, MESSAGES, RUMOURS)
    assert arrivals.select("key", "group_id", "first_ts").rows() == [
        ("7", "a", _at(9)),
        ("7", "b", _at(10)),
        ("7", "c", _at(11)),
    ]


def test_only_police_clusters_that_came_after_a_rumour_may_answer_it():
    answers = police_answer_arrivals(CLUSTERS, MESSAGES, RUMOURS)
    assert answers.select("key", "group_id", "first_ts").rows() == [
        ("8", "a", _at(12)),
        ("8", "c", _at(14)),
    ]


def test_the_linked_answer_covers_two_of_three_groups_and_a_directive_counts_by_its_arrivals():
    stored = pl.DataFrame(
        {
            "cluster": [7, 70],
            "answer_directive_id": [None, "PHQ/1"],
            "answer_cluster": [8, None],
        }
    )
    hops = pl.DataFrame(
        {"key": ["PHQ/1", "PHQ/2"], "group_id": ["x", "x"], "first_ts": [_at(20), _at(21)]}
    )
    answers = police_answer_arrivals(CLUSTERS, MESSAGES, RUMOURS)
    copies = linked_answer_copies(stored, hops, answers)
    assert copies.rows() == [("70", "x", _at(20)), ("7", "a", _at(12)), ("7", "c", _at(14))]
    coverage = rebuttal_coverage(rumour_arrivals(CLUSTERS, MESSAGES, RUMOURS), copies)
    row = coverage.row(0, named=True)
    assert (row["groups"], row["answered"], round(row["coverage"], 3)) == (3, 2, 0.667)
    assert row["first_answer_after"].total_seconds() == 3 * 3600
    # a: 12 - 9 = 3 h; c: 14 - 11 = 3 h.
    assert row["median_delay"].total_seconds() == 3 * 3600


def test_a_rumour_without_a_link_has_no_answer_copies():
    stored = pl.DataFrame(
        {"cluster": [7], "answer_directive_id": [None], "answer_cluster": [None]},
        schema={"cluster": pl.Int64, "answer_directive_id": pl.String, "answer_cluster": pl.Int64},
    )
    empty = pl.DataFrame(
        schema={"key": pl.String, "group_id": pl.String, "first_ts": pl.Datetime("us")}
    )
    assert linked_answer_copies(stored, empty, empty).is_empty()
