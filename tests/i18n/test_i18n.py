import pytest

from sampark.i18n import indian_grouping, number, percent, t
from sampark.i18n.strings import STRINGS


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0"), (999, "999"), (1000, "1,000"), (245000, "2,45,000"), (12345678, "1,23,45,678")],
)
def test_indian_grouping_groups_lakhs_and_crores(n, text):
    assert indian_grouping(n) == text


def test_number_uses_indian_grouping_only_in_hindi():
    assert (number(245000, "hi"), number(245000, "en")) == ("2,45,000", "245,000")


def test_percent_of_nothing_is_a_dash():
    assert (percent(None, "en"), percent(0.5, "hi")) == ("—", "50.0%")


def test_every_string_has_english_and_hindi():
    assert [k for k, v in STRINGS.items() if not v.get("en") or not v.get("hi")] == []


def test_t_fills_values_in_the_chosen_language():
    assert t("of", "hi", part="5", whole="9") == "9 में से 5"
