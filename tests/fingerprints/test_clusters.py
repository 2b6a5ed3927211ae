"""Near-duplicate clusters: the edits that must match, the pairs that must not."""

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from sampark.fingerprints.clusters import CLUSTER_SCHEMA, components, near_duplicate_clusters
from sampark.fingerprints.frames import fingerprint_frame

PEPPER = b"test-pepper-0123456789abcdef-0123456789"
PAIRS = [
    json.loads(line) for line in Path(__file__).with_name("pairs.jsonl").open(encoding="utf-8")
]
# A directive differing from another in one word (an officer's name, a place, a date written
# in words) is taken for a copy with a typo: the signature cannot tell the two apart.
ONE_WORD = {
    "template, other name",
    "template, other place",
    "template, other unit",
    "template, other clothes",
    "template, other road",
    "template, other other",
    "template, other age",
    "template, other start",
    "template, other end",
    "template, other date",
    "template, other time",
}


def messages(texts: list[str | None]) -> pl.DataFrame:
    prints = fingerprint_frame(pl.Series(texts, dtype=pl.String), PEPPER)
    return prints.with_columns(
        message_id=pl.int_range(pl.len(), dtype=pl.Int64),
        group_id=pl.int_range(pl.len(), dtype=pl.Int32),
        ts=pl.datetime_range(datetime(2026, 3, 1), datetime(2026, 3, 1), "1m", eager=False)
        .first()
        .dt.offset_by(pl.format("{}m", pl.int_range(pl.len()))),
    )


def same_cluster(a: str, b: str) -> bool:
    found = near_duplicate_clusters(messages([a, b]))
    return found.height == 2 and found["cluster"].n_unique() == 1


@pytest.fixture(scope="module")
def verdicts() -> list[bool]:
    return [same_cluster(pair["a"], pair["b"]) for pair in PAIRS]


def test_there_are_over_200_pairs_in_both_languages():
    assert len(PAIRS) >= 200
    assert Counter(pair["lang"] for pair in PAIRS).keys() >= {"en", "hi"}


def test_the_pairs_file_is_what_make_pairs_writes():
    from tests.fingerprints import make_pairs

    assert make_pairs.text() == make_pairs.OUT.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "edit", ["emoji", "marker", "typo", "two typos", "spacing", "line added", "marker, emoji, typo"]
)
def test_every_copy_with_this_edit_matches(verdicts, edit):
    missed = [
        p["b"] for p, got in zip(PAIRS, verdicts, strict=True) if p["why"] == edit and not got
    ]
    assert missed == []


def test_copies_with_the_last_line_cut_match(verdicts):
    missed = [
        p["b"]
        for p, got in zip(PAIRS, verdicts, strict=True)
        if p["why"] == "line cut" and "\n" in p["a"] and not got
    ]
    assert missed == []


def test_most_copies_with_a_sentence_cut_match(verdicts):
    # Cutting one sentence of two leaves half the text (Jaccard 0.35-0.5): some are missed.
    cut = [
        got
        for p, got in zip(PAIRS, verdicts, strict=True)
        if p["why"] == "line cut" and "\n" not in p["a"]
    ]
    assert sum(cut) / len(cut) >= 0.6


@pytest.mark.parametrize(
    "kind", ["template, other content", "short", "same topic", "unrelated", "translation"]
)
def test_no_pair_of_this_kind_matches(verdicts, kind):
    wrong = [p["b"] for p, got in zip(PAIRS, verdicts, strict=True) if p["why"] == kind and got]
    assert wrong == []


def test_directives_of_one_template_with_other_numbers_never_match():
    base = "Duty order: SI Ramesh Prasad and four constables at Gandhi Maidan on {} from 8 AM."
    assert not same_cluster(base.format("12.03.2026"), base.format("15.03.2026"))
    assert same_cluster(base.format("12.03.2026"), base.format("12.03.2026") + "\nKindly comply")


def test_recall_and_precision_over_all_pairs(verdicts):
    tp = sum(g and p["match"] for p, g in zip(PAIRS, verdicts, strict=True))
    fn = sum(not g and p["match"] for p, g in zip(PAIRS, verdicts, strict=True))
    fp = sum(g and not p["match"] for p, g in zip(PAIRS, verdicts, strict=True))
    fp_beyond_one_word = sum(
        g and not p["match"] and p["why"] not in ONE_WORD
        for p, g in zip(PAIRS, verdicts, strict=True)
    )
    assert tp / (tp + fn) >= 0.97
    assert fp_beyond_one_word == 0
    assert tp / (tp + fp) >= 0.9


def test_all_pairs_at_once_give_no_chain_across_different_texts(verdicts):
    # Without the one-word template variants, which are known to link (see ONE_WORD) and
    # would chain the template's other directives together.
    kept = [n for n, p in enumerate(PAIRS) if p["why"] not in ONE_WORD]
    texts = [t for n in kept for t in (PAIRS[n]["a"], PAIRS[n]["b"])]
    found = near_duplicate_clusters(messages(texts))
    cluster = dict(zip(found["message_id"], found["cluster"], strict=True))
    changed = []
    for k, n in enumerate(kept):
        together = cluster.get(2 * k) is not None and cluster.get(2 * k) == cluster.get(2 * k + 1)
        # A copy may join its original through the other copies (a line cut missed alone is
        # found through a chain); nothing else may change.
        if together != verdicts[n] and not (PAIRS[n]["match"] and together):
            changed.append((n, PAIRS[n]["why"]))
    assert changed == []


def test_clusters_are_named_by_their_first_text_and_count_messages():
    texts = [
        "Beware of fake calls asking you to pay an overdue electricity bill today",
        "Forwarded\nBeware of fake calls asking you to pay an overdue electricity bill today 🙏",
        "ok sir",
        "Beware of fake calls asking you to pay an overdue electricity bill todya",
        "A lost child was found near the bus stand, the family may contact the thana",
    ]
    frame = messages(texts)
    found = near_duplicate_clusters(frame).sort("message_id")
    assert found.schema == CLUSTER_SCHEMA
    assert found["message_id"].to_list() == [0, 1, 3, 4]
    first = frame["keyed_hash"][0]
    assert found["cluster"].to_list()[:3] == [first, first, first]
    assert found["size"].to_list() == [3, 3, 3, 1]


def test_no_fingerprinted_message_gives_no_cluster():
    assert near_duplicate_clusters(messages(["ok", None])).height == 0


def test_components_join_every_linked_text_to_the_smallest():
    links = np.array([[3, 4], [1, 2], [2, 3], [6, 7]], dtype=np.int32)
    assert components(8, links).tolist() == [0, 1, 1, 1, 1, 5, 6, 6]


RUMOUR_EN = (
    "Rumour alert: a message says children are being kidnapped by a gang in a white van near "
    "schools. This is false. No such case has been reported in any thana. Do not forward it."
)
RUMOUR_HI = (
    "अफवाह से सावधान: एक संदेश में कहा जा रहा है कि सफेद वैन में एक गिरोह स्कूलों के पास से बच्चों को "
    "उठा रहा है। यह झूठ है। किसी भी थाने में ऐसा कोई मामला दर्ज नहीं है। इसे आगे न भेजें।"
)
EDITS = [
    lambda t: "*Important*\n" + t,
    lambda t: t + " 🙏🙏",
    lambda t: "Forwarded\n" + t,
    lambda t: "_जरूरी सूचना_\n" + t,
    lambda t: t.replace(" ", "  "),
    lambda t: t + "\nPlease share in all groups.",
    lambda t: t.replace("kidnapped", "kidnaped").replace("स्कूलों", "स्कूलो"),
    lambda t: t.replace("schools", "school").replace("झूठ", "झुठ"),
]


def forwards(text: str, copies: int) -> list[str]:
    """`copies` forwards of `text`, each with two of the edits, in a fixed order."""
    made = []
    for n in range(copies):
        first, second = EDITS[n % len(EDITS)], EDITS[(3 * n + 1) % len(EDITS)]
        made.append(second(first(text)))
    return made


def test_a_forward_edited_thirty_times_in_each_language_makes_one_cluster_per_language():
    found = near_duplicate_clusters(messages(forwards(RUMOUR_EN, 30) + forwards(RUMOUR_HI, 30)))
    assert found.height == 60
    by_language = found.sort("message_id")["cluster"].to_list()
    assert len(set(by_language[:30])) == 1
    assert len(set(by_language[30:])) == 1
    # A translation is another text: the two languages are two clusters.
    assert by_language[0] != by_language[30]


def test_long_messages_sharing_only_a_signature_line_stay_apart():
    footer = "\nJai Hind. Share this in all groups of your thana. - SP Office, Patna"
    texts = [
        "Traffic diversion on the Ashok Rajpath from Monday for the flyover work, buses via"
        " Bander Bagicha" + footer,
        "Lost mobile phones can be reported on the CEIR portal and the phone will be blocked in"
        " a day" + footer,
        "Cyber fraud: never share an OTP with anyone claiming to be from your bank, call 1930 at"
        " once" + footer,
    ]
    found = near_duplicate_clusters(messages(texts))
    assert found["size"].to_list() == [1, 1, 1]
