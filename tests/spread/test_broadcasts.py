"""Which message text is kept: one copy of a text seen in five groups or more."""

import polars as pl

from sampark.spread.broadcasts import broadcast_texts_to_keep
from tests.spread.network import at

CLUSTERS = pl.DataFrame(
    {
        "message_id": [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        "cluster": [9, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2],
    },
    schema={"message_id": pl.Int64, "cluster": pl.Int64},
)
MESSAGES = pl.DataFrame(
    {
        "message_id": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        # Cluster 1: five groups (gA twice); cluster 2: four groups.
        "group_id": ["gA", "gA", "gC1", "gC2", "gC3", "gT1", "gA", "gC1", "gC2", "gC3"],
        "ts": [at(f"10:{m:02d}") for m in range(10)],
        # Only the messages of the file loading now still have their text.
        "has_text": [False, False, False, False, True, True, True, True, True, True],
    },
    schema={
        "message_id": pl.Int64,
        "group_id": pl.String,
        "ts": pl.Datetime("us"),
        "has_text": pl.Boolean,
    },
)


def test_the_first_copy_at_hand_of_a_text_in_five_groups_is_kept():
    got = broadcast_texts_to_keep(CLUSTERS, MESSAGES, pl.Series([], dtype=pl.Int64))
    assert got.rows() == [(1, 4, 5)]


def test_a_broadcast_kept_already_is_not_kept_again():
    assert broadcast_texts_to_keep(CLUSTERS, MESSAGES, pl.Series([1], dtype=pl.Int64)).height == 0


def test_the_number_of_groups_is_a_setting():
    got = broadcast_texts_to_keep(CLUSTERS, MESSAGES, pl.Series([], dtype=pl.Int64), min_groups=4)
    assert got.rows() == [(1, 4, 5), (2, 6, 4)]
