"""Authors and event subjects tied to people: by their number, else by the one member of the
group saved under that name."""

from __future__ import annotations

import polars as pl

from etl.sources.chats.read import _with_person, names_by_group

MEMBERS = pl.DataFrame(
    {
        "group_id": ["G1", "G1", "G1", "G2", "G2"],
        "person_id": ["+919876500001", "+919876500002", "+919876500003", "+919876500004", None],
        "name": ["Ram Prasad", " Sita Devi", "sita devi", "Ram Prasad", "Nobody"],
    }
).with_columns(pl.col("person_id").fill_null("+919876500005"))


def test_names_that_name_one_member_of_their_group_are_kept_per_group() -> None:
    names = names_by_group(MEMBERS)
    assert sorted(names) == ["G1", "G2"]
    # "Sita Devi" names two people of G1, so it names nobody; "Ram Prasad" one in each group.
    assert names["G1"].rows() == [("ram prasad", "+919876500001")]
    assert sorted(names["G2"].rows()) == [
        ("nobody", "+919876500005"),
        ("ram prasad", "+919876500004"),
    ]


def test_authors_are_tied_by_number_then_by_name_direction_marks_aside() -> None:
    names = names_by_group(MEMBERS)["G1"]
    messages = pl.DataFrame(
        {
            "line": [1, 2, 3, 4, 5],
            "author": [
                "\u202a+91 98765 00009\u202c",
                "\u202bRam Prasad\u202c",
                "Sita Devi",
                None,
                "ram prasad ",
            ],
        }
    )
    assert _with_person(messages, "author", names).rows() == [
        (1, "\u202a+91 98765 00009\u202c", "+919876500009"),
        (2, "\u202bRam Prasad\u202c", "+919876500001"),
        (3, "Sita Devi", None),
        (4, None, None),
        (5, "ram prasad ", "+919876500001"),
    ]
