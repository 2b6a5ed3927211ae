"""Phones, landlines, helplines and Aadhaar-like numbers (sampark/content/guard_numbers.py)."""

import pytest

from sampark.content.guard_numbers import landline_spans, number_spans


@pytest.mark.parametrize(
    "text",
    [
        "0612-2201977",
        "0612 2201977",
        "(0612) 2201977",
        "+91-612-2201977",
        "0612-220-1977",
        "06254-242100",
    ],
)
def test_a_landline_with_its_std_code_apart_is_a_landline(text):
    assert landline_spans(text) == [(0, len(text))]
    assert number_spans(text) == ([], [])


@pytest.mark.parametrize("text", ["9876543210", "09876543210", "098765 43210", "+91 98765 43210"])
def test_a_mobile_however_written_is_a_phone(text):
    assert number_spans(text) == ([], [(0, len(text))])


def test_helplines_and_toll_free_numbers_are_no_phone():
    assert number_spans("100 112 1090 1091 1098 181 1930 14567 155260 1800-345-6789") == ([], [])


def test_an_aadhaar_like_number_is_not_also_a_phone():
    assert number_spans("6634 1209 8876") == ([(0, 14)], [])
