"""Copies of a register's directive among chat messages, through the fingerprints."""

from datetime import datetime, timedelta

import polars as pl

from sampark.fingerprints.clusters import near_duplicate_clusters
from sampark.fingerprints.frames import fingerprint_frame
from sampark.spread.copies import cluster_copies, directive_copies, register_as_messages
from tests.spread.network import at

PEPPER = b"test-pepper-0123456789abcdef-0123456789"
ORDER = (
    "All SHOs to ensure foot patrolling near every Durga Puja pandal from 6 PM to midnight "
    "and report compliance to the district control room."
)
ORDER_HI = (
    "सभी थानाध्यक्ष दुर्गा पूजा पंडालों के आसपास शाम छह बजे से आधी रात तक पैदल गश्त सुनिश्चित करें "
    "और अनुपालन की सूचना जिला नियंत्रण कक्ष को दें।"
)


def fingerprinted(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    return pl.concat([frame, fingerprint_frame(frame[column], PEPPER)], how="horizontal")


def register(rows: list[tuple[str, datetime, str]]) -> pl.DataFrame:
    frame = pl.DataFrame(
        {
            "directive_id": [r[0] for r in rows],
            "issued_at": [r[1] for r in rows],
            "text": [r[2] for r in rows],
        },
        schema={"directive_id": pl.String, "issued_at": pl.Datetime("us"), "text": pl.String},
    )
    return fingerprinted(frame, "text")


def chat(rows: list[tuple[str, datetime, str]]) -> pl.DataFrame:
    frame = pl.DataFrame(
        {
            "message_id": list(range(len(rows))),
            "group_id": [r[0] for r in rows],
            "ts": [r[1] for r in rows],
            "text": [r[2] for r in rows],
        },
        schema={
            "message_id": pl.Int64,
            "group_id": pl.String,
            "ts": pl.Datetime("us"),
            "text": pl.String,
        },
    )
    return fingerprinted(frame, "text")


def found_copies(reg: pl.DataFrame, msgs: pl.DataFrame, **kwargs: timedelta) -> pl.DataFrame:
    both = pl.concat([msgs.drop("text"), register_as_messages(reg)], how="diagonal_relaxed")
    clusters = near_duplicate_clusters(both)
    return directive_copies(clusters, msgs, reg, **kwargs)


def test_register_rows_become_messages_with_negative_ids_at_the_time_of_issue():
    reg = register([("D-1", at("10:00"), ORDER), ("D-2", at("11:00"), ORDER_HI)])
    rows = register_as_messages(reg).select("message_id", "ts").rows()
    assert rows == [(-1, at("10:00")), (-2, at("11:00"))]


def test_edited_forwards_in_both_languages_are_copies_and_other_texts_are_not():
    reg = register([("D-1", at("10:00"), ORDER), ("D-2", at("10:00"), ORDER_HI)])
    msgs = chat(
        [
            ("gA", at("10:02"), ORDER),
            ("gD1", at("10:30"), "*Important*\n" + ORDER + " 🙏"),
            ("gC1", at("11:00"), "Forwarded\n" + ORDER.replace("patrolling", "patroling")),
            ("gC2", at("11:05"), ORDER_HI + "\nजय हिन्द"),
            ("gC3", at("11:10"), "Kindly share the list of pandals with the number of volunteers."),
            ("gC3", at("11:20"), "ok sir"),
        ]
    )
    got = found_copies(reg, msgs)
    assert got.select("key", "message_id", "group_id").sort("message_id").rows() == [
        ("D-1", 0, "gA"),
        ("D-1", 1, "gD1"),
        ("D-1", 2, "gC1"),
        ("D-2", 3, "gC2"),
    ]


def test_a_message_before_the_time_of_issue_is_not_a_copy_unless_allowed_early():
    reg = register([("D-1", at("10:00"), ORDER)])
    msgs = chat([("gA", at("09:50"), ORDER), ("gD1", at("10:10"), ORDER)])
    assert found_copies(reg, msgs)["message_id"].to_list() == [1]
    allowed = found_copies(reg, msgs, early=timedelta(minutes=15))
    assert allowed.sort("message_id")["message_id"].to_list() == [0, 1]


def test_a_reissued_text_goes_to_the_latest_issue_before_each_copy():
    reg = register([("D-1", at("10:00"), ORDER), ("D-9", at("10:00", day=8), ORDER)])
    msgs = chat([("gC1", at("12:00"), ORDER), ("gC1", at("12:00", day=8), ORDER + " 🙏")])
    got = found_copies(reg, msgs).sort("message_id")
    assert got.select("key", "message_id").rows() == [("D-1", 0), ("D-9", 1)]


def test_one_word_variants_in_one_cluster_each_keep_their_own_copies():
    base = "Duty order: SI {} and four constables at Gandhi Maidan from 8 AM, report to the SHO"
    first, second = base.format("Ramesh Prasad"), base.format("Suresh Kumar")
    reg = register([("D-1", at("10:00"), first), ("D-2", at("10:00"), second)])
    msgs = chat([("gC1", at("10:30"), second + " 🙏"), ("gC2", at("10:40"), "*" + first + "*")])
    both = pl.concat([msgs.drop("text"), register_as_messages(reg)], how="diagonal_relaxed")
    assert (
        near_duplicate_clusters(both)["cluster"].n_unique() == 1
    )  # the signature cannot part them
    got = found_copies(reg, msgs).sort("message_id")
    assert got.select("key", "message_id").rows() == [("D-2", 0), ("D-1", 1)]


def test_no_register_or_no_cluster_gives_no_copies():
    msgs = chat([("gA", at("10:02"), ORDER)])
    empty = register([])
    assert found_copies(empty, msgs).height == 0


def test_cluster_copies_are_every_chat_message_of_the_cluster():
    clusters = pl.DataFrame(
        {"message_id": [-1, 0, 1, 2], "cluster": [7, 7, 7, 9], "size": [3, 3, 3, 1]},
        schema={"message_id": pl.Int64, "cluster": pl.Int64, "size": pl.UInt32},
    )
    msgs = pl.DataFrame(
        {"message_id": [0, 1, 2], "group_id": ["gA", "gC1", "gC2"], "ts": [at("10:00")] * 3},
        schema={"message_id": pl.Int64, "group_id": pl.String, "ts": pl.Datetime("us")},
    )
    keys = pl.DataFrame({"cluster": [7], "key": ["found:7"]})
    got = cluster_copies(clusters, msgs, keys)
    assert got.select("key", "message_id", "group_id").rows() == [
        ("found:7", 0, "gA"),
        ("found:7", 1, "gC1"),
    ]
