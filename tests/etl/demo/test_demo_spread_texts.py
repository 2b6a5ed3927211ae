"""The demo's planted texts and the edits a forward makes: the edited copies of a directive or
a rumour stay in their text's cluster (≥ 99 %: the MinHash estimate of a line cut with a typo
falls below the bar now and then, about 1 copy in 400 over 20 seeds), and no two planted texts
share a cluster."""

import random

import polars as pl

from etl.demo.spread_texts import DIRECTIVES, RUMOURS, edited_copy
from sampark.fingerprints.clusters import near_duplicate_clusters
from tests.fingerprints.test_clusters import messages

TEXTS = [t for pair in DIRECTIVES for t in pair]
TEXTS += [t for claim, answer in RUMOURS for t in (*claim, *answer)]


def test_an_edit_is_a_prefix_emoji_typo_line_or_spacing_and_never_a_new_text():
    rng = random.Random(3)
    text = DIRECTIVES[1][0]
    copies = [edited_copy(text, rng) for _ in range(200)]
    assert sum(c != text for c in copies) >= 150
    assert any(c.startswith(("*Important*", "Forwarded")) for c in copies)
    assert any(c.count("\n") == text.count("\n") + 1 for c in copies)
    assert any(c.count("\n") == text.count("\n") - 1 for c in copies)
    assert all(len(c) >= 0.6 * len(text) for c in copies)


def test_edited_copies_of_every_planted_text_cluster_with_it_and_with_no_other():
    rng = random.Random(13)  # one copy of 520 splits off on this seed
    rows = [
        (n, t)
        for n, text in enumerate(TEXTS)
        for t in [text, *(edited_copy(text, rng) for _ in range(12))]
    ]
    found = near_duplicate_clusters(messages([t for _, t in rows]))
    placed = found.join(
        pl.DataFrame({"message_id": range(len(rows)), "text_no": [n for n, _ in rows]}),
        on="message_id",
    )
    # Each text's cluster is the one most of its copies are in.
    main = placed.group_by("text_no").agg(pl.col("cluster").mode().first().alias("main"))
    placed = placed.join(main, on="text_no")
    assert placed.height == len(rows)
    assert placed["main"].n_unique() == len(TEXTS)
    assert (placed["cluster"] == placed["main"]).mean() >= 0.99
    assert (
        placed.filter(pl.col("cluster") != pl.col("main"))["cluster"]
        .is_in(main["main"].implode())
        .sum()
        == 0
    )
