"""The name list: given names start a name, surnames continue it, script by script."""

from sampark.content.person_names import NameList, load_name_list, name_list_spans

SMALL = NameList(given=frozenset({"Asha", "Ravi", "रवि"}), surnames=frozenset({"Rai", "राय"}))


def names(text: str, listed: NameList = SMALL) -> list[str]:
    return [text[s:e] for s, e in name_list_spans(text, listed)]


def test_a_given_name_with_its_surnames_is_one_name():
    assert names("Ravi Rai and रवि राय came") == ["Ravi Rai", "रवि राय"]


def test_latin_names_count_only_in_title_case():
    assert names("ravi RAVI Ravi") == ["Ravi"]


def test_a_surname_alone_is_no_name():
    assert names("Rai said so") == []


def test_a_name_does_not_run_across_a_line_break():
    assert names("Ravi\nRai") == ["Ravi"]


def test_the_shipped_list_leaves_out_words_that_are_mostly_not_names():
    listed = load_name_list()
    assert {"पूजा", "सीमा", "Asha", "Ganga"} & listed.given == set()
    assert {"सुनीता", "Sunita", "मुन्नी"} <= listed.given


def test_a_nukta_letter_matches_in_either_spelling():
    listed = NameList(given=frozenset({"गुड़िया"}), surnames=frozenset())
    assert names("गु\u095cिया और गु\u0921\u093cिया", listed) == ["गु\u095cिया", "गु\u0921\u093cिया"]
